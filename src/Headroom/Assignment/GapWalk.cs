namespace Headroom.Assignment;

// A walk over shift, swap and ejection-chain moves that may overload agents, at a price per unit of
// overload per agent. Two rules: a tabu search whose prices rise while an agent stays overloaded and
// fall while it has room (strategic oscillation, as in Díaz and Fernández 2001), and, with
// Weighting (what the solver runs since session 11), a descent with no tabu list whose prices move
// only at local optima (Yagiura et al.'s adaptive weights). Tight instances (types D and E) have
// few feasible neighbors, and crossing infeasible ground is what lets the search leave a local
// optimum; CP-SAT alone stalls there.
internal sealed class GapWalk
{
    private readonly int _m;
    private readonly int _n;
    private readonly int[] _cost;   // [i * n + j]
    private readonly int[] _weight; // [i * n + j]
    private readonly bool[] _usable;
    private readonly Random _random;
    private readonly double _basePrice;
    private readonly int[][] _candidates; // per job: the agents with the smallest reduced costs, best first
    private readonly int[][] _swapCandidates;
    private readonly bool[] _isSwapCandidate; // [i * n + j]: i is in j's swap candidates
    private readonly int _chainDepth;
    private readonly int[] _jobsStart;    // jobs of agent i are _jobsOn[_jobsStart[i].._jobsStart[i + 1]]
    private readonly int[] _jobsOn;

    private readonly int[] _assignment;
    private readonly long[] _load;
    private readonly double[] _price;
    private readonly long[] _tabuUntil;
    private readonly long[] _capacity;
    private readonly int[] _cheapestAgent; // per job: its cheapest usable agent, that cost, and the next cheapest
    private readonly double[] _cheapestCost;
    private readonly double[] _secondCost;

    // Per iteration (Prepare): each agent's overload price at its load and whether it is overloaded;
    // per job what leaving its agent saves and the bound L; each agent's jobs sorted for the chains.
    private readonly double[] _penalty;
    private readonly bool[] _over;
    private int _overloaded;
    private readonly double[] _leave;
    private readonly double[] _bound;
    private readonly double[] _lowestOn;
    private readonly double[] _chainKey;  // per position in _jobsOn
    private readonly double[] _lowestChainKeyOn;
    private readonly int[] _fill;
    private long _currentCost;
    private long _iteration;

    // Ejection chains follow only the few agents with the smallest reduced cost for each job: the
    // chain's work grows with the square of that count, and measured on types D and E an agent far
    // down a job's list is almost never on an improving chain.
    private const int ChainCandidates = 3;

    // Swaps likewise: a job is only swapped onto one of the agents with the smallest reduced cost
    // for it (or receives a job for which its own agent is one of those).
    private const int SwapCandidates = 3;

    public GapWalk(GapInstance instance, Func<int, int, bool> usable, Random random, Func<int, int, double>? rank = null, int chainDepth = 3, int swapCandidates = SwapCandidates)
    {
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
        _chainDepth = chainDepth;
        _jobsStart = new int[_m + 1];
        _jobsOn = new int[_n];
        _fill = new int[_m + 1];
        _capacity = [.. instance.Capacity];
        _penalty = new double[_m];
        _over = new bool[_m];
        _leave = new double[_n];
        _bound = new double[_n];
        _lowestOn = new double[_m];
        _chainKey = new double[_n];
        _lowestChainKeyOn = new double[_m];
        _cheapestAgent = new int[_n];
        _cheapestCost = new double[_n];
        _secondCost = new double[_n];
        for (var j = 0; j < _n; j++)
        {
            (_cheapestAgent[j], _cheapestCost[j], _secondCost[j]) = (-1, double.PositiveInfinity, double.PositiveInfinity);
            for (var i = 0; i < _m; i++)
            {
                if (!_usable[i * _n + j])
                {
                    continue;
                }
                double cost = _cost[i * _n + j];
                if (cost < _cheapestCost[j])
                {
                    (_secondCost[j], _cheapestCost[j], _cheapestAgent[j]) = (_cheapestCost[j], cost, i);
                }
                else if (cost < _secondCost[j])
                {
                    _secondCost[j] = cost;
                }
            }
        }
        rank ??= (i, j) => instance.Cost[i][j];
        _candidates = new int[_n][];
        _swapCandidates = new int[_n][];
        _isSwapCandidate = new bool[_m * _n];
        for (var j = 0; j < _n; j++)
        {
            var job = j;
            int[] ranked = [.. Enumerable.Range(0, _m).Where(i => _usable[i * _n + job])
                .OrderBy(i => rank(i, job)).ThenBy(i => instance.Cost[i][job]).ThenBy(i => i)];
            _candidates[j] = ranked[..Math.Min(ranked.Length, ChainCandidates + 1)];
            _swapCandidates[j] = ranked[..Math.Min(ranked.Length, swapCandidates)];
            foreach (var i in _swapCandidates[j])
            {
                _isSwapCandidate[i * _n + j] = true;
            }
        }
    }

