using System.Diagnostics;
using System.Globalization;
using Google.OrTools.Sat;

namespace Headroom.Assignment;

// Cost-minimizing GAP solver in three phases. (1) CP-SAT on the whole model: it proves the small
// instances and gives the rest a start. (2) A local search with adaptive overload prices (the
// walk, GapWalk in its weighting mode) on one thread, Lagrangian dives (GapLagrangianDive: a
// knapsack per agent, fixing the jobs one knapsack takes) on the second, and large neighborhood
// search on any others (free the jobs of a few related agents and re-solve that sub-GAP exactly
// with CP-SAT; on the second thread too when the knapsacks are too large for the dives), sharing
// one incumbent. (3) CP-SAT on the whole model again, pruned by LP reduced costs against the
// incumbent and hinted with it. The result is not bit-for-bit reproducible: the threads and the
// time limit decide how far each phase gets. See ADR 0021.
public static class GapSolver
{
    public static GapResult Solve(GapInstance instance, GapSolverOptions options)
    {
        ArgumentNullException.ThrowIfNull(instance);
        ArgumentNullException.ThrowIfNull(options);
        return new GapSearch(instance, options, Stopwatch.StartNew()).Run();
    }
}

internal sealed class GapSearch(GapInstance instance, GapSolverOptions options, Stopwatch clock)
{
    // Below this much time left a CP-SAT call is not worth starting.
    private static readonly TimeSpan MinimumSolve = TimeSpan.FromMilliseconds(20);

    private const int LargeJobs = 300;

    private const double CloseEnough = 0.005;

    // GLOP's values carry tolerances of about 1e-7 relative; costs are integers, so half a unit of
    // slack keeps every LP-based cut safe at no real loss of strength.
    private const double LpSlack = 0.5;

    private readonly Lock _gate = new();
    private readonly int _m = instance.Agents;
    private readonly int _n = instance.Jobs;
    private double[][] _reduced = [];
    private double[][] _affinity = [];
    private double _lpValue = double.NegativeInfinity;
    private long _lowerBound = long.MinValue;
    private int[] _assignment = [];
    private long _cost = long.MaxValue;
    private int[] _agentVersion = [];
    private GapLagrangianDive? _dive;
    private bool _ascended;

    // CP-SAT overshoots its own limit a little (presolve, loading a large model, a busy machine),
    // so the search aims at a deadline slightly before the caller's.
    private TimeSpan Remaining => options.TimeLimit - Margin - clock.Elapsed;

    // Measured at load 25–38: e40400 ended 0.21 s late with 1 s, so 5 % up to 1.5 s.
    private TimeSpan Margin => options.TimeLimit * 0.05 < TimeSpan.FromSeconds(1.5) ? options.TimeLimit * 0.05 : TimeSpan.FromSeconds(1.5);

    // The local phase (the walk and neighborhoods) ends here; the whole pruned model gets the rest.
    private TimeSpan _localEnd;

    private TimeSpan LocalRemaining => _localEnd - clock.Elapsed;

    private bool Proven => _assignment.Length > 0 && _cost <= _lowerBound;

