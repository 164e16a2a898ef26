using CsCheck;
using Google.OrTools.Sat;
using Headroom.Assignment;
using Headroom.Workload;
using Xunit.Abstractions;

namespace Headroom.Tests.Assignment;

// Random small teams, checked against an exact CP-SAT solve of the same problem: the fewest
// weighted moves that leave no member above the healthy band. The greedy must always propose
// valid moves, never beat the optimum (that would be a bug in one of them), and stay close to it.
public sealed class RebalancerPropertyTests(ITestOutputHelper output)
{
    private static readonly Gen<RebalanceInputs> InstanceGen =
        from members in Gen.Int[2, 5]
        from loads in Gen.Int[0, 20].Array[members]
        from receives in Gen.Bool.Array[members]
        from teams in Gen.Int[1, 2].Array[members]
        from itemCount in Gen.Int[1, 12]
        from owners in Gen.Int[0, members - 1].Array[itemCount]
        from hours in Gen.Int[1, 8].Array[itemCount]
        from weights in Gen.Int[1, 4].Array[itemCount]
        select new RebalanceInputs
        {
            Members = [.. Enumerable.Range(0, members).Select(m => new RebalanceMember(m + 1, $"m{m + 1}", teams[m], 10, loads[m], receives[m]))],
            Items = [.. Enumerable.Range(0, itemCount).Select(i => new RebalanceItem(RebalanceItemKind.FollowUp, i + 1, $"f{i + 1}", owners[i] + 1, hours[i] / 2.0, weights[i], []))],
        };

    // The same teams where members cover some of three territories and speak some of two
    // languages, and items need one of each or nothing.
    private static readonly Gen<RebalanceInputs> RequirementsGen =
        from inputs in InstanceGen
        from territories in Gen.Int[0, 7].Array[inputs.Members.Count]
        from languages in Gen.Int[0, 3].Array[inputs.Members.Count]
        from needTerritory in Gen.Int[0, 3].Array[inputs.Items.Count]
        from needLanguage in Gen.Int[0, 2].Array[inputs.Items.Count]
        select inputs with
        {
            Members = [.. inputs.Members.Select((m, i) => m with
            {
                Fit = new MemberFit(
                    [.. new[] { "a", "b", "c" }.Where((_, bit) => (territories[i] & (1 << bit)) != 0)],
                    [.. new[] { "zh-CN", "en" }.Where((_, bit) => (languages[i] & (1 << bit)) != 0)],
                    new Dictionary<string, int>()),
            })],
            Items = [.. inputs.Items.Select((item, i) => item with
            {
                Requires = new HardRequirements(
                    Territory: needTerritory[i] == 0 ? null : new[] { "a", "b", "c" }[needTerritory[i] - 1],
                    Language: needLanguage[i] == 0 ? null : new[] { "zh", "EN" }[needLanguage[i] - 1]),
            })],
        };

    [Fact]
    public void WithRequirements_EveryMoveGoesToSomeoneWhoMayHoldIt_AndNotMovableIsTrue()
    {
        int solvable = 0, greedySolved = 0, notMovable = 0;
        RequirementsGen.Sample(inputs =>
        {
            var proposal = Rebalancer.Propose(inputs, new RebalanceRequest());
            AssertValid(inputs, proposal);
            var optimum = Exact(inputs);
            if (proposal.After.Over == 0)
            {
                Assert.NotNull(optimum);
                Assert.True(proposal.TotalWeight >= optimum!.Value - 1e-9, $"greedy {proposal.TotalWeight} below optimum {optimum}");
            }
            solvable += optimum is null ? 0 : 1;
            greedySolved += optimum is not null && proposal.After.Over == 0 ? 1 : 0;
            foreach (var blocked in proposal.NotMovable)
            {
                notMovable++;
                var item = inputs.Items.Single(i => i.Id == blocked.ItemId);
                var owner = inputs.Members.Single(m => m.Id == item.OwnerId);
                var candidates = inputs.Members.Where(m => m.Id != owner.Id && m.CanReceive && m.TeamId == owner.TeamId).ToList();
                Assert.NotEmpty(candidates);
                Assert.All(candidates, m => Assert.False(item.Requirements.MetBy(m.Fit!)));
                Assert.NotEmpty(blocked.Reasons);
            }
        }, iter: 300, seed: "0N0XIzNsQ0O2");
        output.WriteLine($"solvable {solvable}, greedy in band {greedySolved}, not movable items {notMovable}");
        Assert.True(greedySolved >= 0.85 * solvable, $"greedy reached the band in {greedySolved} of {solvable} solvable instances");
    }

