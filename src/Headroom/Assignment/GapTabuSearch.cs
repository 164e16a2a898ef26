namespace Headroom.Assignment;

// Tabu search over shift and swap moves that may overload agents, at a price per unit of overload
// that rises while an agent stays overloaded and falls while it has room (strategic oscillation,
// as in Díaz and Fernández 2001 and Yagiura et al.). Tight instances (types D and E) have few
// feasible neighbors, and crossing infeasible ground is what lets the search leave a local optimum;
// CP-SAT alone stalls there.
internal sealed class GapTabuSearch
{
    private readonly GapInstance _instance;
    private readonly int _m;
    private readonly int _n;
    private readonly int[] _cost;   // [i * n + j]
    private readonly int[] _weight; // [i * n + j]
    private readonly bool[] _usable;
    private readonly Random _random;
    private readonly double _basePrice;

    private readonly int[] _assignment;
    private readonly long[] _load;
    private readonly double[] _price;
    private readonly long[] _tabuUntil;
    private long _currentCost;
    private long _iteration;

    public GapTabuSearch(GapInstance instance, Func<int, int, bool> usable, Random random)
    {
        _instance = instance;
        _m = instance.Agents;
        _n = instance.Jobs;
        _random = random;
        _cost = new int[_m * _n];
        _weight = new int[_m * _n];
        _usable = new bool[_m * _n];
        double costs = 0, weights = 0;
        for (var i = 0; i < _m; i++)
        {
            for (var j = 0; j < _n; j++)
            {
                _cost[i * _n + j] = instance.Cost[i][j];
                _weight[i * _n + j] = instance.Weight[i][j];
                _usable[i * _n + j] = usable(i, j);
                costs += Math.Abs(instance.Cost[i][j]);
                weights += Math.Max(1, Math.Abs(instance.Weight[i][j]));
            }
        }
        _basePrice = Math.Max(1e-3, costs / weights);
        _assignment = new int[_n];
        _load = new long[_m];
        _price = new double[_m];
        _tabuUntil = new long[_m * _n];
    }

    public int[] Best { get; private set; } = [];

    public long BestCost { get; private set; } = long.MaxValue;

    public void Restart(int[] start)
    {
        Array.Copy(start, _assignment, _n);
        Array.Clear(_load);
        _currentCost = 0;
        for (var j = 0; j < _n; j++)
        {
            var at = _assignment[j] * _n + j;
            _load[_assignment[j]] += _weight[at];
            _currentCost += _cost[at];
        }
        Array.Fill(_price, _basePrice);
        Array.Clear(_tabuUntil);
        _iteration = 0;
        Remember();
    }

    // Runs the given number of iterations; returns true when the best feasible solution improved.
    public bool Step(int iterations)
    {
        var improved = false;
        for (var k = 0; k < iterations; k++)
        {
            improved |= Iterate();
        }
        return improved;
    }

    private double Overload(int agent, long load) => Math.Max(0, load - _instance.Capacity[agent]) * _price[agent];