    public GapResult Run()
    {
        _agentVersion = new int[_m];
        if (!EveryJobFitsSomewhere())
        {
            return Result(GapStatus.Infeasible);
        }

        var lp = GapLinearRelaxation.Solve(instance, Remaining * 0.3);
        if (lp.Infeasible)
        {
            return Result(GapStatus.Infeasible);
        }
        if (lp.Solved)
        {
            _lpValue = lp.Value;
            _lowerBound = (long)Math.Ceiling(lp.Value - 0.01 - 1e-6 * Math.Abs(lp.Value));
        }
        PrepareReducedCosts(lp);
        if (GapLagrangianDive.Applies(instance))
        {
            _dive = new GapLagrangianDive(instance, lp.Solved ? lp.AssignmentDuals : CheapestCosts(), new Random(unchecked(options.Seed * 7919 + 31337)));
        }

        // Whole model first: it proves the small instances and gives the search its start.
        var whole = Enumerable.Range(0, _m).ToArray();
        // Small instances: a few seconds prove them or give the local search its start. Large
        // ones: a quarter of the time, since the walk's iteration grows with n squared and a poor
        // start costs it; half was measured better with the old tabu walk (e40400), a quarter is
        // better with the weighting walk (d40400 0.57–0.62 % against 0.67 %, ADR 0021 session 11).
        var first = _n >= LargeJobs ? Remaining * 0.25 : Remaining * 0.1 < TimeSpan.FromSeconds(3) ? Remaining * 0.1 : TimeSpan.FromSeconds(3);
        while (_assignment.Length == 0 && Remaining > MinimumSolve)
        {
            var outcome = SolveSubproblem(whole, Enumerable.Range(0, _n).ToArray(), null, first, options.Workers, options.Seed);
            if (outcome.Status == CpSolverStatus.Infeasible)
            {
                return Result(GapStatus.Infeasible);
            }
            if (outcome.Assignment is { } found)
            {
                _assignment = found;
                _cost = instance.CostOf(found);
                _lowerBound = Math.Max(_lowerBound, outcome.Bound);
            }
            first = Remaining;
        }
        if (_assignment.Length == 0)
        {
            return Result(GapStatus.Unknown);
        }

        // Measured on the shared instances: where the whole model is already within 0.5 % of the
        // bound (types A to C, and D and E with few agents), CP-SAT keeps closing and proving and the
        // local phase only takes its time; where it is not, the local phase is what moves.
        if (!Proven && _cost > _lowerBound * (1 + CloseEnough))
        {
            _localEnd = clock.Elapsed + Remaining * 0.75;
            var workers = Math.Max(1, options.Workers);
            var threads = Enumerable.Range(0, workers)
                .Select(w => new Thread(() =>
                {
                    if (w == 0)
                    {
                        Walk(workers == 1);
                    }
                    else if (w == 1 && _dive is not null)
                    {
                        while (LocalRemaining > MinimumSolve && Dive())
                        {
                        }
                    }
                    else
                    {
                        Neighborhoods(new NeighborhoodState(new Random(unchecked(options.Seed * 7919 + w * 104729)), InitialSize), long.MaxValue);
                    }
                })
                { IsBackground = true })
                .ToArray();
            foreach (var thread in threads)
            {
                thread.Start();
            }
            foreach (var thread in threads)
            {
                thread.Join();
            }
        }
        if (!Proven && Remaining > MinimumSolve)
        {
            // The whole model again, now with the incumbent as hint and bound: reduced-cost pruning
            // and the budget constraint shrink it, and CP-SAT's own workers polish from there.
            // Measured on e40400 at load 8–10: CP-SAT took 8.6 s of a 7.1 s limit on the whole
            // large model, so there it leaves 15 % of what is left, at most 1 s, unused.
            var spare = Remaining * 0.15 < TimeSpan.FromSeconds(1) ? Remaining * 0.15 : TimeSpan.FromSeconds(1);
            var last = _n >= LargeJobs ? Remaining - spare : Remaining;
            var outcome = SolveSubproblem(whole, Enumerable.Range(0, _n).ToArray(), _assignment, last, options.Workers, options.Seed, _cost);
            if (outcome.Assignment is { } found && instance.CostOf(found) < _cost)
            {
                _assignment = found;
                _cost = instance.CostOf(found);
            }
            if (outcome.Status == CpSolverStatus.Optimal)
            {
                _lowerBound = Math.Max(_lowerBound, _cost);
            }
            else
            {
                // Every solution as good as the incumbent lies in the pruned model, the optimum
                // among them, so the pruned model's bound holds for the instance.
                _lowerBound = Math.Max(_lowerBound, Math.Min(_cost, outcome.Bound));
            }
        }
        return Result(Proven ? GapStatus.Optimal : GapStatus.Feasible);
    }

    private GapResult Result(GapStatus status) =>
        new(status, _assignment, _assignment.Length > 0 ? _cost : 0, _lowerBound == long.MinValue ? 0 : _lowerBound, _lpValue, clock.Elapsed);

