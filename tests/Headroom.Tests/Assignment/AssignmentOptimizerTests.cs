using Headroom.Assignment;

namespace Headroom.Tests.Assignment;

public sealed class AssignmentOptimizerTests
{
    [Fact]
    public void Plan_SameSeed_GivesTheSamePlan()
    {
        var instance = SalesInstanceGenerator.Generate(3_000, 60, seed: 11);
        var options = new AssignmentOptimizerOptions { Seed = 3 };

        var first = AssignmentOptimizer.Plan(instance, options);
        var second = AssignmentOptimizer.Plan(SalesInstanceGenerator.Generate(3_000, 60, seed: 11), options with { Workers = 1 });

        Assert.Equal(first.RepOfItem, second.RepOfItem);
        Assert.Equal(first.Metrics.LpBoundUtilization, second.Metrics.LpBoundUtilization);
        Assert.Equal(first.Metrics.LpBoundCost, second.Metrics.LpBoundCost);
    }

    [Fact]
    public void Plan_GeneratedInstance_BeatsLeastLoadedWithinTheBounds()
    {
        var instance = SalesInstanceGenerator.Generate(5_000, 100, seed: 2);

        var balanced = AssignmentOptimizer.Plan(instance);
        var leastLoaded = StrategyAssigner.Assign(instance, AssignmentStrategy.LeastLoaded);

        Assert.Equal(0, balanced.Metrics.Violations);
        Assert.Equal(0, balanced.Metrics.Unplaced);
        Assert.True(balanced.Metrics.MaxUtilization < leastLoaded.Metrics.MaxUtilization);
        Assert.True(balanced.Metrics.TotalCost < leastLoaded.Metrics.TotalCost);
        Assert.InRange(balanced.Metrics.UtilizationGapPercent!.Value, 0, 2);
        Assert.True(balanced.Metrics.LpBoundCost <= balanced.Metrics.TotalCost);
    }

    [Fact]
    public void Plan_ItemWithoutEligibleRep_IsUnplacedWithTheReason()
    {
        var instance = new AssignmentInstance(
            [new AssignmentItem(1, AssignmentItemKind.Lead, 60, Territory: 7), new AssignmentItem(2, AssignmentItemKind.Lead, 60, Territory: 1)],
            [new AssignmentRep(1, 600, 0, Territory: 1)],
            new AssignmentCostWeights());

        var plan = AssignmentOptimizer.Plan(instance);

        Assert.Equal([-1, 0], plan.RepOfItem);
        Assert.Equal(UnplacedReason.NoEligibleRep, plan.Explanations[0].Unplaced);
        Assert.Equal(AssignmentDecision.OnlyEligibleRep, plan.Explanations[1].DecidedBy);
        Assert.Equal(1, plan.Metrics.Unplaced);
        Assert.Equal(60, plan.Metrics.UnplacedEffortMinutes);
    }

    [Fact]
    public void Plan_IncumbentWithRoom_KeepsTheItemForTheRelationship()
    {
        var reps = new[] { new AssignmentRep(1, 6000, 0), new AssignmentRep(2, 6000, 0) };
        var items = Enumerable.Range(0, 10)
            .Select(k => new AssignmentItem(k, AssignmentItemKind.Account, 60, IncumbentRep: k % 2))
            .ToArray();

        var plan = AssignmentOptimizer.Plan(new AssignmentInstance(items, reps, new AssignmentCostWeights()));

        Assert.Equal(items.Select(i => i.IncumbentRep!.Value), plan.RepOfItem);
        Assert.Equal(0, plan.Metrics.Moves);
        Assert.Equal(0, plan.Metrics.TotalCost);
    }
}
