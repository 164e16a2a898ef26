using Headroom.Assignment;

namespace Headroom.Tests.Assignment;

// The cost stage's transportation step (CostTransportation): a slot among each item's own
// candidates, prices that are valid Lagrangian multipliers, and plans started from it that keep
// the hard constraints and the cap, are the same for the same seed, and are no dearer than the
// start from every item's cheapest candidate on the generator's instances.
public sealed class CostTransportationTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Solve_SalesInstance_PicksOwnCandidatesWithNonNegativePrices(int seed)
    {
        var instance = SalesInstanceGenerator.Generate(2_000, 50, seed);
        var graph = CandidateGraph.Build(instance);
        var plan = AssignmentOptimizer.Plan(instance, new AssignmentOptimizerOptions { Seed = seed, Workers = 1 });
        var placed = new int[graph.Items];
        for (var i = 0; i < graph.Items; i++)
        {
            placed[i] = plan.RepOfItem[i] < 0 ? -1 : 0;
        }
        double[] capacityLoad = [.. instance.Reps.Select(r => Math.Max(r.CurrentLoadMinutes, Math.Floor(plan.UtilizationCap * r.AvailableMinutes)))];

        var result = CostTransportation.Solve(graph, placed, capacityLoad);

        Assert.NotNull(result);
        for (var i = 0; i < graph.Items; i++)
        {
            if (placed[i] < 0)
            {
                Assert.Equal(-1, result.Value.Slot[i]);
            }
            else
            {
                Assert.InRange(result.Value.Slot[i], graph.Start[i], graph.Start[i + 1] - 1);
            }
        }
        // No rep need be priced: at 2k × 50 seed 2 the cheapest candidates already fit the cap.
        Assert.All(result.Value.Prices, p => Assert.True(p >= 0 && double.IsFinite(p)));
    }

    [Theory]
    [InlineData(2_000, 50, 1)]
    [InlineData(2_000, 50, 2)]
    [InlineData(5_000, 100, 3)]
    public void Plan_WithCostFlow_IsFeasibleRepeatableAndNoDearer(int leads, int reps, int seed)
    {
        var instance = SalesInstanceGenerator.Generate(leads, reps, seed);
        var options = new AssignmentOptimizerOptions { Seed = seed, Workers = 2 };

        var plan = AssignmentOptimizer.Plan(instance, options);
        var again = AssignmentOptimizer.Plan(instance, options with { Workers = 1 });
        var cheapestStart = AssignmentOptimizer.Plan(instance, options with { CostFlow = false });

        Assert.Equal(0, plan.Metrics.Violations);
        Assert.True(plan.Metrics.MaxUtilization <= plan.UtilizationCap + 1e-9);
        Assert.Equal(plan.RepOfItem, again.RepOfItem);
        Assert.Equal(plan.Metrics.LpBoundCost, again.Metrics.LpBoundCost);
        Assert.Equal(plan.Metrics.LpBoundUtilization, again.Metrics.LpBoundUtilization);
        Assert.Equal(plan.Metrics.Unplaced, cheapestStart.Metrics.Unplaced);
        Assert.True(plan.Metrics.TotalCost <= cheapestStart.Metrics.TotalCost,
            $"flow start {plan.Metrics.TotalCost}, cheapest start {cheapestStart.Metrics.TotalCost}");
        Assert.True(plan.Metrics.LpBoundCost >= cheapestStart.Metrics.LpBoundCost);
        Assert.True(plan.Metrics.LpBoundCost <= plan.Metrics.TotalCost);
    }

    // The sources are built beside the balancing passes from the placed plan; solving against a
    // plan that places other items would route effort that is not there.
    [Fact]
    public void Solve_PlanPlacingOtherItems_Throws()
    {
        var instance = SalesInstanceGenerator.Generate(500, 20, 1);
        var graph = CandidateGraph.Build(instance);
        var placed = new int[graph.Items];
        for (var i = 0; i < graph.Items; i++)
        {
            placed[i] = graph.Start[i] < graph.Start[i + 1] ? graph.Start[i] : -1;
        }
        var item = Array.FindIndex(placed, k => k >= 0);
        double[] capacityLoad = [.. instance.Reps.Select(r => (double)r.AvailableMinutes)];
        var network = CostTransportation.Prepare(graph, placed);
        var other = (int[])placed.Clone();
        other[item] = -1;

        var error = Assert.Throws<InvalidOperationException>(() => network.Solve(other, capacityLoad));

        Assert.Contains($"Item {item}", error.Message, StringComparison.Ordinal);
    }

    // A relationship worth 10^15 units on hour-long items puts the network simplex's big-M start
    // past long range: the step gives up (the cost stage then starts from the cheapest candidates)
    // instead of throwing, and the plan still keeps the cap.
    [Fact]
    public void Solve_CostsBeyondTheSimplexRange_ReturnsNullAndPlanStillFits()
    {
        var generated = SalesInstanceGenerator.Generate(300, 10, 1);
        var instance = generated with { Weights = new AssignmentCostWeights(Relationship: 1_000_000_000_000_000) };
        var graph = CandidateGraph.Build(instance);
        var placed = new int[graph.Items];
        for (var i = 0; i < graph.Items; i++)
        {
            placed[i] = graph.Start[i] < graph.Start[i + 1] ? graph.Start[i] : -1;
        }
        double[] capacityLoad = [.. instance.Reps.Select(r => (double)r.AvailableMinutes)];

        Assert.Null(CostTransportation.Solve(graph, placed, capacityLoad));

        var plan = AssignmentOptimizer.Plan(instance, new AssignmentOptimizerOptions { Workers = 1 });
        Assert.Equal(0, plan.Metrics.Violations);
        Assert.True(plan.Metrics.MaxUtilization <= plan.UtilizationCap + 1e-9);
    }
}