    private bool EveryJobFitsSomewhere()
    {
        for (var j = 0; j < _n; j++)
        {
            var fits = false;
            for (var i = 0; i < _m && !fits; i++)
            {
                fits = instance.Weight[i][j] <= instance.Capacity[i];
            }
            if (!fits)
            {
                return false;
            }
        }
        return true;
    }

    // Without an LP, the cost above the job's cheapest agent stands in for the reduced cost (it
    // still ranks agents for the neighborhoods, but never fixes a variable).
    private void PrepareReducedCosts(GapLinearRelaxation lp)
    {
        _reduced = new double[_m][];
        _affinity = new double[_m][];
        for (var i = 0; i < _m; i++)
        {
            _reduced[i] = new double[_n];
            _affinity[i] = new double[_n];
        }
        var cheapest = lp.Solved ? [] : CheapestCosts();
        for (var j = 0; j < _n; j++)
        {
            for (var i = 0; i < _m; i++)
            {
                var rc = !Fits(i, j) ? double.PositiveInfinity
                    : lp.Solved ? Math.Max(0, lp.ReducedCost[i][j])
                    : instance.Cost[i][j] - cheapest[j];
                _reduced[i][j] = rc;
                _affinity[i][j] = double.IsPositiveInfinity(rc) ? 0 : 1 / (1 + rc);
            }
        }
    }

    private bool Fits(int agent, int job) => instance.Weight[agent][job] <= instance.Capacity[agent];

    // Any solution that uses pair (i, j) costs at least LP + reduced cost, so a pair above the
    // incumbent's cost can be left out of every model that looks for a solution as good.
    private bool Usable(int agent, int job, long incumbent) =>
        Fits(agent, job) && (double.IsNegativeInfinity(_lpValue) || _lpValue + _reduced[agent][job] <= incumbent + LpSlack);

    // Worker 0 runs the walk and trades incumbents with the neighborhood workers: it
    // publishes what it finds and restarts from theirs when it falls behind or stagnates. With a
    // single worker it also takes a dive (or, without dives, a neighborhood step) between its chunks.
    private void Walk(bool alone)
    {
        var random = new Random(unchecked(options.Seed * 7919));
        // The weighting rule, not the tabu walk's: at equal CPU time it ends lower on the tight
        // instances measured (d10100 6362 against 6388, d10200 12457 against 12500, e20100 8464
        // against 8493, d40400 about 24530 against 24600–24900) and the same on d20100 (ADR 0021,
        // session 11).
        var search = new GapWalk(instance, (i, j) => Usable(i, j, _cost), random, (i, j) => _reduced[i][j]) { Weighting = true };
        lock (_gate)
        {
            search.Restart(_assignment);
        }
        var chunk = Math.Max(1, 20_000 / Math.Max(1, _n));
        var neighborhoods = new NeighborhoodState(new Random(unchecked(options.Seed * 7919 + 104729)), InitialSize);
        long sinceImproved = 0;
        var elite = new GapElitePool(8);
        while (LocalRemaining > MinimumSolve)
        {
            var improved = search.Step(chunk);
            sinceImproved = improved ? 0 : sinceImproved + chunk;
            lock (_gate)
            {
                if (Proven)
                {
                    return;
                }
                if (search.BestCost < _cost)
                {
                    _assignment = (int[])search.Best.Clone();
                    _cost = search.BestCost;
                    elite.Offer(_assignment, _cost);
                    for (var i = 0; i < _m; i++)
                    {
                        _agentVersion[i]++;
                    }
                }
                else if (_cost < search.BestCost)
                {
                    elite.Offer(_assignment, _cost);
                    search.Restart(_assignment);
                    sinceImproved = 0;
                }
                else if (sinceImproved > 50L * _n)
                {
                    // Stagnating at the incumbent: every other time, start between it and another
                    // elite solution instead.
                    elite.Offer(_assignment, _cost);
                    var start = random.Next(2) == 0 ? elite.Between(_assignment, random) : null;
                    search.Restart(start ?? _assignment);
                    sinceImproved = 0;
                }
            }
            if (alone && _dive is not null)
            {
                Dive();
            }
            else if (alone)
            {
                Neighborhoods(neighborhoods, 1);
            }
        }
    }