    private bool Iterate()
    {
        _iteration++;
        var overloaded = 0;
        for (var i = 0; i < _m; i++)
        {
            overloaded += _load[i] > _instance.Capacity[i] ? 1 : 0;
        }
        // Besides the move it makes, each iteration notes the cheapest move that would land on a
        // feasible solution better than the best: the penalized walk passes close to many of them.
        var peekCost = BestCost;
        int peekJob = -1, peekAgent = -1, peekJob2 = -1;
        var bestDelta = double.PositiveInfinity;
        int bestJob = -1, bestAgent = -1, bestJob2 = -1;
        var ties = 0;

        for (var j = 0; j < _n; j++)
        {
            var a = _assignment[j];
            var aj = a * _n + j;
            var outOfA = Overload(a, _load[a] - _weight[aj]) - Overload(a, _load[a]);
            for (var b = 0; b < _m; b++)
            {
                var bj = b * _n + j;
                if (b == a || !_usable[bj])
                {
                    continue;
                }
                var delta = _cost[bj] - _cost[aj] + outOfA + Overload(b, _load[b] + _weight[bj]) - Overload(b, _load[b]);
                if (_currentCost + _cost[bj] - _cost[aj] < peekCost
                    && overloaded - (_load[a] > _instance.Capacity[a] ? 1 : 0) - (_load[b] > _instance.Capacity[b] ? 1 : 0) == 0
                    && _load[a] - _weight[aj] <= _instance.Capacity[a] && _load[b] + _weight[bj] <= _instance.Capacity[b])
                {
                    peekCost = _currentCost + _cost[bj] - _cost[aj];
                    (peekJob, peekAgent, peekJob2) = (j, b, -1);
                }
                if (_tabuUntil[bj] > _iteration && !Aspires(_cost[bj] - _cost[aj], a, b, -_weight[aj], _weight[bj]))
                {
                    continue;
                }
                Consider(delta, j, b, -1, ref bestDelta, ref bestJob, ref bestAgent, ref bestJob2, ref ties);
            }
        }

        // Swaps: j1 (on a) goes to b and j2 (on b) goes to a.
        for (var j1 = 0; j1 < _n; j1++)
        {
            var a = _assignment[j1];
            for (var j2 = j1 + 1; j2 < _n; j2++)
            {
                var b = _assignment[j2];
                if (a == b || !_usable[b * _n + j1] || !_usable[a * _n + j2])
                {
                    continue;
                }
                var costDelta = _cost[b * _n + j1] + _cost[a * _n + j2] - _cost[a * _n + j1] - _cost[b * _n + j2];
                var loadA = _load[a] - _weight[a * _n + j1] + _weight[a * _n + j2];
                var loadB = _load[b] - _weight[b * _n + j2] + _weight[b * _n + j1];
                var delta = costDelta + Overload(a, loadA) - Overload(a, _load[a]) + Overload(b, loadB) - Overload(b, _load[b]);
                if (_currentCost + costDelta < peekCost && loadA <= _instance.Capacity[a] && loadB <= _instance.Capacity[b]
                    && overloaded - (_load[a] > _instance.Capacity[a] ? 1 : 0) - (_load[b] > _instance.Capacity[b] ? 1 : 0) == 0)
                {
                    peekCost = _currentCost + costDelta;
                    (peekJob, peekAgent, peekJob2) = (j1, b, j2);
                }
                if (delta > bestDelta)
                {
                    continue;
                }
                var tabu = _tabuUntil[b * _n + j1] > _iteration || _tabuUntil[a * _n + j2] > _iteration;
                if (tabu && !(costDelta + _currentCost < BestCost && loadA <= _instance.Capacity[a] && loadB <= _instance.Capacity[b] && FeasibleExcept(a, b)))
                {
                    continue;
                }
                Consider(delta, j1, b, j2, ref bestDelta, ref bestJob, ref bestAgent, ref bestJob2, ref ties);
            }
        }

        var peeked = peekJob >= 0 && RememberMove(peekJob, peekAgent, peekJob2, peekCost);
        if (bestJob < 0)
        {
            AdjustPrices();
            return peeked;
        }
        if (bestJob2 < 0)
        {
            Move(bestJob, bestAgent);
        }
        else
        {
            var a = _assignment[bestJob];
            Move(bestJob, bestAgent);
            Move(bestJob2, a);
        }
        AdjustPrices();
        return Remember() | peeked;
    }

    private bool RememberMove(int job, int agent, int job2, long cost)
    {
        var best = (int[])_assignment.Clone();
        if (job2 >= 0)
        {
            best[job2] = best[job];
        }
        best[job] = agent;
        Best = best;
        BestCost = cost;
        return true;
    }

    private void Consider(double delta, int job, int agent, int job2, ref double bestDelta, ref int bestJob, ref int bestAgent, ref int bestJob2, ref int ties)
    {
        if (delta < bestDelta - 1e-9)
        {
            bestDelta = delta;
            bestJob = job;
            bestAgent = agent;
            bestJob2 = job2;
            ties = 1;
        }
        else if (delta <= bestDelta + 1e-9 && _random.Next(++ties) == 0)
        {
            bestJob = job;
            bestAgent = agent;
            bestJob2 = job2;
        }
    }

    // A tabu shift is allowed when it yields a feasible solution better than the best one.
    private bool Aspires(long costDelta, int a, int b, long loadDeltaA, long loadDeltaB) =>
        _currentCost + costDelta < BestCost
        && _load[a] + loadDeltaA <= _instance.Capacity[a]
        && _load[b] + loadDeltaB <= _instance.Capacity[b]
        && FeasibleExcept(a, b);

    private bool FeasibleExcept(int a, int b)
    {
        for (var i = 0; i < _m; i++)
        {
            if (i != a && i != b && _load[i] > _instance.Capacity[i])
            {
                return false;
            }
        }
        return true;
    }

    private void Move(int job, int to)
    {
        var from = _assignment[job];
        _load[from] -= _weight[from * _n + job];
        _load[to] += _weight[to * _n + job];
        _currentCost += _cost[to * _n + job] - _cost[from * _n + job];
        _assignment[job] = to;
        // The job may not go back to where it was for a while.
        _tabuUntil[from * _n + job] = _iteration + 5 + _random.Next(Math.Max(2, _n / _m + 5));
    }

    // Measured on d20100 and d20200: faster price swings keep most agents overloaded most of the
    // time, and a low floor lets one cheap agent soak up every job.
    private const double Up = 1.05;
    private const double Down = 0.98;
    private const double Floor = 0.3;

    private void AdjustPrices()
    {
        for (var i = 0; i < _m; i++)
        {
            _price[i] = _load[i] > _instance.Capacity[i]
                ? Math.Min(_price[i] * Up, _basePrice * 1e4)
                : Math.Max(_price[i] * Down, _basePrice * Floor);
        }
    }

    private bool Remember()
    {
        if (_currentCost >= BestCost)
        {
            return false;
        }
        for (var i = 0; i < _m; i++)
        {
            if (_load[i] > _instance.Capacity[i])
            {
                return false;
            }
        }
        BestCost = _currentCost;
        Best = (int[])_assignment.Clone();
        return true;
    }
}
