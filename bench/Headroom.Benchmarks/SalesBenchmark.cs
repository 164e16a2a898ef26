using System.Diagnostics;
using System.Globalization;
using Headroom.Assignment;

namespace Headroom.Benchmarks;

// "Sales scale" (issue 5): one seeded sales instance, planned by every strategy side by side, then
// single new leads routed online against the balanced plan. Seconds are wall time of the whole
// strategy call (candidates, search, bounds, explanations and metrics) and cpu_seconds the
// process CPU time it used (both threads), which is what a busy shared machine does not inflate;
// generating the instance is not counted. The LP bounds come from the balanced run; the other strategies are measured against
// the same utilization bound (their cost is not, as its bound depends on the plan's maximum).
public static class SalesBenchmark
{
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
        // Warm-up on a small instance so the first timed call does not pay for JIT compilation.
        var warm = SalesInstanceGenerator.Generate(2_000, 50, seed + 7);
        foreach (var strategy in Enum.GetValues<AssignmentStrategy>())
        {
            StrategyAssigner.Assign(warm, strategy, options);
        }

        Console.WriteLine("strategy\tmax_util\tcv\tcost\tunplaced\tviolations\tlp_bound_util\tgap_pct\tseconds\tcost_lp_bound\tcost_gap_pct\tmoves\tcpu_seconds");
        double? bound = null;
        foreach (var strategy in (AssignmentStrategy[])[AssignmentStrategy.Balanced, AssignmentStrategy.RoundRobin, AssignmentStrategy.WeightedRoundRobin, AssignmentStrategy.LeastLoaded])
        {
            GC.Collect();
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            watch.Restart();
            var plan = StrategyAssigner.Assign(instance, strategy, options);
            var seconds = watch.Elapsed.TotalSeconds;
            var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
            plans.Add(plan);
            var m = plan.Metrics;
            bound ??= m.LpBoundUtilization;
            double? gap = bound is { } b && b > 0 ? 100.0 * (m.MaxUtilization - b) / b : null;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{Name(strategy)}\t{m.MaxUtilization:0.0000}\t{m.CoefficientOfVariation:0.0000}\t{m.TotalCost}\t{m.Unplaced}\t{m.Violations}\t{bound:0.0000}\t{gap:0.000}\t{seconds:0.000}\t{m.LpBoundCost}\t{m.CostGapPercent:0.000}\t{m.Moves}\t{cpu:0.000}"));
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