    // Lagrangian dives (GapLagrangianDive) trade incumbents like the walk: a cheaper plan found by a
    // dive replaces the incumbent, and the walk restarts from it. The first call takes subgradient
    // steps from the LP's duals (up to AscentSteps, or a fifth of the local phase), and their bound
    // joins the LP's. Measured on d20100, d20200 and d40400, whose misses the walk and the
    // neighborhoods could not close (ADR 0021, session 13). Returns false when the search is done.
    private const int AscentSteps = 300;

    private bool Dive()
    {
        long incumbent;
        lock (_gate)
        {
            if (Proven)
            {
                return false;
            }
            incumbent = _cost;
        }
        if (!_ascended)
        {
            _ascended = true;
            var until = clock.Elapsed + LocalRemaining * 0.2;
            _dive!.Ascend(incumbent, AscentSteps, () => clock.Elapsed > until);
            var bound = (long)Math.Ceiling(_dive.Bound - 0.01 - 1e-6 * Math.Abs(_dive.Bound));
            lock (_gate)
            {
                _lowerBound = Math.Max(_lowerBound, bound);
                return !Proven;
            }
        }
        var found = _dive!.Dive(incumbent, () => LocalRemaining <= MinimumSolve);
        if (found is null)
        {
            return true;
        }
        lock (_gate)
        {
            var cost = instance.CostOf(found);
            if (cost < _cost)
            {
                _assignment = found;
                _cost = cost;
                for (var i = 0; i < _m; i++)
                {
                    _agentVersion[i]++;
                }
            }
            return !Proven;
        }
    }

    // Each job's cheapest cost on an agent it fits.
    private double[] CheapestCosts()
    {
        var cheapest = new double[_n];
        for (var j = 0; j < _n; j++)
        {
            cheapest[j] = double.PositiveInfinity;
            for (var i = 0; i < _m; i++)
            {
                if (Fits(i, j))
                {
                    cheapest[j] = Math.Min(cheapest[j], instance.Cost[i][j]);
                }
            }
        }
        return cheapest;
    }

    // About 40 freed jobs to begin with; the size then adapts to how fast CP-SAT proves them.
    private int InitialSize => Math.Clamp((int)Math.Round(40.0 * _m / _n), Math.Min(2, _m), _m);

    private sealed class NeighborhoodState(Random random, int size)
    {
        public Random Random { get; } = random;

        public int Size { get; set; } = size;
    }

    private void Neighborhoods(NeighborhoodState state, long steps)
    {
        var random = state.Random;
        var size = state.Size;
        for (long step = 0; step < steps && LocalRemaining > MinimumSolve; step++)
        {
            int[] snapshot;
            int[] versions;
            long incumbent;
            lock (_gate)
            {
                if (Proven)
                {
                    return;
                }
                snapshot = (int[])_assignment.Clone();
                versions = (int[])_agentVersion.Clone();
                incumbent = _cost;
            }

            // A third of the neighborhoods free every job of a few agents; a third spread over twice
            // as many agents but free only the jobs with a cheap alternative among them; a third
            // free every job but only towards its cheapest agents. The last two let a chain of
            // moves run through more agents at the same model size.
            var kind = random.Next(3);
            var partial = kind == 1 && size * 2 <= _m;
            var sparse = kind == 2 ? SparseCandidates(snapshot, random) : null;
            var agents = sparse is not null ? Enumerable.Range(0, _m).ToArray() : PickAgents(snapshot, partial ? size * 2 : size, random);
            var jobs = sparse is not null ? Enumerable.Range(0, _n).ToArray()
                : partial ? CheapAlternatives(snapshot, agents, JobsOf(snapshot, agents).Length / 2, random) : JobsOf(snapshot, agents);
            var budget = TimeSpan.FromSeconds(Math.Clamp(options.TimeLimit.TotalSeconds / 40, 0.2, 2.0));
            budget = budget < LocalRemaining ? budget : LocalRemaining;
            var outcome = SolveSubproblem(agents, jobs, snapshot, budget, 1, random.Next(), incumbent, sparse);

            if (outcome.Status == CpSolverStatus.Optimal)
            {
                if (sparse is null && agents.Length == _m && jobs.Length == _n)
                {
                    // The whole pruned model was solved to optimality: nothing beats the result.
                    lock (_gate)
                    {
                        Apply(outcome, agents, versions);
                        _lowerBound = Math.Max(_lowerBound, Math.Min(_cost, outcome.Objective));
                    }
                    return;
                }
                size = Math.Min(_m, size + (random.Next(3) == 0 ? 1 : 0));
            }
            else if (outcome.Status != CpSolverStatus.Infeasible)
            {
                size = Math.Max(Math.Min(2, _m), size - 1);
            }
            state.Size = size;

            lock (_gate)
            {
                Apply(outcome, agents, versions);
            }
        }
    }

