namespace Headroom.Assignment;

// Lagrangian dives. Relaxing "every job on exactly one agent" with a multiplier u_j per job leaves
// one 0-1 knapsack per agent: take the jobs whose u_j − cost is positive, as much of that profit as
// fits its capacity. Σ u_j minus the knapsacks' profits is a lower bound on the cost (stronger
// than the LP's: 6176 against 6142.5 on d20100), and near the best multipliers almost every job is
// taken by exactly one knapsack, each agent filled almost to the unit. That is the shape of the
// best-known solutions of types D and E (almost every job on an LP-best agent, almost no capacity
// unused), which the walk's moves and CP-SAT on sub-problems do not reach (ADR 0021, session 13).
// A dive fixes a random share of the jobs that one knapsack took where it took them, takes a few
// subgradient steps for the rest with the capacity left, and repeats until every job is fixed. It
// gives up when the bound of what is left cannot beat the incumbent or a job fits nowhere.
internal sealed class GapLagrangianDive
{
    // The knapsacks are solved by dynamic programming over the capacity: jobs × (capacity + 1)
    // cells per agent and iteration. Above these sizes the dive is not used (the shared instances
    // need at most about 170k cells per agent and 7M per iteration).
    private const long MaxCellsPerAgent = 4_000_000;
    private const long MaxCellsPerIteration = 60_000_000;

    // Measured on d20100, d20200 and d40400 (ADR 0021, session 13): a third of the jobs taken once
    // fixed per round and 20 subgradient steps between rounds.
    private const double FixShare = 0.3;
    private const int StepsPerRound = 20;
    private const double DiveStep = 0.5;

    private readonly GapInstance _instance;
    private readonly int _m;
    private readonly int _n;
    private readonly Random _random;
    private readonly double[] _multipliers;
    private readonly int[][] _jobsOf; // per agent: the jobs that fit it at all
    private readonly double[] _dp;
    private readonly bool[] _take;
    private readonly int[] _items;
    private readonly bool[] _chosen; // [i * n + j]: agent i's knapsack took job j
    private readonly bool[] _kept;
    private readonly double[] _gradient;

    public GapLagrangianDive(GapInstance instance, double[] multipliers, Random random)
    {
        _instance = instance;
        _m = instance.Agents;
        _n = instance.Jobs;
        _random = random;
        _multipliers = (double[])multipliers.Clone();
        _jobsOf = new int[_m][];
        long largest = 0, capacity = 0;
        for (var i = 0; i < _m; i++)
        {
            var agent = i;
            _jobsOf[i] = [.. Enumerable.Range(0, _n).Where(j => instance.Weight[agent][j] <= instance.Capacity[agent])];
            if (_jobsOf[i].Length > 0)
            {
                // An agent no job fits never gets a knapsack, whatever its capacity.
                largest = Math.Max(largest, _jobsOf[i].Length * (instance.Capacity[i] + 1));
                capacity = Math.Max(capacity, instance.Capacity[i]);
            }
        }
        _dp = new double[capacity + 1];
        _take = new bool[largest];
        _items = new int[_n];
        _chosen = new bool[_m * _n];
        _kept = new bool[_m * _n];
        _gradient = new double[_n];
    }

    // Whether the knapsacks are small enough to solve exactly many times a second.
    public static bool Applies(GapInstance instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        long total = 0;
        for (var i = 0; i < instance.Agents; i++)
        {
            if (instance.Capacity[i] < 0)
            {
                return false;
            }
            long jobs = 0;
            for (var j = 0; j < instance.Jobs; j++)
            {
                if (instance.Weight[i][j] < 0)
                {
                    return false;
                }
                jobs += instance.Weight[i][j] <= instance.Capacity[i] ? 1 : 0;
            }
            var cells = jobs * (instance.Capacity[i] + 1);
            if (cells > MaxCellsPerAgent)
            {
                return false;
            }
            total += cells;
        }
        return total <= MaxCellsPerIteration;
    }

    // The best Lagrangian value found by Ascend, a lower bound on every solution's cost.
    public double Bound { get; private set; } = double.NegativeInfinity;

    // Subgradient steps from the starting multipliers towards the incumbent's cost; the best
    // multipliers found are kept as every dive's start.
    public void Ascend(long incumbent, int iterations, Func<bool> stop)
    {
        ArgumentNullException.ThrowIfNull(stop);
        var (fixedTo, residual, u) = Fresh();
        var theta = 1.0;
        var sinceBest = 0;
        for (var t = 0; t < iterations && theta > 1e-4 && !stop(); t++)
        {
            var value = Relax(u, fixedTo, residual, 0, out var norm);
            if (value > Bound + 1e-9)
            {
                Bound = value;
                Array.Copy(u, _multipliers, _n);
                sinceBest = 0;
            }
            else if (++sinceBest >= 20)
            {
                theta /= 2;
                sinceBest = 0;
            }
            if (norm <= 0)
            {
                return; // every job taken exactly once: the knapsacks are an optimal assignment
            }
            Step(u, fixedTo, theta * (incumbent - value) / norm);
        }
    }