    [Fact]
    public void Greedy_IsValid_NeverBeatsTheOptimum_AndReachesTheBandWhenItCan()
    {
        int solvable = 0, greedySolved = 0, optimal = 0;
        double extraWeight = 0;
        InstanceGen.Sample(inputs =>
        {
            var proposal = Rebalancer.Propose(inputs, new RebalanceRequest());
            AssertValid(inputs, proposal);
            var optimum = Exact(inputs);
            var greedyInBand = proposal.After.Over == 0;
            if (greedyInBand)
            {
                Assert.NotNull(optimum);
                Assert.True(proposal.TotalWeight >= optimum!.Value - 1e-9, $"greedy {proposal.TotalWeight} below optimum {optimum}");
            }
            if (optimum is { } best)
            {
                solvable++;
                if (greedyInBand)
                {
                    greedySolved++;
                    optimal += proposal.TotalWeight <= best + 1e-9 ? 1 : 0;
                    extraWeight += proposal.TotalWeight - best;
                }
            }
        }, iter: 400, seed: "0N0XIzNsQ0O2");
        output.WriteLine($"solvable {solvable}, greedy in band {greedySolved}, optimal {optimal}, extra weight {extraWeight}");
        Assert.True(greedySolved >= 0.9 * solvable, $"greedy reached the band in {greedySolved} of {solvable} solvable instances");
        Assert.True(optimal >= 0.75 * greedySolved, $"greedy optimal in {optimal} of {greedySolved}");
    }

    private static void AssertValid(RebalanceInputs inputs, RebalanceProposal proposal)
    {
        var load = inputs.Members.ToDictionary(m => m.Id, m => m.LoadHours);
        var members = inputs.Members.ToDictionary(m => m.Id);
        Assert.Equal(proposal.Moves.Count, proposal.Moves.Select(m => m.ItemId).Distinct().Count());
        foreach (var move in proposal.Moves)
        {
            var item = inputs.Items.Single(i => i.Id == move.ItemId);
            Assert.Equal(item.OwnerId, move.FromMemberId);
            var to = members[move.ToMemberId];
            Assert.True(to.CanReceive);
            Assert.Equal(members[move.FromMemberId].TeamId, to.TeamId);
            Assert.True(item.Requirements.MetBy(to.Fit ?? MemberFit.None), $"{to.Name} may not hold {item.Label}");
            load[move.FromMemberId] -= item.Hours;
            load[move.ToMemberId] += item.Hours;
            Assert.NotEqual(WorkloadBand.Stretched, inputs.Bands.Classify(load[move.ToMemberId] / to.CapacityHours));
        }
        Assert.All(proposal.Members, m => Assert.Equal(load[m.MemberId], m.LoadAfter, 6));
        Assert.Equal(inputs.Members.Sum(m => m.LoadHours), proposal.Members.Sum(m => m.LoadAfter), 6);
    }

    // Minimum total weight of moves that leave every member at or below the healthy band's upper
    // limit; null when no set of moves does. Hours in hundredths so the model is integral.
    internal static double? Exact(RebalanceInputs inputs)
    {
        var model = new CpModel();
        var members = inputs.Members;
        var moves = new List<(RebalanceItem Item, int To, BoolVar X)>();
        foreach (var item in inputs.Items)
        {
            var owner = members.Single(m => m.Id == item.OwnerId);
            var choices = new List<ILiteral>();
            for (var r = 0; r < members.Count; r++)
            {
                if (members[r].Id != owner.Id && members[r].CanReceive && members[r].TeamId == owner.TeamId && item.Requirements.MetBy(members[r].Fit ?? MemberFit.None))
                {
                    var x = model.NewBoolVar($"x{item.Id}_{r}");
                    moves.Add((item, r, x));
                    choices.Add(x);
                }
            }
            model.AddAtMostOne(choices);
        }
        for (var m = 0; m < members.Count; m++)
        {
            var limit = (long)Math.Floor(Math.Round(inputs.Bands.HealthyUpTo * members[m].CapacityHours * 100, 6));
            var load = LinearExpr.Sum([]) + (long)Math.Round(members[m].LoadHours * 100);
            foreach (var (item, to, x) in moves)
            {
                var hundredths = (long)Math.Round(item.Hours * 100);
                if (to == m)
                {
                    load += hundredths * x;
                }
                if (item.OwnerId == members[m].Id)
                {
                    load -= hundredths * x;
                }
            }
            model.Add(load <= limit);
        }
        model.Minimize(LinearExpr.WeightedSum(moves.Select(m => m.X), moves.Select(m => (long)m.Item.Weight)));
        var solver = new CpSolver { StringParameters = "num_workers:1,max_time_in_seconds:10" };
        var status = solver.Solve(model);
        Assert.NotEqual(CpSolverStatus.Unknown, status);
        return status is CpSolverStatus.Optimal ? solver.ObjectiveValue : null;
    }
}