    private int[] JobsOf(int[] assignment, int[] agents)
    {
        var inSet = new bool[_m];
        foreach (var a in agents)
        {
            inSet[a] = true;
        }
        return [.. Enumerable.Range(0, _n).Where(j => inSet[assignment[j]])];
    }

    // The jobs of these agents ranked by the cheapest other agent among them (by reduced cost,
    // with noise so the same jobs are not always chosen); the first count are freed.
    private int[] CheapAlternatives(int[] assignment, int[] agents, int count, Random random)
    {
        var ranked = new List<(double Key, int Job)>();
        foreach (var j in JobsOf(assignment, agents))
        {
            var cheapest = double.PositiveInfinity;
            foreach (var b in agents)
            {
                if (b != assignment[j])
                {
                    cheapest = Math.Min(cheapest, _reduced[b][j]);
                }
            }
            ranked.Add(((1 + cheapest) * (0.5 + random.NextDouble()), j));
        }
        return [.. ranked.OrderBy(r => r.Key).ThenBy(r => r.Job).Take(Math.Max(1, count)).Select(r => r.Job)];
    }

    private bool Apply(Subsolution outcome, int[] agents, int[] versions)
    {
        if (outcome.Assignment is not { } next)
        {
            return false;
        }
        foreach (var a in agents)
        {
            if (_agentVersion[a] != versions[a])
            {
                return false; // another worker changed one of these agents meanwhile
            }
        }
        long before = 0, after = 0;
        foreach (var (job, agent) in outcome.Moves)
        {
            before += instance.Cost[_assignment[job]][job];
            after += instance.Cost[agent][job];
        }
        if (after >= before)
        {
            return false;
        }
        foreach (var (job, agent) in outcome.Moves)
        {
            _assignment[job] = agent;
        }
        _cost += after - before;
        foreach (var a in agents)
        {
            _agentVersion[a]++;
        }
        return true;
    }

    // One agent at random, then agents chosen with odds that grow with how strongly they compete
    // (by LP reduced cost) for the jobs already freed, and for whose jobs the chosen agents compete.
    private int[] PickAgents(int[] assignment, int size, Random random)
    {
        if (size >= _m)
        {
            return Enumerable.Range(0, _m).ToArray();
        }
        var chosen = new List<int>(size) { random.Next(_m) };
        var inSet = new bool[_m];
        inSet[chosen[0]] = true;
        var score = new double[_m];
        AddScores(chosen[0], assignment, score);
        while (chosen.Count < size)
        {
            int next;
            if (random.NextDouble() < 0.15)
            {
                var free = Enumerable.Range(0, _m).Where(i => !inSet[i]).ToArray();
                next = free[random.Next(free.Length)];
            }
            else
            {
                double total = 0;
                for (var i = 0; i < _m; i++)
                {
                    total += inSet[i] ? 0 : score[i] * score[i];
                }
                next = -1;
                var ticket = random.NextDouble() * total;
                for (var i = 0; i < _m; i++)
                {
                    if (inSet[i])
                    {
                        continue;
                    }
                    next = i;
                    ticket -= score[i] * score[i];
                    if (ticket <= 0 && total > 0)
                    {
                        break;
                    }
                }
            }
            chosen.Add(next);
            inSet[next] = true;
            AddScores(next, assignment, score);
        }
        return [.. chosen];
    }

