using CsCheck;
using Headroom.Assignment;

namespace Headroom.Tests.Assignment;

// The Lagrangian dives on their own, with no time limit, so that nothing depends on the machine.
public sealed class GapLagrangianDiveTests
{
    // Zero weights too: the knapsacks' dynamic programming must take them once.
    private static readonly Gen<GapInstance> InstanceGen = GapSolverPropertyTests.Instances(minWeight: 0, maxJobs: 7);

    private static double[] CheapestCosts(GapInstance instance) =>
        [.. Enumerable.Range(0, instance.Jobs).Select(j => (double)Enumerable.Range(0, instance.Agents).Min(i => instance.Cost[i][j]))];

    [Fact]
    public void AscendAndDive_RandomInstances_BoundHoldsAndDivesOnlyReturnCheaperFeasibleSolutions()
    {
        InstanceGen.Sample(instance =>
        {
            var optimum = GapSolverPropertyTests.BruteForce(instance);
            if (optimum is null || !GapLagrangianDive.Applies(instance))
            {
                return;
            }
            var dive = new GapLagrangianDive(instance, CheapestCosts(instance), new Random(5));
            dive.Ascend(optimum.Value + 5, 200, () => false);
            Assert.True(dive.Bound <= optimum.Value + 1e-6, $"bound {dive.Bound} above the optimum {optimum}");

            // Nothing beats the optimum, and what beats optimum + 1 is an optimal solution.
            for (var k = 0; k < 10; k++)
            {
                Assert.Null(dive.Dive(optimum.Value, () => false));
                if (dive.Dive(optimum.Value + 1, () => false) is { } found)
                {
                    Assert.True(instance.IsFeasible(found), "a dive's solution is feasible");
                    Assert.Equal(optimum.Value, instance.CostOf(found));
                }
            }
        }, iter: 200);
    }

    [Fact]
    public void Applies_NegativeWeightsOrHugeKnapsacks_IsFalse()
    {
        var small = new GapInstance("small", 2, 2, [[1, 2], [3, 4]], [[1, 2], [2, 1]], [2, 2]);
        Assert.True(GapLagrangianDive.Applies(small));
        Assert.False(GapLagrangianDive.Applies(small with { Weight = [[1, -2], [2, 1]] }));
        Assert.False(GapLagrangianDive.Applies(small with { Capacity = [2, 100_000_000] }));

        // An agent that no job fits costs nothing, however large its capacity.
        var idle = new GapInstance("idle", 2, 1, [[1], [1]], [[1], [int.MaxValue]], [1, int.MaxValue - 1]);
        Assert.True(GapLagrangianDive.Applies(idle));
        var dive = new GapLagrangianDive(idle, [5], new Random(1));
        Assert.Equal([0], dive.Dive(2, () => false) ?? []);
    }

    [Fact]
    public void Dive_D20100FromTheLpDuals_BoundAboveTheLpAndADiveWithinHalfAPercent()
    {
        // d20100 (best-known 6185, LP 6142.5): the walk and CP-SAT level off at 6230-6250; the
        // dives from the knapsack bound's multipliers reach 6185-6215 (ADR 0021, session 13).
        if (GapInstances.Instance("chu1997", "d20100") is not { } path)
        {
            return; // the shared benchmark folder is not on this machine
        }
        var instance = GapReader.ReadFile(path);
        var lp = GapLinearRelaxation.Solve(instance, TimeSpan.FromSeconds(30));
        Assert.True(lp.Solved);
        var dive = new GapLagrangianDive(instance, lp.AssignmentDuals, new Random(1));
        dive.Ascend(6300, 300, () => false);
        Assert.InRange(dive.Bound, lp.Value + 20, 6185);

        var incumbent = 6300L;
        for (var k = 0; k < 200 && incumbent > 6215; k++)
        {
            if (dive.Dive(incumbent, () => false) is { } found)
            {
                Assert.True(instance.IsFeasible(found));
                Assert.True(instance.CostOf(found) < incumbent);
                incumbent = instance.CostOf(found);
            }
        }
        Assert.InRange(incumbent, 6185, 6215);
    }
}
