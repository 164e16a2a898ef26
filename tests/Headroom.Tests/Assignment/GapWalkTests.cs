using CsCheck;
using Headroom.Assignment;

namespace Headroom.Tests.Assignment;

// The tabu search on its own, with a fixed number of iterations so that nothing depends on time.
public sealed class GapWalkTests
{
    // Tight instances: capacities near a third of the total weight, so agents are overloaded most
    // of the walk and chains of ejections are made often.
    private static readonly Gen<GapInstance> TightGen = Tight("tight", 2, 5, 4, 14);

    // More agents than a job's swap candidates, so the candidate lists restrict the swaps too.
    private static readonly Gen<GapInstance> WideGen = Tight("wide", 6, 9, 10, 24);

    private static Gen<GapInstance> Tight(string name, int minAgents, int maxAgents, int minJobs, int maxJobs) =>
        from m in Gen.Int[minAgents, maxAgents]
        from n in Gen.Int[minJobs, maxJobs]
        from cost in Gen.Int[0, 40].Array[n].Array[m]
        from weight in Gen.Int[1, 12].Array[n].Array[m]
        from slack in Gen.Int[0, 6]
        select new GapInstance(name, m, n, cost, weight,
            [.. Enumerable.Range(0, m).Select(i => (long)(weight[i].Sum() / m + slack))]);

    private static int[] CheapestAgents(GapInstance instance) =>
        [.. Enumerable.Range(0, instance.Jobs).Select(j => Enumerable.Range(0, instance.Agents).MinBy(i => instance.Cost[i][j]))];

    // The best solution the walk keeps, if any, is feasible and costs what it says.
    private static void AssertBestIsFeasible(GapInstance instance, GapWalk search)
    {
        if (search.BestCost != long.MaxValue)
        {
            Assert.True(instance.IsFeasible(search.Best), "the best solution kept is feasible");
            Assert.Equal(instance.CostOf(search.Best), search.BestCost);
        }
    }

    private static GapWalk Search(GapInstance instance, int seed, int chainDepth, bool weighting = false) =>
        new(instance, (i, j) => instance.Weight[i][j] <= instance.Capacity[i], new Random(seed), null, chainDepth) { Weighting = weighting };

    [Fact]
    public void Step_WithEjectionChains_KeepsLoadsAndCostInStepWithTheAssignment()
    {
        TightGen.Sample(instance =>
        {
            var search = Search(instance, 5, chainDepth: 3);
            search.Restart(CheapestAgents(instance));
            for (var k = 0; k < 200; k++)
            {
                search.Step(1);
                Assert.True(search.BookkeepingHolds(), $"loads and cost after iteration {k + 1}");
            }
            AssertBestIsFeasible(instance, search);
        }, iter: 80);
    }

    [Theory]
    [InlineData(1, false)]
    [InlineData(2, false)]
    [InlineData(2, true)]
    public void Step_SkippingMovesByTheirBounds_TakesTheSamePathAsEvaluatingEveryMove(int chainDepth, bool weighting)
    {
        // The bounds only skip moves that cannot beat (or tie) the best one found, so with the
        // same seed the walk makes the same moves, notes the same solutions and ends the same.
        // Chains of two at most: the third step continues the best second step among those the
        // bounds leave in, so with three the paths may differ by design, in either rule.
        TightGen.Select(WideGen, (tight, wide) => (tight, wide)).Sample(pair =>
        {
            foreach (var instance in new[] { pair.tight, pair.wide })
            {
                var pruned = new GapWalk(instance, (i, j) => instance.Weight[i][j] <= instance.Capacity[i], new Random(7), null, chainDepth, swapCandidates: 3) { Weighting = weighting };
                var full = new GapWalk(instance, (i, j) => instance.Weight[i][j] <= instance.Capacity[i], new Random(7), null, chainDepth, swapCandidates: 3) { Weighting = weighting, Prune = false };
                var start = CheapestAgents(instance);
                pruned.Restart(start);
                full.Restart(start);
                for (var k = 0; k < 150; k++)
                {
                    pruned.Step(1);
                    full.Step(1);
                    Assert.Equal(full.Current, pruned.Current);
                    Assert.Equal(full.LastDelta, pruned.LastDelta, 6);
                    Assert.Equal(full.BestCost, pruned.BestCost);
                    Assert.True(pruned.BookkeepingHolds(), $"loads and cost after iteration {k + 1}");
                }
            }
        }, iter: 40);
    }

