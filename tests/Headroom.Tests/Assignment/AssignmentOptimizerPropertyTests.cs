using CsCheck;
using Headroom.Assignment;

namespace Headroom.Tests.Assignment;

// Random small instances checked against brute force. CsCheck prints the seed of a failing case;
// set the CsCheck_Seed environment variable to that value to replay it.
public sealed class AssignmentOptimizerPropertyTests
{
    private static readonly AssignmentOptimizerOptions Options = new() { Seed = 5, Workers = 1 };

    [Fact]
    public void Plan_RandomInstances_NeverBreaksHardConstraints()
    {
        AssignmentInstances.Small.Sample(instance =>
        {
            foreach (var strategy in Enum.GetValues<AssignmentStrategy>())
            {
                var plan = StrategyAssigner.Assign(instance, strategy, Options);
                var counts = new int[instance.Reps.Count];
                for (var i = 0; i < instance.Items.Count; i++)
                {
                    var rep = plan.RepOfItem[i];
                    if (rep >= 0)
                    {
                        Assert.True(instance.IsEligible(i, rep), $"{strategy}: item {i} went to ineligible rep {rep}");
                        counts[rep]++;
                    }
                    else if (AssignmentInstances.EligibleReps(instance, i).Length == 0)
                    {
                        Assert.Equal(UnplacedReason.NoEligibleRep, plan.Explanations[i].Unplaced);
                    }
                }
                Assert.All(Enumerable.Range(0, instance.Reps.Count), r => Assert.True(counts[r] <= instance.Reps[r].MaxItems));
                Assert.Equal(0, plan.Metrics.Violations);
            }
        }, iter: 300);
    }

    [Fact]
    public void Plan_RandomInstances_PlacesAsMuchEffortAsBruteForce()
    {
        AssignmentInstances.Small.Sample(instance =>
        {
            var plan = AssignmentOptimizer.Plan(instance, Options);
            long best = 0;
            AssignmentInstances.Enumerate(instance, _ => true, assignment =>
                best = Math.Max(best, Enumerable.Range(0, assignment.Length).Where(i => assignment[i] >= 0).Sum(i => (long)instance.Items[i].EffortMinutes)));
            var placed = Enumerable.Range(0, instance.Items.Count).Where(i => plan.RepOfItem[i] >= 0).Sum(i => (long)instance.Items[i].EffortMinutes);
            Assert.Equal(best, placed);
        }, iter: 300);
    }

    // The LP bounds must never exceed the exact integer optimum over the same placed items:
    // maximum utilization over every assignment, cost over those within the plan's cost-stage limits
    // (each at most the utilization cap).
    [Fact]
    public void Plan_RandomInstances_BoundsAreBelowTheExactOptimum()
    {
        AssignmentInstances.Small.Sample(instance =>
        {
            var plan = AssignmentOptimizer.Plan(instance, Options);
            var placed = plan.RepOfItem.Select(r => r >= 0).ToArray();
            var reduced = instance with { Items = [.. instance.Items.Where((_, i) => placed[i])] };
            // The staged problem: each rep within the minutes the cost stage held it to.
            var capacityLoad = plan.CostLimitMinutes!.Select(m => (long)m).ToArray();
            Assert.All(instance.Reps.Select((r, k) => (r, k)), x => Assert.True(capacityLoad[x.k] <= Math.Max(x.r.CurrentLoadMinutes, Math.Floor(plan.UtilizationCap * x.r.AvailableMinutes))));
            var bestUtilization = double.PositiveInfinity;
            var bestCost = long.MaxValue;
            AssignmentInstances.Enumerate(reduced, _ => false, assignment =>
            {
                var load = AssignmentInstances.Loads(reduced, assignment);
                bestUtilization = Math.Min(bestUtilization, AssignmentInstances.MaxUtilization(reduced, load));
                if (Enumerable.Range(0, load.Length).All(r => reduced.Reps[r].AvailableMinutes == 0 || load[r] <= capacityLoad[r]))
                {
                    bestCost = Math.Min(bestCost, Enumerable.Range(0, assignment.Length).Sum(i => reduced.CostOf(i, assignment[i])));
                }
            });
            Assert.True(plan.Metrics.LpBoundUtilization <= bestUtilization + 1e-9,
                $"utilization bound {plan.Metrics.LpBoundUtilization} above the optimum {bestUtilization}");
            Assert.True(plan.Metrics.MaxUtilization >= bestUtilization - 1e-9);
            Assert.True(plan.Metrics.MaxUtilization <= plan.UtilizationCap + 1e-9);
            Assert.NotEqual(long.MaxValue, bestCost);
            Assert.True(plan.Metrics.LpBoundCost <= bestCost, $"cost bound {plan.Metrics.LpBoundCost} above the optimum {bestCost}");
            Assert.True(plan.Metrics.TotalCost >= bestCost);
        }, iter: 300);
    }

    [Fact]
    public void Plan_RandomInstances_ExplanationsAgreeWithThePlan()
    {
        AssignmentInstances.Small.Sample(instance =>
        {
            foreach (var strategy in Enum.GetValues<AssignmentStrategy>())
            {
                var plan = StrategyAssigner.Assign(instance, strategy, Options);
                Assert.Equal(instance.Items.Count, plan.Explanations.Count);
                for (var i = 0; i < instance.Items.Count; i++)
                {
                    var explanation = plan.Explanations[i];
                    var eligible = AssignmentInstances.EligibleReps(instance, i);
                    Assert.Equal(i, explanation.Item);
                    Assert.Equal(eligible.Length, explanation.EligibleReps);
                    if (explanation.Rep is not { } rep)
                    {
                        Assert.Equal(-1, plan.RepOfItem[i]);
                        Assert.Equal(AssignmentDecision.NotPlaced, explanation.DecidedBy);
                        Assert.NotNull(explanation.Unplaced);
                        continue;
                    }
                    Assert.Equal(plan.RepOfItem[i], rep);
                    Assert.Equal(instance.Reps[rep].CurrentLoadMinutes, explanation.LoadBeforeMinutes);
                    Assert.Equal(plan.LoadMinutes[rep], explanation.LoadAfterMinutes);
                    Assert.Equal(eligible.Length == 1, explanation.DecidedBy == AssignmentDecision.OnlyEligibleRep);
                    if (explanation.RunnerUp is { } runnerUp)
                    {
                        Assert.NotEqual(rep, runnerUp);
                        Assert.Contains(runnerUp, eligible);
                    }
                    if (strategy == AssignmentStrategy.Balanced && explanation.DecidedBy == AssignmentDecision.Cost)
                    {
                        Assert.True(instance.CostOf(i, rep) < instance.CostOf(i, explanation.RunnerUp!.Value));
                    }
                }
                var load = AssignmentInstances.Loads(instance, plan.RepOfItem);
                Assert.Equal(load, plan.LoadMinutes);
                Assert.Equal(AssignmentInstances.MaxUtilization(instance, load), plan.Metrics.MaxUtilization, 12);
                Assert.Equal(Enumerable.Range(0, instance.Items.Count).Where(i => plan.RepOfItem[i] >= 0).Sum(i => instance.CostOf(i, plan.RepOfItem[i])),
                    plan.Metrics.TotalCost);
            }
        }, iter: 200);
    }
}