    private void AddScores(int agent, int[] assignment, double[] score)
    {
        for (var j = 0; j < _n; j++)
        {
            var owner = assignment[j];
            if (owner == agent)
            {
                for (var b = 0; b < _m; b++)
                {
                    score[b] += _affinity[b][j];
                }
            }
            else
            {
                score[owner] += _affinity[agent][j];
            }
        }
    }

    // Every job may stay or move to one of a few agents with the smallest reduced costs for it:
    // the whole instance in one model, sparse enough to solve, so a chain of moves may pass
    // through any number of agents.
    private bool[]? SparseCandidates(int[] assignment, Random random)
    {
        var allowed = new bool[_m * _n];
        var order = new int[_m];
        for (var j = 0; j < _n; j++)
        {
            for (var i = 0; i < _m; i++)
            {
                order[i] = i;
            }
            var keys = new double[_m];
            for (var i = 0; i < _m; i++)
            {
                keys[i] = _reduced[i][j] * (0.7 + 0.6 * random.NextDouble());
            }
            Array.Sort(keys, order);
            var take = 2 + random.Next(2);
            for (var r = 0; r < Math.Min(take, _m); r++)
            {
                allowed[order[r] * _n + j] = true;
            }
            allowed[assignment[j] * _n + j] = true;
        }
        return allowed;
    }

    private Subsolution SolveSubproblem(int[] agents, int[] jobs, int[]? hint, TimeSpan budget, int workers, int seed, long? incumbent = null, bool[]? only = null)
    {
        var started = clock.Elapsed;
        var time = budget < Remaining ? budget : Remaining;
        if (time <= TimeSpan.Zero)
        {
            return new Subsolution(CpSolverStatus.Unknown, null, [], 0, long.MinValue);
        }
        var model = new CpModel();
        var x = new BoolVar?[agents.Length, jobs.Length];
        var objective = LinearExpr.NewBuilder();
        var loads = new LinearExprBuilder[agents.Length];
        for (var a = 0; a < agents.Length; a++)
        {
            loads[a] = LinearExpr.NewBuilder();
        }
        long hintCost = 0;
        for (var k = 0; k < jobs.Length; k++)
        {
            var j = jobs[k];
            var options = new List<ILiteral>(agents.Length);
            for (var a = 0; a < agents.Length; a++)
            {
                var i = agents[a];
                var current = hint is not null && hint[j] == i;
                if (!current && (!(incumbent is { } ub ? Usable(i, j, ub) : Fits(i, j)) || (only is not null && !only[i * _n + j])))
                {
                    continue;
                }
                var v = x[a, k] = model.NewBoolVar("");
                options.Add(v);
                objective.AddTerm(v, instance.Cost[i][j]);
                loads[a].AddTerm(v, instance.Weight[i][j]);
                if (hint is not null)
                {
                    model.AddHint(v, current);
                    hintCost += current ? instance.Cost[i][j] : 0;
                }
            }
            model.AddExactlyOne(options);
        }
        var residual = ResidualCapacity(agents, jobs, hint);
        for (var a = 0; a < agents.Length; a++)
        {
            model.Add(loads[a] <= residual[a]);
        }
        if (hint is not null)
        {
            model.Add(objective <= hintCost);
            AddReducedCostBudget(model, x, agents, jobs, hint, incumbent ?? long.MaxValue);
        }
        model.Minimize(objective);

        // Building the model counts against the budget too (0.01–0.03 s for the whole of e40400).
        time -= clock.Elapsed - started;
        time = time < Remaining ? time : Remaining;
        if (time <= TimeSpan.Zero)
        {
            return new Subsolution(CpSolverStatus.Unknown, null, [], 0, long.MinValue);
        }
        var solver = new CpSolver
        {
            StringParameters = string.Create(CultureInfo.InvariantCulture,
                $"max_time_in_seconds:{time.TotalSeconds:0.###} num_workers:{workers} random_seed:{seed & int.MaxValue} log_search_progress:false"),
        };
        var status = solver.Solve(model);
        if (status is not (CpSolverStatus.Optimal or CpSolverStatus.Feasible))
        {
            return new Subsolution(status, null, [], 0, long.MinValue);
        }
        var assignment = hint is null ? new int[_n] : (int[])hint.Clone();
        var moves = new List<(int Job, int Agent)>(jobs.Length);
        for (var k = 0; k < jobs.Length; k++)
        {
            for (var a = 0; a < agents.Length; a++)
            {
                if (x[a, k] is { } v && solver.BooleanValue(v))
                {
                    assignment[jobs[k]] = agents[a];
                    moves.Add((jobs[k], agents[a]));
                    break;
                }
            }
        }
        var bound = (long)Math.Ceiling(solver.BestObjectiveBound - 1e-6);
        return new Subsolution(status, assignment, moves, (long)Math.Round(solver.ObjectiveValue), bound);
    }

