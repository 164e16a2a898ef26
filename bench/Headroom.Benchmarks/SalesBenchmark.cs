using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using Headroom.Assignment;

namespace Headroom.Benchmarks;

// "Sales scale" (issue 5): one seeded sales instance, planned by every strategy side by side, then
// single new leads routed online against the balanced plan. Seconds are wall time of the whole
// strategy call (candidates, search, bounds, explanations and metrics) and cpu_seconds the
// process CPU time it used (both threads), which is what a busy shared machine does not inflate;
// jit_seconds is the part of it the runtime spent compiling methods during the call (near zero
// after the warm-up); generating the instance is not counted. The LP bounds come from the balanced run; the other strategies are measured against
// the same utilization bound (their cost is not, as its bound depends on the plan's maximum).
public static class SalesBenchmark
{
    private const int MaxWarmUpRounds = 40;

    public static int Run(int leads, int reps, int seed, int routes, int workers, int boundIterations, bool exactLp, double exactIpSeconds = 0,
        double? tolerance = null, double? targetGap = null, bool? costFlow = null, double? costStageCeiling = null, int? costAscentSweeps = null, int? repairChainDepth = null)
    {
        var watch = Stopwatch.StartNew();
        var instance = SalesInstanceGenerator.Generate(leads, reps, seed);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"# instance leads={leads} reps={reps} seed={seed} generated_in={watch.Elapsed.TotalSeconds:0.00}s workers={workers} cores={Environment.ProcessorCount}"));

        var defaults = new AssignmentOptimizerOptions();
        var options = defaults with
        {
            Seed = seed, Workers = workers, BoundIterations = boundIterations,
            UtilizationTolerance = tolerance ?? defaults.UtilizationTolerance,
            UtilizationTargetGap = targetGap ?? defaults.UtilizationTargetGap,
            CostFlow = costFlow ?? defaults.CostFlow,
            CostStageCeiling = costStageCeiling ?? defaults.CostStageCeiling,
            CostAscentSweeps = costAscentSweeps ?? defaults.CostAscentSweeps,
            RepairChainDepth = repairChainDepth ?? defaults.RepairChainDepth,
        };
        var plans = new List<AssignmentPlan>();
        var rounds = WarmUp(seed, options);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"# warm-up rounds={rounds} jit_methods={JitInfo.GetCompiledMethodCount()}"));

        Console.WriteLine("strategy\tmax_util\tcv\tcost\tunplaced\tviolations\tlp_bound_util\tgap_pct\tseconds\tcost_lp_bound\tcost_gap_pct\tmoves\tcpu_seconds\tjit_seconds");
        double? bound = null;
        foreach (var strategy in (AssignmentStrategy[])[AssignmentStrategy.Balanced, AssignmentStrategy.RoundRobin, AssignmentStrategy.WeightedRoundRobin, AssignmentStrategy.LeastLoaded])
        {
            GC.Collect();
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var jitBefore = JitInfo.GetCompilationTime();
            watch.Restart();
            var plan = StrategyAssigner.Assign(instance, strategy, options);
            var seconds = watch.Elapsed.TotalSeconds;
            var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
            var jit = (JitInfo.GetCompilationTime() - jitBefore).TotalSeconds;
            plans.Add(plan);
            var m = plan.Metrics;
            bound ??= m.LpBoundUtilization;
            double? gap = bound is { } b && b > 0 ? 100.0 * (m.MaxUtilization - b) / b : null;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{Name(strategy)}\t{m.MaxUtilization:0.0000}\t{m.CoefficientOfVariation:0.0000}\t{m.TotalCost}\t{m.Unplaced}\t{m.Violations}\t{bound:0.0000}\t{gap:0.000}\t{seconds:0.000}\t{m.LpBoundCost}\t{m.CostGapPercent:0.000}\t{m.Moves}\t{cpu:0.000}\t{jit:0.000}"));
        }

        var balanced = plans[0];
        if (exactLp)
        {
            watch.Restart();
            var (utilization, cost, atDuals) = SalesExactLp.Solve(instance, balanced);
            var m = balanced.Metrics;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"# exact_lp util={utilization:0.0000} (engine bound {m.LpBoundUtilization:0.0000}, plan {100 * (m.MaxUtilization - utilization) / utilization:0.000}% above) cost={cost:0.0} (engine bound {m.LpBoundCost}, plan {100 * (m.TotalCost - cost) / cost:0.000}% above, engine's Lagrangian at the LP duals {atDuals:0.0}) seconds={watch.Elapsed.TotalSeconds:0.0}"));
        }
        if (exactIpSeconds > 0)
        {
            var (best, lower, status) = SalesExactLp.SolveInteger(instance, balanced, exactIpSeconds, workers);
            var m = balanced.Metrics;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"# exact_ip cost={best:0} proven_lower={lower:0.0} status={status} (plan {m.TotalCost}, {100 * (m.TotalCost - best) / best:0.000}% above the best integer plan) seconds={exactIpSeconds}"));
        }
        var router = new OnlineRouter(instance, balanced);
        var arrivals = SalesInstanceGenerator.GenerateArrivals(instance, routes, seed + 1);
        for (var k = 0; k < Math.Min(200, routes); k++)
        {
            new OnlineRouter(instance, balanced).Route(arrivals[k]);
        }
        var times = new double[routes];
        var unplaced = 0;
        for (var k = 0; k < routes; k++)
        {
            var start = Stopwatch.GetTimestamp();
            var routed = router.Route(arrivals[k]);
            times[k] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            unplaced += routed.Rep is null ? 1 : 0;
        }
        Array.Sort(times);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"# online routes={routes} unplaced={unplaced} p50_ms={Percentile(times, 0.50):0.0000} p99_ms={Percentile(times, 0.99):0.0000} max_ms={(routes == 0 ? 0 : times[^1]):0.000}"));
        return 0;
    }

    // Plans a small instance with every strategy until a round compiles no new method, so the timed
    // calls run the code a long-running server runs. The runtime compiles each method quickly first,
    // then again optimized once it has been called often enough (tiered compilation), and it starts
    // counting calls only after 100 ms without new quick compiles: one small round is not enough,
    // and the timed plan used to pay 0.3-0.4 s of CPU for those compiles on its two cores.
    private static int WarmUp(int seed, AssignmentOptimizerOptions options)
    {
        var warm = SalesInstanceGenerator.Generate(2_000, 50, seed + 7);
        var rounds = 0;
        long compiled;
        do
        {
            compiled = JitInfo.GetCompiledMethodCount();
            foreach (var strategy in Enum.GetValues<AssignmentStrategy>())
            {
                StrategyAssigner.Assign(warm, strategy, options);
            }
            Thread.Sleep(250);
            rounds++;
        }
        while (rounds < MaxWarmUpRounds && JitInfo.GetCompiledMethodCount() != compiled);
        return rounds;
    }

    private static string Name(AssignmentStrategy strategy) => strategy switch
    {
        AssignmentStrategy.RoundRobin => "round_robin",
        AssignmentStrategy.WeightedRoundRobin => "weighted_round_robin",
        AssignmentStrategy.LeastLoaded => "least_loaded",
        _ => "balanced",
    };

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
