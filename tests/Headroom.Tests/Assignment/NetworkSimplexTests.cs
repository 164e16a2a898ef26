using Google.OrTools.Graph;
using Headroom.Assignment;

namespace Headroom.Tests.Assignment;

// NetworkSimplex against OR-Tools' min-cost flow on seeded random networks: the same optimum,
// a flow within capacities that meets every supply, potentials that prove it optimal, and false
// exactly where OR-Tools finds no feasible flow.
public sealed class NetworkSimplexTests
{
    private readonly record struct Arc(int Tail, int Head, long Capacity, long Cost);

    private sealed record Network(int Nodes, Arc[] Arcs, long[] Supply);

    public static TheoryData<int> Seeds()
    {
        var seeds = new TheoryData<int>();
        for (var seed = 1; seed <= 40; seed++)
        {
            seeds.Add(seed);
        }
        return seeds;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Solve_RandomTransportation_MatchesOrToolsOptimum(int seed)
    {
        for (var round = 0; round < 10; round++)
        {
            AssertMatchesOrTools(Transportation(new Random((seed * 1000) + round)));
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Solve_RandomGeneralNetwork_MatchesOrToolsOptimum(int seed)
    {
        for (var round = 0; round < 25; round++)
        {
            AssertMatchesOrTools(General(new Random((seed * 1000) + round), degenerate: false));
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Solve_DegenerateNetwork_MatchesOrToolsOptimum(int seed)
    {
        for (var round = 0; round < 25; round++)
        {
            AssertMatchesOrTools(General(new Random((seed * 1000) + round), degenerate: true));
        }
    }

    // Deep trees and long pivot sequences, as at scale: thousands of sources on tens of reps.
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Solve_LargeTransportation_MatchesOrToolsOptimum(int seed)
    {
        AssertMatchesOrTools(Transportation(new Random(seed), sources: 4_000, reps: 80));
    }

    [Fact]
    public void Solve_Twice_GivesTheSameFlows()
    {
        var network = Transportation(new Random(7), sources: 500, reps: 20);
        long[] Flows()
        {
            var simplex = new NetworkSimplex(network.Nodes);
            foreach (var arc in network.Arcs)
            {
                simplex.AddArc(arc.Tail, arc.Head, arc.Capacity, arc.Cost);
            }
            for (var u = 0; u < network.Nodes; u++)
            {
                simplex.SetSupply(u, network.Supply[u]);
            }
            Assert.True(simplex.Solve());
            return [.. Enumerable.Range(0, network.Arcs.Length).Select(simplex.Flow)];
        }

        Assert.Equal(Flows(), Flows());
    }

    [Fact]
    public void Solve_TooLittleCapacity_ReturnsFalse()
    {
        var simplex = new NetworkSimplex(3);
        simplex.AddArc(0, 1, 3, 1);
        simplex.AddArc(1, 2, 10, 1);
        simplex.SetSupply(0, 5);
        simplex.SetSupply(2, -5);

        Assert.False(simplex.Solve());
    }

    [Fact]
    public void Solve_UnbalancedSupplies_ReturnsFalse()
    {
        var simplex = new NetworkSimplex(2);
        simplex.AddArc(0, 1, 10, 1);
        simplex.SetSupply(0, 5);
        simplex.SetSupply(1, -4);

        Assert.False(simplex.Solve());
    }

    [Fact]
    public void Solve_NegativeCycle_SaturatesIt()
    {
        var simplex = new NetworkSimplex(3);
        var a = simplex.AddArc(0, 1, 4, -3);
        var b = simplex.AddArc(1, 2, 6, 1);
        var c = simplex.AddArc(2, 0, 5, 1);

        Assert.True(simplex.Solve());
        Assert.Equal(-4, simplex.OptimalCost);
        Assert.Equal([4L, 4L, 4L], new[] { simplex.Flow(a), simplex.Flow(b), simplex.Flow(c) });
    }

    [Fact]
    public void Solve_NoArcs_IsOptimalAtZero()
    {
        var simplex = new NetworkSimplex(4);

        Assert.True(simplex.Solve());
        Assert.Equal(0, simplex.OptimalCost);
    }

    // Like the cost stage: sources supply minutes to candidate reps, each rep passes up to its
    // room to the sink for free and the rest through a dear overflow arc.
    private static Network Transportation(Random random) =>
        Transportation(random, random.Next(1, 60), random.Next(1, 15));

    private static Network Transportation(Random random, int sources, int reps)
    {
        int sink = sources + reps, costRange = random.Next(1, 40);
        var arcs = new List<Arc>();
        var supply = new long[sources + reps + 1];
        long total = 0;
        for (var s = 0; s < sources; s++)
        {
            supply[s] = random.Next(1, 120);
            total += supply[s];
            var candidates = Enumerable.Range(0, reps).OrderBy(_ => random.Next()).Take(random.Next(1, Math.Min(reps, 12) + 1)).Order();
            foreach (var r in candidates)
            {
                arcs.Add(new Arc(s, sources + r, supply[s], random.Next(costRange)));
            }
        }
        var penalty = (4L * costRange) + 10;
        for (var r = 0; r < reps; r++)
        {
            arcs.Add(new Arc(sources + r, sink, random.Next(0, (int)(2 * total / reps) + 1), 0));
            arcs.Add(new Arc(sources + r, sink, total, penalty));
        }
        supply[sink] = -total;
        return new Network(sources + reps + 1, [.. arcs], supply);
    }

    // Any shape: parallel arcs, negative costs, zero capacities, transshipment nodes, supplies
    // that may not fit. Degenerate ones have costs 0 or 1 and equal capacities, so ties abound.
    private static Network General(Random random, bool degenerate)
    {
        var nodes = random.Next(1, 14);
        var arcs = new Arc[nodes == 1 ? 0 : random.Next(0, 4 * nodes)];
        for (var k = 0; k < arcs.Length; k++)
        {
            var tail = random.Next(nodes);
            var head = (tail + random.Next(1, nodes)) % nodes;
            arcs[k] = degenerate
                ? new Arc(tail, head, random.Next(2) * 5, random.Next(2))
                : new Arc(tail, head, random.Next(0, 12), random.Next(-4, 20));
        }
        var supply = new long[nodes];
        for (var pair = random.Next(0, nodes + 1); pair > 0; pair--)
        {
            var amount = degenerate ? 5 : random.Next(1, 15);
            supply[random.Next(nodes)] += amount;
            supply[random.Next(nodes)] -= amount;
        }
        return new Network(nodes, arcs, supply);
    }

    private static void AssertMatchesOrTools(Network network)
    {
        var reference = new MinCostFlow();
        var simplex = new NetworkSimplex(network.Nodes, network.Arcs.Length);
        foreach (var arc in network.Arcs)
        {
            reference.AddArcWithCapacityAndUnitCost(arc.Tail, arc.Head, arc.Capacity, arc.Cost);
            simplex.AddArc(arc.Tail, arc.Head, arc.Capacity, arc.Cost);
        }
        for (var u = 0; u < network.Nodes; u++)
        {
            reference.SetNodeSupply(u, network.Supply[u]);
            simplex.SetSupply(u, network.Supply[u]);
        }
        var status = reference.Solve();
        var solved = simplex.Solve();

        Assert.Equal(status == MinCostFlowBase.Status.OPTIMAL, solved);
        if (!solved)
        {
            return;
        }
        Assert.Equal(reference.OptimalCost(), simplex.OptimalCost);
        var balance = new long[network.Nodes];
        long cost = 0;
        for (var k = 0; k < network.Arcs.Length; k++)
        {
            var arc = network.Arcs[k];
            var flow = simplex.Flow(k);
            Assert.InRange(flow, 0, arc.Capacity);
            balance[arc.Tail] += flow;
            balance[arc.Head] -= flow;
            cost += flow * arc.Cost;
            var reduced = arc.Cost + simplex.Potential(arc.Tail) - simplex.Potential(arc.Head);
            if (flow < arc.Capacity)
            {
                Assert.True(reduced >= 0, $"arc {k} below capacity with reduced cost {reduced}");
            }
            if (flow > 0)
            {
                Assert.True(reduced <= 0, $"arc {k} with flow and reduced cost {reduced}");
            }
        }
        Assert.Equal(network.Supply, balance);
        Assert.Equal(simplex.OptimalCost, cost);
    }
}