    public IReadOnlyList<int> Current => _assignment;

    public long CurrentCost => _currentCost;

    // For tests: the loads and cost kept move by move agree with the assignment.
    internal bool BookkeepingHolds()
    {
        var load = new long[_m];
        long cost = 0;
        for (var j = 0; j < _n; j++)
        {
            load[_assignment[j]] += _weight[_assignment[j] * _n + j];
            cost += _cost[_assignment[j] * _n + j];
        }
        return cost == _currentCost && load.AsSpan().SequenceEqual(_load);
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
        if (!Weighting || !_priced)
        {
            // The weighting walk keeps its prices across restarts: they have settled to the instance.
            Array.Fill(_price, _basePrice);
            _priced = true;
        }
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

    private double Overload(int agent, long load) => load > _capacity[agent] ? (load - _capacity[agent]) * _price[agent] : 0;

    // Up to three (job, agent) steps made in order: a shift, a swap (the second job goes to the
    // first one's agent), or an ejection chain (each job goes where the next one leaves).
    private readonly record struct Step3(int J1, int A1, int J2 = -1, int A2 = -1, int J3 = -1, int A3 = -1);

    private bool Iterate()
    {
        _iteration++;
        Prepare();
        // Besides the move it makes, each iteration notes the cheapest move that would land on a
        // feasible solution better than the best: the penalized walk passes close to many of them.
        var peek = new Pick(BestCost);
        var best = new Pick(0);
        if (Weighting)
        {
            best.Delta = -Improving; // descent: only improving moves
        }

        Shifts(ref best, ref peek);
        Swaps(ref best);
        SwapPeeks(ref peek);
        if (_chainDepth >= 2)
        {
            Chains(ref best, ref peek);
        }

        var peeked = peek.Move is { } found && RememberMove(found, peek.Cost);
        if (best.Move is not { } move)
        {
            if (_projecting)
            {
                _stuck = true;
            }
            else if (Weighting)
            {
                peeked |= Project();
                Reweigh();
            }
            else
            {
                AdjustPrices();
            }
            return peeked;
        }
        LastDelta = best.Delta;
        Apply(move);
        if (!Weighting)
        {
            AdjustPrices();
        }
        return Remember() | peeked;
    }

    // The penalized value of the move made by the last iteration (for tests).
    internal double LastDelta { get; private set; }

    // For tests: off, every candidate move is evaluated (the bounds of Prepare skip none).
    internal bool Prune { get; set; } = true;

    // Lower bounds that let swaps and chains go unevaluated without changing which move wins.
    // A job j on agent a that moves anywhere changes the cost by at least (its cheapest other
    // agent's cost − its cost on a) and a's overload price by at least what j alone leaving a
    // saves (what arrives at a in exchange only adds weight, and prices never fall with load).
    // Call the sum L(j): a swap's value is at least L(j1) + L(j2), a chain's at least the sum over
    // its jobs, so a move whose bound is above the best value found is skipped and the walk's
    // choices (its path for a seed) stay those of the full scan. Measured on types D and E they
    // skip less than hoped (the best move is often uphill with several agents overloaded): about
    // 1.4 times the iterations a second; the short swap lists do more (ADR 0021, session 8).
    private void Prepare()
    {
        _overloaded = 0;
        for (var i = 0; i < _m; i++)
        {
            _penalty[i] = Overload(i, _load[i]);
            _over[i] = _load[i] > _capacity[i];
            _overloaded += _over[i] ? 1 : 0;
        }
        for (var j = 0; j < _n; j++)
        {
            var a = _assignment[j];
            var aj = a * _n + j;
            _leave[j] = Overload(a, _load[a] - _weight[aj]) - _penalty[a];
            var other = a == _cheapestAgent[j] ? _secondCost[j] : _cheapestCost[j];
            _bound[j] = other - _cost[aj] + _leave[j];
        }

        Array.Clear(_jobsStart);
        for (var j = 0; j < _n; j++)
        {
            _jobsStart[_assignment[j] + 1]++;
        }
        for (var i = 0; i < _m; i++)
        {
            _jobsStart[i + 1] += _jobsStart[i];
            _lowestOn[i] = double.PositiveInfinity;
        }
        Array.Copy(_jobsStart, _fill, _m + 1);
        for (var j = 0; j < _n; j++)
        {
            var a = _assignment[j];
            _lowestOn[a] = Math.Min(_lowestOn[a], _bound[j]);
            _jobsOn[_fill[a]++] = j;
        }
        if (_chainDepth < 2)
        {
            return;
        }
        // For chains: a job j2 ejected to c may be followed by a job leaving c, so its bound also
        // counts the lowest L on any agent it may go to (if negative). Each agent's jobs are sorted
        // by that, so a chain's scan over them stops early too.
        for (var k = 0; k < _n; k++)
        {
            var j = _jobsOn[k];
            var next = 0.0;
            if (_chainDepth >= 3)
            {
                foreach (var c in _candidates[j])
                {
                    if (c != _assignment[j])
                    {
                        next = Math.Min(next, _lowestOn[c]);
                    }
                }
            }
            _chainKey[k] = _bound[j] + next;
        }
        for (var i = 0; i < _m; i++)
        {
            var count = _jobsStart[i + 1] - _jobsStart[i];
            Array.Sort(_chainKey, _jobsOn, _jobsStart[i], count);
            _lowestChainKeyOn[i] = count > 0 ? _chainKey[_jobsStart[i]] : double.PositiveInfinity;
        }
    }

    // Values within this of the best are evaluated: the bounds are sums taken in another order.
    private const double Slack = 1e-6;

    private void Shifts(ref Pick best, ref Pick peek)
    {
        for (var j = 0; j < _n; j++)
        {
            var a = _assignment[j];
            var aj = a * _n + j;
            var loadA = _load[a] - _weight[aj];
            var outOfA = _leave[j];
            var othersBase = _overloaded - (_over[a] ? 1 : 0);
            for (var b = 0; b < _m; b++)
            {
                var bj = b * _n + j;
                if (b == a || !_usable[bj])
                {
                    continue;
                }
                var costDelta = _cost[bj] - _cost[aj];
                var loadB = _load[b] + _weight[bj];
                var delta = costDelta + outOfA + Overload(b, loadB) - _penalty[b];
                if (_currentCost + costDelta < peek.Cost
                    && othersBase - (_over[b] ? 1 : 0) == 0
                    && loadA <= _capacity[a] && loadB <= _capacity[b])
                {
                    peek.Cost = _currentCost + costDelta;
                    peek.Move = new Step3(j, b);
                }
                if (delta > best.Delta + Slack)
                {
                    continue;
                }
                if (_tabuUntil[bj] > _iteration && !Aspires(costDelta, a, b, loadA, loadB))
                {
                    continue;
                }
                Consider(delta, new Step3(j, b), ref best);
            }
        }
    }

    // Swaps: j1 (on a) goes to b and j2 (on b) goes to a, for pairs where b is one of j1's few
    // agents with the smallest reduced cost or a is one of j2's (each pair once), and only while
    // the pair's bound can beat the best move found.
    private void Swaps(ref Pick best)
    {
        for (var j1 = 0; j1 < _n; j1++)
        {
            var l1 = _bound[j1];
            var a = _assignment[j1];
            foreach (var b in _swapCandidates[j1])
            {
                if (b == a || !_usable[b * _n + j1] || (Prune && l1 + _lowestOn[b] > best.Delta + Slack))
                {
                    continue;
                }
                for (var k = _jobsStart[b]; k < _jobsStart[b + 1]; k++)
                {
                    var j2 = _jobsOn[k];
                    if ((Prune && l1 + _bound[j2] > best.Delta + Slack) || !_usable[a * _n + j2]
                        || (j2 < j1 && _isSwapCandidate[a * _n + j2]))
                    {
                        continue;
                    }
                    var costDelta = _cost[b * _n + j1] + _cost[a * _n + j2] - _cost[a * _n + j1] - _cost[b * _n + j2];
                    var loadA = _load[a] - _weight[a * _n + j1] + _weight[a * _n + j2];
                    var loadB = _load[b] - _weight[b * _n + j2] + _weight[b * _n + j1];
                    var delta = costDelta + Overload(a, loadA) - _penalty[a] + Overload(b, loadB) - _penalty[b];
                    if (delta > best.Delta + Slack)
                    {
                        continue;
                    }
                    var tabu = _tabuUntil[b * _n + j1] > _iteration || _tabuUntil[a * _n + j2] > _iteration;
                    if (tabu && !Aspires(costDelta, a, b, loadA, loadB))
                    {
                        continue;
                    }
                    Consider(delta, new Step3(j1, b, j2, a), ref best);
                }
            }
        }
    }

    // A swap lands on a feasible solution only when every overloaded agent is one of its two, so
    // with more than two overloaded (most iterations) there is nothing to look at.
    private void SwapPeeks(ref Pick peek)
    {
        if (_overloaded > 2)
        {
            return;
        }
        int first = -1, second = -1;
        for (var i = 0; i < _m; i++)
        {
            if (_over[i])
            {
                (first, second) = first < 0 ? (i, -1) : (first, i);
            }
        }
        for (var j1 = 0; j1 < _n; j1++)
        {
            var a = _assignment[j1];
            if (first >= 0 && a != first)
            {
                continue;
            }
            for (var j2 = first < 0 ? j1 + 1 : 0; j2 < _n; j2++)
            {
                var b = _assignment[j2];
                if (a == b || (second >= 0 && b != second) || !_usable[b * _n + j1] || !_usable[a * _n + j2])
                {
                    continue;
                }
                var costDelta = _cost[b * _n + j1] + _cost[a * _n + j2] - _cost[a * _n + j1] - _cost[b * _n + j2];
                if (_currentCost + costDelta >= peek.Cost)
                {
                    continue;
                }
                var loadA = _load[a] - _weight[a * _n + j1] + _weight[a * _n + j2];
                var loadB = _load[b] - _weight[b * _n + j2] + _weight[b * _n + j1];
                if (loadA <= _capacity[a] && loadB <= _capacity[b])
                {
                    peek.Cost = _currentCost + costDelta;
                    peek.Move = new Step3(j1, b, j2, a);
                }
            }
        }
    }

    private struct Pick(long cost)
    {
        public double Delta = double.PositiveInfinity;
        public Step3? Move;
        public int Ties;
        public long Cost = cost;
    }

    // Ejection chains (Yagiura, Ibaraki and Glover 2004): job j1 leaves a for b and overloads it,
    // so a job j2 is ejected from b to c, and if that overloads c, a job j3 from c to d (d may be
    // a, closing a cycle). Shifts and swaps cannot reach these moves in one step, and on the tight
    // instances every single step of them lands on much more overload than the chain as a whole.
    // Only each job's few agents with the smallest reduced cost are tried, and the third step only
    // from the best second step of each first one. A chain that cannot beat the best move found
    // (by the bounds of Prepare) is skipped unless it could land on a feasible solution, that is
    // unless at most two overloaded agents are outside its first two.
    private void Chains(ref Pick best, ref Pick peek)
    {
        for (var j1 = 0; j1 < _n; j1++)
        {
            var a = _assignment[j1];
            var aj1 = a * _n + j1;
            var loadA = _load[a] - _weight[aj1];
            var dA = _leave[j1];
            foreach (var b in _candidates[j1])
            {
                var bj1 = b * _n + j1;
                var loadB1 = _load[b] + _weight[bj1];
                if (b == a || loadB1 <= _capacity[b])
                {
                    continue; // a plain shift, which the shift neighborhood has
                }
                var cost1 = _cost[bj1] - _cost[aj1];
                var others2Base = _overloaded - (_over[a] ? 1 : 0) - (_over[b] ? 1 : 0);
                var mayLand = others2Base <= 2;
                var base1 = cost1 + dA;
                if (Prune && !mayLand && base1 + _lowestChainKeyOn[b] > best.Delta + Slack)
                {
                    continue;
                }
                var tabu1 = _tabuUntil[bj1] > _iteration;

                // The best second step that leaves c overloaded, to be continued.
                var partialDelta = double.PositiveInfinity;
                int pj2 = -1, pc = -1;
                long pLoadB = 0, pLoadC = 0, pCost = 0;
                double pdB = 0;
                var pTabu = false;
                for (var k = _jobsStart[b]; k < _jobsStart[b + 1]; k++)
                {
                    if (Prune && !mayLand && base1 + _chainKey[k] > best.Delta + Slack)
                    {
                        break;
                    }
                    var j2 = _jobsOn[k];
                    var bj2 = b * _n + j2;
                    var loadB = loadB1 - _weight[bj2];
                    var dB = Overload(b, loadB) - _penalty[b];
                    // The key with what j2 leaving b saves replaced by the exact change at b.
                    if (Prune && !mayLand && base1 + _chainKey[k] - _leave[j2] + dB > best.Delta + Slack)
                    {
                        continue;
                    }
                    foreach (var c in _candidates[j2])
                    {
                        var cj2 = c * _n + j2;
                        if (c == b || c == a)
                        {
                            continue; // c == a is a swap
                        }
                        var loadC = _load[c] + _weight[cj2];
                        var cost2 = cost1 + _cost[cj2] - _cost[bj2];
                        var dC = Overload(c, loadC) - _penalty[c];
                        var delta = cost2 + dA + dB + dC;
                        var tabu = tabu1 || _tabuUntil[cj2] > _iteration;
                        var feasible = loadA <= _capacity[a] && loadB <= _capacity[b] && loadC <= _capacity[c]
                            && others2Base - (_over[c] ? 1 : 0) == 0;
                        var move = new Step3(j1, b, j2, c);
                        Note(move, cost2, delta, feasible, tabu, ref best, ref peek);
                        if (_chainDepth >= 3 && loadC > _capacity[c] && delta < partialDelta)
                        {
                            (partialDelta, pj2, pc, pLoadB, pLoadC, pCost, pdB, pTabu) = (delta, j2, c, loadB, loadC, cost2, dB, tabu);
                        }
                    }
                }
                if (pj2 < 0)
                {
                    continue;
                }

                var others3Base = others2Base - (_over[pc] ? 1 : 0);
                var base3 = pCost + dA + pdB;
                for (var k = _jobsStart[pc]; k < _jobsStart[pc + 1]; k++)
                {
                    var j3 = _jobsOn[k];
                    var cj3 = pc * _n + j3;
                    var loadC = pLoadC - _weight[cj3];
                    var dC = Overload(pc, loadC) - _penalty[pc];
                    if (Prune && !mayLand && base3 + _bound[j3] - _leave[j3] + dC > best.Delta + Slack)
                    {
                        continue;
                    }
                    foreach (var d in _candidates[j3])
                    {
                        var dj3 = d * _n + j3;
                        if (d == pc || d == b)
                        {
                            continue;
                        }
                        var cost3 = pCost + _cost[dj3] - _cost[cj3];
                        long loadA3 = loadA, loadD = 0;
                        double dA3 = dA, dD = 0;
                        var others = others3Base;
                        if (d == a)
                        {
                            loadA3 += _weight[dj3];
                            dA3 = Overload(a, loadA3) - _penalty[a];
                        }
                        else
                        {
                            loadD = _load[d] + _weight[dj3];
                            dD = Overload(d, loadD) - _penalty[d];
                            others -= _over[d] ? 1 : 0;
                        }
                        var delta = cost3 + dA3 + pdB + dC + dD;
                        var tabu = pTabu || _tabuUntil[dj3] > _iteration;
                        var feasible = others == 0 && loadA3 <= _capacity[a] && pLoadB <= _capacity[b]
                            && loadC <= _capacity[pc] && (d == a || loadD <= _capacity[d]);
                        var move = new Step3(j1, b, pj2, pc, j3, d);
                        Note(move, cost3, delta, feasible, tabu, ref best, ref peek);
                    }
                }
            }
        }
    }

    // A chain is noted when it lands on a better feasible solution, and may be made unless tabu
    // (a tabu chain only when it lands on a feasible solution better than the best).
    private void Note(Step3 move, long costDelta, double delta, bool feasible, bool tabu, ref Pick best, ref Pick peek)
    {
        if (feasible && _currentCost + costDelta < peek.Cost)
        {
            peek.Cost = _currentCost + costDelta;
            peek.Move = move;
        }
        if (!tabu || (feasible && _currentCost + costDelta < BestCost))
        {
            Consider(delta, move, ref best);
        }
    }

    private void Apply(Step3 move)
    {
        Move(move.J1, move.A1);
        if (move.J2 >= 0)
        {
            Move(move.J2, move.A2);
        }
        if (move.J3 >= 0)
        {
            Move(move.J3, move.A3);
        }
    }

    private bool RememberMove(Step3 move, long cost)
    {
        var best = (int[])_assignment.Clone();
        best[move.J1] = move.A1;
        if (move.J2 >= 0)
        {
            best[move.J2] = move.A2;
        }
        if (move.J3 >= 0)
        {
            best[move.J3] = move.A3;
        }
        Best = best;
        BestCost = cost;
        return true;
    }

    private void Consider(double delta, Step3 move, ref Pick best)
    {
        if (delta < best.Delta - 1e-9)
        {
            best.Delta = delta;
            best.Move = move;
            best.Ties = 1;
        }
        else if (delta <= best.Delta + 1e-9 && _random.Next(++best.Ties) == 0)
        {
            best.Move = move;
        }
    }

    // A tabu move is allowed when it yields a feasible solution better than the best one.
    private bool Aspires(long costDelta, int a, int b, long loadA, long loadB) =>
        _currentCost + costDelta < BestCost
        && loadA <= _capacity[a]
        && loadB <= _capacity[b]
        && _overloaded - (_over[a] ? 1 : 0) - (_over[b] ? 1 : 0) == 0;

    private void Move(int job, int to)
    {
        var from = _assignment[job];
        _load[from] -= _weight[from * _n + job];
        _load[to] += _weight[to * _n + job];
        _currentCost += _cost[to * _n + job] - _cost[from * _n + job];
        _assignment[job] = to;
        // In the tabu walk the job may not go back to where it was for a while; the weighting walk
        // has no tabu list (it only descends, and its prices change the landscape instead).
        if (Weighting)
        {
            return;
        }
        _tabuUntil[from * _n + job] = _iteration + 5 + _random.Next(Math.Max(2, _n / _m + 5));
    }

    // Measured on d20100 and d20200: faster price swings keep most agents overloaded most of the
    // time, and a low floor lets one cheap agent soak up every job.
    private const double Up = 1.05;
    private const double Down = 0.98;
    private const double Floor = 0.3;

    // Weighting local search (the adaptive weights of Yagiura, Ibaraki and Glover's local searches,
    // in the simple form of Umetani's teaching code): the walk only takes improving moves, with no
    // tabu list; at each local optimum of the penalized cost the prices move so that local optima
    // sit near the best feasible cost. At or above it every price falls by a tenth (the walk may
    // cross more overload); below it, an overloaded agent's price rises by up to a fifth, in
    // proportion to its share of the largest overload. The tabu walk by contrast moves every
    // iteration, uphill when it must, and its prices swing every iteration; measured at equal CPU
    // time this rule ends lower on d10100, d10200, d20200, d40400 and e20100 and the same on d20100
    // (ADR 0021, session 11). 0.2 and 0.1 were no worse than 0.4 / 0.2 or 0.1 / 0.05 on d20100,
    // d20200 and d40400. Prices stay between 1e-3 and 1e6 times the base price.
    internal bool Weighting { get; init; }

    private const double Improving = 1e-6;

    private bool _priced;

    private const double WeightUp = 0.2;
    private const double WeightDown = 0.1;

    // Projection (measured in session 12): a local optimum of the penalized cost that is cheaper
    // than the best feasible solution and overloads only a few agents is often a few moves from a
    // feasible solution that beats the best, but the walk itself rarely goes there: the prices
    // rise a fifth at a time and the next descent wanders off. So from such a point the walk
    // descends for a few moves with every price raised steeply (each move noted as usual: the
    // feasible neighbors passed and any feasible point reached), then returns to the point and
    // its prices and goes on as before. Measured on the walk alone at 8 s of CPU, four seeds: d20200
    // 12303–12317 against 12320–12327, d20100 6232–6244 against 6235–6249 (in the full solver the
    // gain is within the run-to-run spread; ADR 0021, session 12). With more overloaded agents
    // allowed (six, or any) it projects far more often and ends higher; prices times 5 ended
    // higher, times 100 or up to 30 moves the same.
    private const int ProjectionOverloaded = 3;
    private const double ProjectionPrice = 20;
    private const int ProjectionMoves = 10;

    private bool _projecting;
    private bool _stuck;

    // For tests: how many projections were made, and how many of them improved the best.
    internal int Projections { get; private set; }

    internal int ProjectionGains { get; private set; }

    private bool Project()
    {
        if (_currentCost >= BestCost || _overloaded == 0 || _overloaded > ProjectionOverloaded)
        {
            return false;
        }
        var assignment = (int[])_assignment.Clone();
        var load = (long[])_load.Clone();
        var price = (double[])_price.Clone();
        var cost = _currentCost;
        for (var i = 0; i < _m; i++)
        {
            _price[i] *= ProjectionPrice;
        }
        (_projecting, _stuck) = (true, false);
        var improved = false;
        for (var k = 0; k < ProjectionMoves && !_stuck; k++)
        {
            improved |= Iterate();
        }
        _projecting = false;
        Array.Copy(assignment, _assignment, _n);
        Array.Copy(load, _load, _m);
        Array.Copy(price, _price, _m);
        _currentCost = cost;
        Projections++;
        ProjectionGains += improved ? 1 : 0;
        return improved;
    }

    private void Reweigh()
    {
        double penalized = _currentCost, largest = 0;
        for (var i = 0; i < _m; i++)
        {
            penalized += Overload(i, _load[i]);
            largest = Math.Max(largest, _load[i] - _capacity[i]);
        }
        if (penalized >= BestCost - Improving || largest <= 0)
        {
            for (var i = 0; i < _m; i++)
            {
                _price[i] = Math.Max(_price[i] * (1 - WeightDown), _basePrice * 1e-3);
            }
            return;
        }
        for (var i = 0; i < _m; i++)
        {
            if (_load[i] > _capacity[i])
            {
                _price[i] = Math.Min(_price[i] * (1 + WeightUp * (_load[i] - _capacity[i]) / largest), _basePrice * 1e6);
            }
        }
    }

    private void AdjustPrices()
    {
        for (var i = 0; i < _m; i++)
        {
            _price[i] = _load[i] > _capacity[i]
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
            if (_load[i] > _capacity[i])
            {
                return false;
            }
        }
        BestCost = _currentCost;
        Best = (int[])_assignment.Clone();
        return true;
    }
}
