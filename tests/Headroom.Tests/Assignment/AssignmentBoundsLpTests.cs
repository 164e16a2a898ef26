using Google.OrTools.LinearSolver;
using Headroom.Assignment;

namespace Headroom.Tests.Assignment;

// The engine's Lagrangian bounds against the exact LP relaxations (GLOP on the whole model) of
// seeded sales instances: never above them, and, at the LP's own optimal capacity duals, the cost
// Lagrangian must reproduce the LP value — which checks that the engine and the LP describe the
// same staged problem (the same items, the same capacity rows at the plan's utilization cap).
public sealed class AssignmentBoundsLpTests
{
    // costFlow: the cost bound starts from the transportation step's duals (true) or from zero.
    [Theory]
    [InlineData(1, true)]
    [InlineData(2, true)]
    [InlineData(3, true)]
    [InlineData(1, false)]
    [InlineData(2, false)]
    public void Bounds_SalesInstances_AreAtMostTheExactLp(int seed, bool costFlow)
    {
        var instance = SalesInstanceGenerator.Generate(600, 50, seed);
        var plan = AssignmentOptimizer.Plan(instance, new AssignmentOptimizerOptions { Seed = seed, Workers = 1, CostFlow = costFlow });
        var capacityLoad = CapacityLoad(instance, plan);

        var utilization = SolveUtilization(instance, plan);
        var (cost, duals) = SolveCost(instance, plan, capacityLoad);

        Assert.True(plan.Metrics.LpBoundUtilization <= utilization + 1e-7,
            $"utilization bound {plan.Metrics.LpBoundUtilization} above the LP {utilization}");
        Assert.True(plan.Metrics.LpBoundCost <= Math.Ceiling(cost - 1e-6),
            $"cost bound {plan.Metrics.LpBoundCost} above the LP {cost}");
        Assert.True(plan.Metrics.MaxUtilization >= utilization - 1e-9);
        Assert.True(plan.Metrics.TotalCost >= cost - 1e-6);

        var bounds = new AssignmentBounds(StateOf(instance, plan), 1);
        var atDuals = bounds.CostBound(capacityLoad, 0, 1, duals);
        Assert.InRange(atDuals, Math.Ceiling(cost - 1e-6) - 1, Math.Ceiling(cost - 1e-6));
    }

    // Each coordinate step maximizes the Lagrangian along one price, so sweeps never lower it, from
    // zero or from the transportation step's prices, and the bound stays under the exact LP.
    [Theory]
    [InlineData(1, false)]
    [InlineData(2, false)]
    [InlineData(1, true)]
    [InlineData(3, true)]
    public void CostBound_CoordinateAscent_RaisesTheLagrangianAndStaysUnderTheLp(int seed, bool fromFlow)
    {
        var instance = SalesInstanceGenerator.Generate(600, 50, seed);
        var plan = AssignmentOptimizer.Plan(instance, new AssignmentOptimizerOptions { Seed = seed, Workers = 1 });
        var capacityLoad = CapacityLoad(instance, plan);
        var state = StateOf(instance, plan);
        var start = fromFlow ? CostTransportation.Solve(state.Graph, state.Slot, capacityLoad)!.Value.Prices : new double[instance.Reps.Count];
        var (cost, _) = SolveCost(instance, plan, capacityLoad);

        var before = new AssignmentBounds(state, 1).CostBound(capacityLoad, 0, 1, start);
        var once = new AssignmentBounds(state, 1).CostBound(capacityLoad, 0, 1, start, ascentSweeps: 1);
        var after = new AssignmentBounds(state, 1).CostBound(capacityLoad, 0, 1, start, ascentSweeps: 4);

        Assert.True(before <= once && once <= after, $"bound {before} at the start, {once} after one sweep, {after} after four");
        Assert.True(after <= Math.Ceiling(cost - 1e-6), $"bound {after} above the LP {cost}");
        Assert.True(after > before || before >= Math.Ceiling(cost - 1e-6) - 1, $"no gain from {before} with the LP at {cost}");
    }

    private static double[] CapacityLoad(AssignmentInstance instance, AssignmentPlan plan) =>
        [.. instance.Reps.Select(r => Math.Max(r.CurrentLoadMinutes, Math.Floor(plan.UtilizationCap * r.AvailableMinutes)))];

    private static PlanState StateOf(AssignmentInstance instance, AssignmentPlan plan)
    {
        var graph = CandidateGraph.Build(instance);
        var state = new PlanState(graph);
        for (var i = 0; i < graph.Items; i++)
        {
            for (var k = graph.Start[i]; k < graph.Start[i + 1]; k++)
            {
                if (graph.Rep[k] == plan.RepOfItem[i])
                {
                    state.Place(i, k);
                }
            }
        }
        return state;
    }

    private static double SolveUtilization(AssignmentInstance instance, AssignmentPlan plan)
    {
        using var solver = Solver.CreateSolver("GLOP")!;
        var level = solver.MakeNumVar(0, double.PositiveInfinity, "U");
        var rows = new Constraint?[instance.Reps.Count];
        for (var r = 0; r < rows.Length; r++)
        {
            if (instance.Reps[r].AvailableMinutes > 0)
            {
                rows[r] = solver.MakeConstraint(double.NegativeInfinity, -instance.Reps[r].CurrentLoadMinutes);
                rows[r]!.SetCoefficient(level, -instance.Reps[r].AvailableMinutes);
            }
        }
        AddItems(instance, plan, solver, rows, null);
        solver.Objective().SetCoefficient(level, 1);
        solver.Objective().SetMinimization();
        Assert.Equal(Solver.ResultStatus.OPTIMAL, solver.Solve());
        return level.SolutionValue();
    }

    private static (double Cost, double[] Duals) SolveCost(AssignmentInstance instance, AssignmentPlan plan, double[] capacityLoad)
    {
        using var solver = Solver.CreateSolver("GLOP")!;
        var rows = new Constraint?[instance.Reps.Count];
        for (var r = 0; r < rows.Length; r++)
        {
            if (instance.Reps[r].AvailableMinutes > 0)
            {
                rows[r] = solver.MakeConstraint(double.NegativeInfinity, capacityLoad[r] - instance.Reps[r].CurrentLoadMinutes);
            }
        }
        AddItems(instance, plan, solver, rows, solver.Objective());
        solver.Objective().SetMinimization();
        Assert.Equal(Solver.ResultStatus.OPTIMAL, solver.Solve());
        // Duals of <= rows in a minimization are <= 0; the Lagrangian price is their negation.
        return (solver.Objective().Value(), [.. rows.Select(row => row is null ? 0 : Math.Max(0, -row.DualValue()))]);
    }

    private static void AddItems(AssignmentInstance instance, AssignmentPlan plan, Solver solver, Constraint?[] rows, Objective? cost)
    {
        for (var i = 0; i < instance.Items.Count; i++)
        {
            if (plan.RepOfItem[i] < 0)
            {
                continue;
            }
            var once = solver.MakeConstraint(1, 1);
            foreach (var r in AssignmentInstances.EligibleReps(instance, i))
            {
                var x = solver.MakeNumVar(0, 1, "");
                once.SetCoefficient(x, 1);
                rows[r]!.SetCoefficient(x, instance.EffortOf(i, r));
                cost?.SetCoefficient(x, instance.CostOf(i, r));
            }
        }
    }
}
