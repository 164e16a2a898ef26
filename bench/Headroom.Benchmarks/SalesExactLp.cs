using Google.OrTools.LinearSolver;
using Headroom.Assignment;

namespace Headroom.Benchmarks;

// The two LP relaxations the balanced plan is measured against, solved exactly with GLOP on the
// whole model (one variable per eligible item-rep pair). Only for instances small enough for that:
// it shows how much of a gap is the plan and how much is the engine's own Lagrangian bound.
public static class SalesExactLp
{
    public static (double Utilization, double Cost) Solve(AssignmentInstance instance, AssignmentPlan plan)
    {
        return (Utilization(instance, plan), Cost(instance, plan));
    }

    private static double Utilization(AssignmentInstance instance, AssignmentPlan plan)
    {
        using var solver = Solver.CreateSolver("GLOP") ?? throw new InvalidOperationException("GLOP is not available");
        var level = solver.MakeNumVar(0, double.PositiveInfinity, "U");
        var capacity = new Constraint?[instance.Reps.Count];
        for (var r = 0; r < instance.Reps.Count; r++)
        {
            var rep = instance.Reps[r];
            if (rep.AvailableMinutes > 0)
            {
                capacity[r] = solver.MakeConstraint(double.NegativeInfinity, -rep.CurrentLoadMinutes);
                capacity[r]!.SetCoefficient(level, -rep.AvailableMinutes);
            }
        }
        AddItems(instance, plan, solver, capacity, null);
        solver.Objective().SetCoefficient(level, 1);
        solver.Objective().SetMinimization();
        return solver.Solve() == Solver.ResultStatus.OPTIMAL ? level.SolutionValue() : double.NaN;
    }

    private static double Cost(AssignmentInstance instance, AssignmentPlan plan)
    {
        using var solver = Solver.CreateSolver("GLOP") ?? throw new InvalidOperationException("GLOP is not available");
        var capacity = new Constraint?[instance.Reps.Count];
        for (var r = 0; r < instance.Reps.Count; r++)
        {
            var rep = instance.Reps[r];
            if (rep.AvailableMinutes > 0)
            {
                var limit = Math.Max(rep.CurrentLoadMinutes, Math.Floor(plan.UtilizationCap * rep.AvailableMinutes));
                capacity[r] = solver.MakeConstraint(double.NegativeInfinity, limit - rep.CurrentLoadMinutes);
            }
        }
        AddItems(instance, plan, solver, capacity, solver.Objective());
        solver.Objective().SetMinimization();
        return solver.Solve() == Solver.ResultStatus.OPTIMAL ? solver.Objective().Value() : double.NaN;
    }

    private static void AddItems(AssignmentInstance instance, AssignmentPlan plan, Solver solver, Constraint?[] capacity, Objective? cost)
    {
        for (var i = 0; i < instance.Items.Count; i++)
        {
            if (plan.RepOfItem[i] < 0)
            {
                continue;
            }
            var once = solver.MakeConstraint(1, 1);
            for (var r = 0; r < instance.Reps.Count; r++)
            {
                if (!instance.IsEligible(i, r))
                {
                    continue;
                }
                var x = solver.MakeNumVar(0, 1, "");
                once.SetCoefficient(x, 1);
                capacity[r]!.SetCoefficient(x, instance.EffortOf(i, r));
                cost?.SetCoefficient(x, instance.CostOf(i, r));
            }
        }
    }
}
