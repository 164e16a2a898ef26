using Google.OrTools.LinearSolver;
using CpModel = Google.OrTools.Sat.CpModel;
using CpSolver = Google.OrTools.Sat.CpSolver;
using ILiteral = Google.OrTools.Sat.ILiteral;
using LinearExpr = Google.OrTools.Sat.LinearExpr;
using Headroom.Assignment;

namespace Headroom.Benchmarks;

// The two LP relaxations the balanced plan is measured against, solved exactly with GLOP on the
// whole model (one variable per eligible item-rep pair). Only for instances small enough for that:
// it shows how much of a gap is the plan and how much is the engine's own Lagrangian bound.
public static class SalesExactLp
{
    // AtDuals: the engine's Lagrangian cost bound evaluated at GLOP's optimal capacity duals. It
    // equals the cost LP (the relaxed problem is an assignment with an integral polytope), so a gap
    // between the engine's bound and the LP is the engine's price search, not its formula.
    public static (double Utilization, double Cost, double AtDuals) Solve(AssignmentInstance instance, AssignmentPlan plan)
    {
        var (cost, atDuals, _) = Cost(instance, plan, plan.UtilizationCap);
        return (Utilization(instance, plan), cost, atDuals);
    }

    // The exact LP's own minimum maximum utilization (stage 1 fixed at its LP optimum).
    public static double Utilization(AssignmentInstance instance, AssignmentPlan plan)
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

    // The staged cost LP with every rep held to cap: its value, the engine's Lagrangian at its
    // duals, and how many items the (vertex) solution splits between reps.
    public static (double Cost, double AtDuals, int Split) Cost(AssignmentInstance instance, AssignmentPlan plan, double cap)
    {
        using var solver = Solver.CreateSolver("GLOP") ?? throw new InvalidOperationException("GLOP is not available");
        var capacity = new Constraint?[instance.Reps.Count];
        for (var r = 0; r < instance.Reps.Count; r++)
        {
            var rep = instance.Reps[r];
            if (rep.AvailableMinutes > 0)
            {
                var limit = Limit(plan, cap, r, rep);
                capacity[r] = solver.MakeConstraint(double.NegativeInfinity, limit - rep.CurrentLoadMinutes);
            }
        }
        var variables = AddItems(instance, plan, solver, capacity, solver.Objective());
        solver.Objective().SetMinimization();
        if (solver.Solve() != Solver.ResultStatus.OPTIMAL)
        {
            return (double.NaN, double.NaN, 0);
        }
        var split = variables.Count(item => item.Any(x => x.SolutionValue() is > 1e-6 and < 1 - 1e-6));
        // A minimization's duals of <= rows are <= 0; the Lagrangian price is their negation.
        var prices = capacity.Select(c => c is null ? 0 : Math.Max(0, -c.DualValue())).ToArray();
        var value = 0.0;
        for (var i = 0; i < instance.Items.Count; i++)
        {
            if (plan.RepOfItem[i] < 0)
            {
                continue;
            }
            var cheapest = double.PositiveInfinity;
            for (var r = 0; r < instance.Reps.Count; r++)
            {
                if (instance.IsEligible(i, r))
                {
                    cheapest = Math.Min(cheapest, instance.CostOf(i, r) + prices[r] * instance.EffortOf(i, r));
                }
            }
            value += cheapest;
        }
        for (var r = 0; r < instance.Reps.Count; r++)
        {
            value -= capacity[r] is { } row ? prices[r] * row.Ub() : 0;
        }
        return (solver.Objective().Value(), value, split);
    }

    private static List<List<Variable>> AddItems(AssignmentInstance instance, AssignmentPlan plan, Solver solver, Constraint?[] capacity, Objective? cost)
    {
        var variables = new List<List<Variable>>();
        for (var i = 0; i < instance.Items.Count; i++)
        {
            if (plan.RepOfItem[i] < 0)
            {
                continue;
            }
            var once = solver.MakeConstraint(1, 1);
            var item = new List<Variable>();
            variables.Add(item);
            for (var r = 0; r < instance.Reps.Count; r++)
            {
                if (!instance.IsEligible(i, r))
                {
                    continue;
                }
                var x = solver.MakeNumVar(0, 1, "");
                item.Add(x);
                once.SetCoefficient(x, 1);
                capacity[r]!.SetCoefficient(x, instance.EffortOf(i, r));
                cost?.SetCoefficient(x, instance.CostOf(i, r));
            }
        }
        return variables;
    }

    // A rep's minutes at cap; at the plan's own cap, the limits its cost stage held each rep to.
    private static double Limit(AssignmentPlan plan, double cap, int r, AssignmentRep rep) =>
        cap == plan.UtilizationCap && plan.CostLimitMinutes is { } limits
            ? limits[r]
            : Math.Max(rep.CurrentLoadMinutes, Math.Floor(cap * rep.AvailableMinutes));

    // The integer cost problem at the plan's cap (the staged problem itself) with CP-SAT: its best
    // solution and proven lower bound within the time limit, to tell how much of the gap to the LP
    // any integral plan must keep (items are not split, and at the cap the tight reps have no
    // spare minutes).
    public static (double Best, double Bound, string Status) SolveInteger(AssignmentInstance instance, AssignmentPlan plan, double seconds, int workers) =>
        SolveInteger(instance, plan, plan.UtilizationCap, seconds, workers);

    // The same at any cap; the plan's placement is the hint only when it fits that cap.
    public static (double Best, double Bound, string Status) SolveInteger(AssignmentInstance instance, AssignmentPlan plan, double cap, double seconds, int workers)
    {
        var model = new CpModel();
        var rows = new List<(ILiteral, long)>[instance.Reps.Count];
        for (var r = 0; r < rows.Length; r++)
        {
            rows[r] = [];
        }
        var objective = LinearExpr.NewBuilder();
        for (var i = 0; i < instance.Items.Count; i++)
        {
            if (plan.RepOfItem[i] < 0)
            {
                continue;
            }
            var choices = new List<ILiteral>();
            for (var r = 0; r < instance.Reps.Count; r++)
            {
                if (!instance.IsEligible(i, r))
                {
                    continue;
                }
                var x = model.NewBoolVar("");
                choices.Add(x);
                rows[r].Add((x, instance.EffortOf(i, r)));
                objective.AddTerm(x, instance.CostOf(i, r));
                if (plan.RepOfItem[i] == r)
                {
                    model.AddHint(x, 1);
                }
            }
            model.AddExactlyOne(choices);
        }
        for (var r = 0; r < rows.Length; r++)
        {
            var rep = instance.Reps[r];
            if (rep.AvailableMinutes <= 0 || rows[r].Count == 0)
            {
                continue;
            }
            var limit = (long)Limit(plan, cap, r, rep);
            var load = LinearExpr.NewBuilder();
            foreach (var (x, effort) in rows[r])
            {
                load.AddTerm(x, effort);
            }
            model.Add(load <= limit - rep.CurrentLoadMinutes);
        }
        model.Minimize(objective);
        var solver = new CpSolver { StringParameters = FormattableString.Invariant($"max_time_in_seconds:{seconds} num_workers:{workers}") };
        var status = solver.Solve(model);
        return status is Google.OrTools.Sat.CpSolverStatus.Infeasible or Google.OrTools.Sat.CpSolverStatus.Unknown
            ? (double.NaN, double.NaN, status.ToString())
            : (solver.ObjectiveValue, solver.BestObjectiveBound, status.ToString());
    }
}