    [Fact]
    public void Step_Weighting_DescendsProjectsAndKeepsFeasibleBests()
    {
        // The weighting walk descends: each move it makes lowers the penalized cost (between moves
        // only the prices change). At a local optimum cheaper than the best feasible solution with
        // few agents overloaded it descends with steep prices towards feasibility, notes what it
        // finds there and returns: the iteration that projects leaves the assignment as it was.
        // The bookkeeping holds throughout, what it keeps is feasible, and over the samples
        // projections happen and some of them improve the best kept.
        var projections = 0;
        var gains = 0;
        TightGen.Select(WideGen, (tight, wide) => (tight, wide)).Sample(pair =>
        {
            foreach (var instance in new[] { pair.tight, pair.wide })
            {
                var search = new GapWalk(instance, (i, j) => instance.Weight[i][j] <= instance.Capacity[i], new Random(5)) { Weighting = true };
                search.Restart(CheapestAgents(instance));
                for (var k = 0; k < 200; k++)
                {
                    var before = search.Current.ToArray();
                    var cost = search.CurrentCost;
                    var made = search.Projections;
                    search.Step(1);
                    if (search.Projections > made)
                    {
                        Assert.Equal(before, search.Current);
                        Assert.Equal(cost, search.CurrentCost);
                    }
                    else if (!before.AsSpan().SequenceEqual(search.Current.ToArray()))
                    {
                        Assert.True(search.LastDelta < 0, $"iteration {k + 1} moved uphill by {search.LastDelta}");
                    }
                    Assert.True(search.BookkeepingHolds(), $"loads and cost after iteration {k + 1}");
                }
                AssertBestIsFeasible(instance, search);
                Interlocked.Add(ref projections, search.Projections);
                Interlocked.Add(ref gains, search.ProjectionGains);
            }
        }, iter: 60);
        Assert.True(projections > 0, "some local optimum was projected");
        Assert.True(gains > 0, "some projection improved the best solution kept");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Step_OnlyACycleOfThreeImproves_TheChainFindsItInOneIteration(bool weighting)
    {
        // Every agent holds one job of weight 10 and has room for exactly one, so every shift
        // overloads an agent and every swap costs 11 more. Moving each job to the next agent
        // (0 -> 1, 1 -> 2, 2 -> 0) costs 3 instead of 15: a chain of three, or nothing.
        var instance = new GapInstance("cycle", 3, 3,
            Cost: [[5, 20, 1], [1, 5, 20], [20, 1, 5]],
            Weight: [[10, 10, 10], [10, 10, 10], [10, 10, 10]],
            Capacity: [10, 10, 10]);
        int[] start = [0, 1, 2];

        var withChains = Search(instance, 1, chainDepth: 3, weighting);
        withChains.Restart(start);
        withChains.Step(1);
        var withoutChains = Search(instance, 1, chainDepth: 0, weighting);
        withoutChains.Restart(start);
        withoutChains.Step(1);

        Assert.Equal(3, withChains.BestCost);
        Assert.Equal([1, 2, 0], withChains.Best);
        Assert.Equal(15, withoutChains.BestCost);
    }

    [Fact]
    public void Step_SameSeed_SameWalk()
    {
        var random = new Random(3);
        int m = 6, n = 30;
        var weight = Enumerable.Range(0, m).Select(_ => Enumerable.Range(0, n).Select(_ => random.Next(1, 20)).ToArray()).ToArray();
        var instance = new GapInstance("seeded", m, n,
            [.. Enumerable.Range(0, m).Select(_ => Enumerable.Range(0, n).Select(_ => random.Next(10, 50)).ToArray())],
            weight,
            [.. weight.Select(w => (long)(w.Sum() * 0.8 / m))]);
        var first = Search(instance, 11, chainDepth: 3);
        var second = Search(instance, 11, chainDepth: 3);
        first.Restart(CheapestAgents(instance));
        second.Restart(CheapestAgents(instance));

        first.Step(500);
        second.Step(500);

        Assert.Equal(first.Current, second.Current);
        Assert.Equal(first.CurrentCost, second.CurrentCost);
        Assert.Equal(first.Best, second.Best);
        Assert.Equal(first.BestCost, second.BestCost);
    }
}
