using System.Diagnostics;
using System.Globalization;
using Headroom.Assignment;

namespace Headroom.Benchmarks;

// How close to the staged cost LP can any integral plan get? On small generator instances, the
// integer cost problem (CP-SAT, run to proven optimality or the time limit) against the LP at the
// same cap, for the cap the engine's plan reports, the exact LP's own minimum maximum utilization
// (the strict staged cap) and that plus 0.1, 0.3 and 0.5 points. Items are those the plan placed.
public static class SalesIntegralityGap
{
    public static int Run(int leads, int reps, IReadOnlyList<int> seeds, double seconds, int workers)
    {
        Console.WriteLine("leads\treps\tseed\titems_per_rep\tcap_kind\tcap\tlp\tlp_split_items\tip\tip_lower\tip_status\tgap_pct\tplan_cost\tplan_vs_ip_pct\tplan_vs_lp_pct\tip_seconds");
        foreach (var seed in seeds)
        {
            var instance = SalesInstanceGenerator.Generate(leads, reps, seed);
            var plan = AssignmentOptimizer.Plan(instance, new AssignmentOptimizerOptions { Seed = seed, Workers = workers });
            // Every rep's row is floor(cap × minutes); one minute of room on the smallest rep keeps
            // the LP's own minimum feasible after that rounding.
            var smallest = instance.Reps.Where(r => r.AvailableMinutes > 0).Min(r => r.AvailableMinutes);
            var strict = SalesExactLp.Utilization(instance, plan) + 1.0 / smallest;
            var active = instance.Reps.Count(r => !r.OptedOut && r.AvailableMinutes > 0 && r.MaxItems > 0);
            var perRep = (double)plan.RepOfItem.Count(r => r >= 0) / Math.Max(1, active);
            foreach (var (kind, cap) in (ReadOnlySpan<(string, double)>)[("plan", plan.UtilizationCap), ("strict", strict), ("strict+0.1", strict + 0.001), ("strict+0.3", strict + 0.003), ("strict+0.5", strict + 0.005)])
            {
                var (lp, _, split) = SalesExactLp.Cost(instance, plan, cap);
                var watch = Stopwatch.StartNew();
                var (ip, lower, status) = SalesExactLp.SolveInteger(instance, plan, cap, seconds, workers);
                var planCost = kind == "plan" ? plan.Metrics.TotalCost.ToString(CultureInfo.InvariantCulture) : "";
                var vsIp = kind == "plan" ? Percent(plan.Metrics.TotalCost, ip) : "";
                var vsLp = kind == "plan" ? Percent(plan.Metrics.TotalCost, lp) : "";
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{leads}\t{reps}\t{seed}\t{perRep:0.0}\t{kind}\t{cap:0.00000}\t{lp:0.0}\t{split}\t{ip:0}\t{lower:0.0}\t{status}\t{Percent(ip, lp)}\t{planCost}\t{vsIp}\t{vsLp}\t{watch.Elapsed.TotalSeconds:0.0}"));
            }
        }
        return 0;
    }

    private static string Percent(double value, double reference) =>
        double.IsNaN(value) || double.IsNaN(reference) || reference <= 0 ? "" : (100 * (value / reference - 1)).ToString("0.000", CultureInfo.InvariantCulture);
}