    // With optimal LP duals, cost(x) = LP + sum of reduced costs of the pairs used + dual-weighted
    // slack, every term non-negative; so a solution no worse than the incumbent spends at most
    // (incumbent - LP) in reduced costs. Stated as a constraint (scaled to integers, rounded in
    // the safe direction) it prunes CP-SAT's search far more than the pair-by-pair fixing does.
    private void AddReducedCostBudget(CpModel model, BoolVar?[,] x, int[] agents, int[] jobs, int[] assignment, long incumbent)
    {
        if (double.IsNegativeInfinity(_lpValue) || incumbent == long.MaxValue)
        {
            return;
        }
        const double scale = 100;
        var freed = new bool[_n];
        foreach (var j in jobs)
        {
            freed[j] = true;
        }
        var budget = (long)Math.Ceiling((incumbent - _lpValue + LpSlack) * scale);
        for (var j = 0; j < _n; j++)
        {
            if (!freed[j])
            {
                budget -= ScaledReducedCost(assignment[j], j, scale);
            }
        }
        var spent = LinearExpr.NewBuilder();
        for (var k = 0; k < jobs.Length; k++)
        {
            for (var a = 0; a < agents.Length; a++)
            {
                if (x[a, k] is { } v)
                {
                    spent.AddTerm(v, ScaledReducedCost(agents[a], jobs[k], scale));
                }
            }
        }
        model.Add(spent <= Math.Max(0, budget));
    }

    private long ScaledReducedCost(int agent, int job, double scale)
    {
        var rc = _reduced[agent][job];
        return double.IsPositiveInfinity(rc) ? 0 : Math.Max(0, (long)Math.Floor(rc * scale - 1e-3));
    }

    // Capacity left to the freed jobs once the jobs that stay put are counted.
    private long[] ResidualCapacity(int[] agents, int[] jobs, int[]? assignment)
    {
        var residual = agents.Select(i => instance.Capacity[i]).ToArray();
        if (assignment is null)
        {
            return residual;
        }
        var position = new int[_m];
        Array.Fill(position, -1);
        for (var a = 0; a < agents.Length; a++)
        {
            position[agents[a]] = a;
        }
        var freed = new bool[_n];
        foreach (var j in jobs)
        {
            freed[j] = true;
        }
        for (var j = 0; j < _n; j++)
        {
            var a = position[assignment[j]];
            if (!freed[j] && a >= 0)
            {
                residual[a] -= instance.Weight[assignment[j]][j];
            }
        }
        return residual;
    }

    private sealed record Subsolution(CpSolverStatus Status, int[]? Assignment, List<(int Job, int Agent)> Moves, long Objective, long Bound);
}
