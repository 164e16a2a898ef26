using System.Globalization;
using Google.OrTools.Sat;

namespace Headroom.Assignment;

// The cost stage solved exactly on small plans: CP-SAT on the staged problem itself (every placed
// item on exactly one candidate, each rep within its cost-stage limit and item cap, least total
// cost), hinted with the local search's plan; its answer is kept only when it is cheaper. At team
// size (hundreds of items, tens of reps) the repair and local search ended above the optimum on
// 16 of 36 measured instances, by up to 78 % (costs come in steps of 20-100, so a few items in the
// wrong place are much of a small plan's cost); CP-SAT reached the proven optimum on 33 of the 36,
// in 0.49 s on average (ADR 0024, session 15).
// One search worker, a fixed seed and a deterministic time budget: the plan depends on the
// instance and the seed, not on the machine (unless the wall-clock safety limit ends it first).
internal static class CostExact
{
    public static bool Improve(PlanState state, double[] capacityLoad, long? costBound, AssignmentOptimizerOptions options, TimeSpan remaining)
    {
        var g = state.Graph;
        var incumbent = state.TotalCost();
        if (options.CostExactPairs <= 0 || options.CostExactSeconds <= 0 || remaining <= TimeSpan.Zero || incumbent <= costBound)
        {
            return false; // off, out of time, or the plan is already at a lower bound
        }
        long pairs = 0;
        for (var i = 0; i < g.Items; i++)
        {
            pairs += state.Slot[i] >= 0 ? g.Start[i + 1] - g.Start[i] : 0;
        }
        if (pairs == 0 || pairs > options.CostExactPairs)
        {
            return false;
        }
        var model = new CpModel();
        var chosen = new BoolVar?[g.Rep.Length];
        var load = new List<(BoolVar X, long Effort)>[g.Reps];
        for (var r = 0; r < g.Reps; r++)
        {
            load[r] = [];
        }
        var objective = LinearExpr.NewBuilder();
        var choices = new List<BoolVar>();
        for (var i = 0; i < g.Items; i++)
        {
            if (state.Slot[i] < 0)
            {
                continue; // items the placement stage left out stay out
            }
            choices.Clear();
            for (var k = g.Start[i]; k < g.Start[i + 1]; k++)
            {
                var x = chosen[k] = model.NewBoolVar(string.Empty);
                choices.Add(x);
                load[g.Rep[k]].Add((x, g.Effort[k]));
                objective.AddTerm(x, g.Cost[k]);
                model.AddHint(x, k == state.Slot[i] ? 1 : 0);
            }
            model.AddExactlyOne(choices);
        }
        for (var r = 0; r < g.Reps; r++)
        {
            if (load[r].Count == 0)
            {
                continue;
            }
            var minutes = LinearExpr.NewBuilder();
            foreach (var (x, effort) in load[r])
            {
                minutes.AddTerm(x, effort);
            }
            // The local search's plan keeps every rep within its limit, so the limit is at least
            // the rep's current load.
            model.Add(minutes <= (long)Math.Floor(capacityLoad[r]) - g.BaseLoad[r]);
            if (g.MaxItems[r] < load[r].Count)
            {
                model.Add(LinearExpr.Sum(load[r].Select(p => p.X)) <= g.MaxItems[r]);
            }
        }
        model.Minimize(objective);
        var solver = new CpSolver
        {
            StringParameters = string.Create(CultureInfo.InvariantCulture,
                $"num_workers:1 random_seed:{options.Seed} max_deterministic_time:{options.CostExactSeconds} max_time_in_seconds:{remaining.TotalSeconds}"),
        };
        var status = solver.Solve(model);
        if (status is not (CpSolverStatus.Optimal or CpSolverStatus.Feasible) || (long)Math.Round(solver.ObjectiveValue) >= incumbent)
        {
            return false;
        }
        for (var i = 0; i < g.Items; i++)
        {
            if (state.Slot[i] < 0)
            {
                continue;
            }
            for (var k = g.Start[i]; k < g.Start[i + 1]; k++)
            {
                if (solver.BooleanValue(chosen[k]!))
                {
                    if (k != state.Slot[i])
                    {
                        state.Place(i, k);
                    }
                    break;
                }
            }
        }
        return true;
    }
}
