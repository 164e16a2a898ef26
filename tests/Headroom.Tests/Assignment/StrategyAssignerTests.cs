using Headroom.Assignment;

namespace Headroom.Tests.Assignment;

public sealed class StrategyAssignerTests
{
    private static readonly AssignmentCostWeights Weights = new();

    [Fact]
    public void RoundRobin_SkipsIneligibleRepsAndRotates()
    {
        var reps = new[] { new AssignmentRep(1, 600, 0, Territory: 1), new AssignmentRep(2, 600, 0, Territory: 2), new AssignmentRep(3, 600, 0, Territory: 1) };
        var items = Enumerable.Range(0, 4).Select(k => new AssignmentItem(k, AssignmentItemKind.Lead, 60, Territory: 1)).ToArray();

        var plan = StrategyAssigner.Assign(new AssignmentInstance(items, reps, Weights), AssignmentStrategy.RoundRobin);

        Assert.Equal([0, 2, 0, 2], plan.RepOfItem);
        Assert.All(plan.Explanations, e => Assert.Equal(AssignmentDecision.RoundRobinTurn, e.DecidedBy));
    }

    [Fact]
    public void WeightedRoundRobin_GivesInProportionToCapacity()
    {
        var reps = new[] { new AssignmentRep(1, 3000, 0), new AssignmentRep(2, 1000, 0) };
        var items = Enumerable.Range(0, 8).Select(k => new AssignmentItem(k, AssignmentItemKind.Lead, 60)).ToArray();

        var plan = StrategyAssigner.Assign(new AssignmentInstance(items, reps, Weights), AssignmentStrategy.WeightedRoundRobin);

        Assert.Equal(6, plan.RepOfItem.Count(r => r == 0));
        Assert.Equal(2, plan.RepOfItem.Count(r => r == 1));
    }

    [Fact]
    public void LeastLoaded_TakesTheLowestUtilization()
    {
        var reps = new[] { new AssignmentRep(1, 1000, 500), new AssignmentRep(2, 1000, 100), new AssignmentRep(3, 1000, 0, OptedOut: true) };
        var items = new[] { new AssignmentItem(1, AssignmentItemKind.Lead, 60) };

        var plan = StrategyAssigner.Assign(new AssignmentInstance(items, reps, Weights), AssignmentStrategy.LeastLoaded);

        Assert.Equal([1], plan.RepOfItem);
        Assert.Equal(0, plan.Explanations[0].RunnerUp);
        Assert.Equal(2, plan.Explanations[0].EligibleReps);
    }

    [Fact]
    public void MaxItems_IsNeverExceeded()
    {
        var reps = new[] { new AssignmentRep(1, 100_000, 0, MaxItems: 2), new AssignmentRep(2, 100_000, 0, MaxItems: 1) };
        var items = Enumerable.Range(0, 4).Select(k => new AssignmentItem(k, AssignmentItemKind.Lead, 60)).ToArray();
        var instance = new AssignmentInstance(items, reps, Weights);

        foreach (var strategy in Enum.GetValues<AssignmentStrategy>())
        {
            var plan = StrategyAssigner.Assign(instance, strategy);
            Assert.Equal(1, plan.Metrics.Unplaced);
            Assert.Equal(UnplacedReason.EligibleRepsFull, plan.Unplaced.Single().Unplaced);
            Assert.Equal(0, plan.Metrics.Violations);
        }
    }
}
