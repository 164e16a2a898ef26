using Headroom.Assignment;

namespace Headroom.Tests.Assignment;

// Time limits here are generous ceilings, not expectations: each instance is proved in a fraction
// of a second, and no assertion depends on how long that takes.
public sealed class GapSolverTests
{
    private static readonly GapSolverOptions Options = new() { TimeLimit = TimeSpan.FromSeconds(20), Seed = 7 };

    [Fact]
    public void Solve_Gap1_0_ReachesTheKnownOptimum()
    {
        if (GapInstances.Instance("cattrysse1994", "gap1-0") is not { } path)
        {
            return; // the shared benchmark folder is not on this machine
        }
        var instance = GapReader.ReadFile(path);

        var result = GapSolver.Solve(instance, Options);

        Assert.Equal(GapStatus.Optimal, result.Status);
        Assert.Equal(261, result.Cost);
        Assert.True(instance.IsFeasible(result.AgentOfJob));
        Assert.Equal(261, instance.CostOf(result.AgentOfJob));
        Assert.Equal(261, result.LowerBound);
        Assert.Equal(0, result.GapPercent);
    }

    [Fact]
    public void Solve_CheapestAgentTooSmall_PaysForTheSecondBest()
    {
        // Both jobs are cheapest on agent 0, which has room for one; the optimum puts job 1 there
        // (it saves more) and job 0 on agent 1: 1 + 4 = 5 (the other way round costs 2 + 6 = 8).
        var instance = new GapInstance("hand", 2, 2,
            Cost: [[2, 1], [4, 6]],
            Weight: [[5, 5], [5, 5]],
            Capacity: [5, 10]);

        var result = GapSolver.Solve(instance, Options);

        Assert.Equal(GapStatus.Optimal, result.Status);
        Assert.Equal([1, 0], result.AgentOfJob);
        Assert.Equal(5, result.Cost);
    }

    [Fact]
    public void Solve_JobFitsNowhere_IsInfeasible()
    {
        var instance = new GapInstance("too-big", 2, 2, [[1, 1], [1, 1]], [[3, 9], [3, 9]], [5, 5]);

        var result = GapSolver.Solve(instance, Options);

        Assert.Equal(GapStatus.Infeasible, result.Status);
        Assert.False(result.Feasible);
        Assert.Empty(result.AgentOfJob);
    }

    [Fact]
    public void Solve_TotalWeightAboveTotalCapacity_IsInfeasible()
    {
        // Each job fits each agent on its own, but three jobs of 4 cannot share 2 agents of 5.
        var instance = new GapInstance("crowded", 2, 3, [[1, 1, 1], [1, 1, 1]], [[4, 4, 4], [4, 4, 4]], [5, 5]);

        var result = GapSolver.Solve(instance, Options);

        Assert.Equal(GapStatus.Infeasible, result.Status);
    }

    [Fact]
    public void Solve_TwentyTightAgents_WalkAndNeighborhoodsKeepTheResultFeasibleAndConsistent()
    {
        // Type D by Chu and Beasley's recipe (cost falls as weight rises, capacity 80 % of an
        // agent's share): too tight for the first CP-SAT call to finish, so the tabu walk and the
        // neighborhoods run side by side on one incumbent, and neither may publish a move the
        // other has made stale.
        var random = new Random(20);
        int m = 20, n = 100;
        var weight = Enumerable.Range(0, m).Select(_ => Enumerable.Range(0, n).Select(_ => random.Next(1, 101)).ToArray()).ToArray();
        var cost = weight.Select(row => row.Select(w => 111 - w + random.Next(-10, 11)).ToArray()).ToArray();
        var instance = new GapInstance("d-like", m, n, cost, weight, [.. weight.Select(row => (long)(0.8 * row.Sum() / m))]);

        var result = GapSolver.Solve(instance, new GapSolverOptions { TimeLimit = TimeSpan.FromSeconds(4), Seed = 2, Workers = 2 });

        Assert.True(result.Feasible);
        Assert.True(instance.IsFeasible(result.AgentOfJob), "capacities respected");
        Assert.Equal(instance.CostOf(result.AgentOfJob), result.Cost);
        Assert.InRange(result.LowerBound, (long)Math.Ceiling(result.LpBound - 0.01), result.Cost);
    }
}
