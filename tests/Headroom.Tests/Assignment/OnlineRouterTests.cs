using Headroom.Assignment;

namespace Headroom.Tests.Assignment;

public sealed class OnlineRouterTests
{
    [Fact]
    public void Route_NewLeads_GoToEligibleRepsAndCarryTheLoad()
    {
        var instance = SalesInstanceGenerator.Generate(2_000, 50, seed: 4);
        var plan = AssignmentOptimizer.Plan(instance);
        var router = new OnlineRouter(instance, plan);
        var load = (long[])plan.LoadMinutes.Clone();

        foreach (var item in SalesInstanceGenerator.GenerateArrivals(instance, 300, seed: 5))
        {
            var routed = router.Route(item);
            if (routed.Rep is not { } rep)
            {
                Assert.Equal(0, instance.Reps.Count(_ => false));
                continue;
            }
            Assert.True(instance.IsEligible(item, rep));
            Assert.Equal(load[rep], routed.LoadBeforeMinutes);
            load[rep] += instance.EffortOf(item, rep);
            Assert.Equal(load[rep], routed.LoadAfterMinutes);
            Assert.Equal(load[rep], router.LoadOf(rep));
            Assert.Equal(Enumerable.Range(0, instance.Reps.Count).Count(r => instance.IsEligible(item, r)), routed.EligibleReps);
        }
    }

    [Fact]
    public void Route_NoEligibleRep_SaysSo()
    {
        var instance = new AssignmentInstance([], [new AssignmentRep(1, 600, 0, Territory: 1)], new AssignmentCostWeights());
        var router = new OnlineRouter(instance, StrategyAssigner.Assign(instance, AssignmentStrategy.Balanced));

        var routed = router.Route(new AssignmentItem(9, AssignmentItemKind.Lead, 60, Territory: 2));

        Assert.Null(routed.Rep);
        Assert.Equal(UnplacedReason.NoEligibleRep, routed.Unplaced);
    }

    [Fact]
    public void Route_PrefersTheIncumbentWhileItHasRoom()
    {
        var instance = new AssignmentInstance([], [new AssignmentRep(1, 6000, 3000), new AssignmentRep(2, 6000, 0)], new AssignmentCostWeights());
        var router = new OnlineRouter(instance, StrategyAssigner.Assign(instance, AssignmentStrategy.Balanced) with { UtilizationCap = 0.9 });

        var routed = router.Route(new AssignmentItem(1, AssignmentItemKind.Account, 60, IncumbentRep: 0));

        Assert.Equal(0, routed.Rep);
        Assert.Equal(AssignmentDecision.Cost, routed.DecidedBy);
    }
}