    // One dive; returns an assignment cheaper than the incumbent, or null.
    public int[]? Dive(long incumbent, Func<bool> stop)
    {
        ArgumentNullException.ThrowIfNull(stop);
        var (fixedTo, residual, u) = Fresh();
        long fixedCost = 0;
        var free = _n;
        var once = new List<(int Job, int Agent)>();
        while (free > 0)
        {
            if (stop())
            {
                return null;
            }
            var best = double.NegativeInfinity;
            for (var t = 0; t < StepsPerRound; t++)
            {
                var value = Relax(u, fixedTo, residual, fixedCost, out var norm);
                // Costs are integers: a completion that beats the incumbent costs at most incumbent − 1.
                if (value > incumbent - 1 + 1e-6)
                {
                    return null;
                }
                if (value > best)
                {
                    best = value;
                    Array.Copy(_chosen, _kept, _chosen.Length);
                }
                if (norm <= 0)
                {
                    break;
                }
                Step(u, fixedTo, DiveStep * (incumbent - value) / norm);
            }

            once.Clear();
            for (var j = 0; j < _n; j++)
            {
                if (fixedTo[j] >= 0)
                {
                    continue;
                }
                int count = 0, agent = -1;
                for (var i = 0; i < _m; i++)
                {
                    if (_kept[i * _n + j])
                    {
                        count++;
                        agent = i;
                    }
                }
                if (count == 1)
                {
                    once.Add((j, agent));
                }
            }
            if (once.Count == 0)
            {
                // No job is settled: one free job goes to its cheapest agent with room.
                var job = RandomFreeJob(fixedTo, free);
                var agent = -1;
                for (var i = 0; i < _m; i++)
                {
                    if (_instance.Weight[i][job] <= residual[i] && (agent < 0 || _instance.Cost[i][job] < _instance.Cost[agent][job]))
                    {
                        agent = i;
                    }
                }
                if (agent < 0)
                {
                    return null;
                }
                once.Add((job, agent));
            }
            var take = Math.Max(1, (int)Math.Ceiling(once.Count * FixShare));
            _random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(once));
            for (var k = 0; k < take; k++)
            {
                var (job, agent) = once[k];
                if (_instance.Weight[agent][job] > residual[agent])
                {
                    continue;
                }
                fixedTo[job] = agent;
                residual[agent] -= _instance.Weight[agent][job];
                fixedCost += _instance.Cost[agent][job];
                free--;
            }
            if (!EveryFreeJobFits(fixedTo, residual))
            {
                return null;
            }
        }
        return fixedCost < incumbent ? fixedTo : null;
    }

    // No job fixed, every capacity left, the kept multipliers.
    private (int[] FixedTo, long[] Residual, double[] U) Fresh()
    {
        var fixedTo = new int[_n];
        Array.Fill(fixedTo, -1);
        return (fixedTo, (long[])_instance.Capacity.Clone(), (double[])_multipliers.Clone());
    }

    private int RandomFreeJob(int[] fixedTo, int free)
    {
        var pick = _random.Next(free);
        for (var j = 0; j < _n; j++)
        {
            if (fixedTo[j] < 0 && pick-- == 0)
            {
                return j;
            }
        }
        throw new InvalidOperationException("no free job");
    }

    private bool EveryFreeJobFits(int[] fixedTo, long[] residual)
    {
        for (var j = 0; j < _n; j++)
        {
            if (fixedTo[j] >= 0)
            {
                continue;
            }
            var fits = false;
            for (var i = 0; i < _m && !fits; i++)
            {
                fits = _instance.Weight[i][j] <= residual[i];
            }
            if (!fits)
            {
                return false;
            }
        }
        return true;
    }

    // The Lagrangian value for the free jobs at multipliers u (plus the fixed jobs' cost), with
    // each agent's knapsack in _chosen; norm is the squared subgradient (1 − times taken, per free job).
    private double Relax(double[] u, int[] fixedTo, long[] residual, long fixedCost, out double norm)
    {
        double value = fixedCost;
        for (var j = 0; j < _n; j++)
        {
            if (fixedTo[j] < 0)
            {
                value += u[j];
                _gradient[j] = 1;
            }
        }
        for (var i = 0; i < _m; i++)
        {
            value -= Knapsack(i, u, fixedTo, residual[i]);
        }
        norm = 0;
        for (var j = 0; j < _n; j++)
        {
            if (fixedTo[j] < 0)
            {
                norm += _gradient[j] * _gradient[j];
            }
        }
        return value;
    }

    private void Step(double[] u, int[] fixedTo, double size)
    {
        for (var j = 0; j < _n; j++)
        {
            if (fixedTo[j] < 0)
            {
                u[j] += size * _gradient[j];
            }
        }
    }

    // 0-1 knapsack of agent i over the free jobs with positive profit u_j − cost, by dynamic
    // programming over the capacity; marks the jobs taken and counts them in the gradient.
    private double Knapsack(int i, double[] u, int[] fixedTo, long capacity)
    {
        var row = i * _n;
        var count = 0;
        foreach (var j in _jobsOf[i])
        {
            _chosen[row + j] = false;
            if (fixedTo[j] < 0 && u[j] - _instance.Cost[i][j] > 1e-9 && _instance.Weight[i][j] <= capacity)
            {
                _items[count++] = j;
            }
        }
        if (count == 0 || capacity < 0)
        {
            return 0;
        }
        var b = (int)capacity;
        var width = b + 1;
        Array.Clear(_dp, 0, width);
        Array.Clear(_take, 0, count * width);
        var weight = _instance.Weight[i];
        var cost = _instance.Cost[i];
        for (var q = 0; q < count; q++)
        {
            var j = _items[q];
            var w = weight[j];
            var profit = u[j] - cost[j];
            var offset = q * width;
            for (var r = b; r >= w; r--)
            {
                var with = _dp[r - w] + profit;
                if (with > _dp[r])
                {
                    _dp[r] = with;
                    _take[offset + r] = true;
                }
            }
        }
        var left = b;
        for (var q = count - 1; q >= 0; q--)
        {
            if (_take[q * width + left])
            {
                var j = _items[q];
                _chosen[row + j] = true;
                _gradient[j] -= 1;
                left -= weight[j];
            }
        }
        return _dp[b];
    }
}
