using Headroom.Assignment;

namespace Headroom.Tests.Assignment;

public sealed class LeaveCoverPlannerTests
{
    // Member 1 is on leave. Capacity 10 h each over the window: the healthy band ends at 10 h.
    private static CoverCandidate Candidate(long id, double load, bool sameTeam = true, bool onLeave = false, double capacity = 10, params string[] territories) =>
        new(id, $"m{id}", sameTeam, capacity, load, onLeave, territories);

    private static CoverItem Item(long id, double hours, long? account = null, string? territory = null, long? deal = null) =>
        new(id, $"f{id}", account, account is { } a ? $"account {a}" : null, deal, hours, territory);

    private static LeaveCoverInputs Inputs(IReadOnlyList<CoverCandidate> candidates, IReadOnlyList<CoverItem> items) =>
        new() { MemberId = 1, Candidates = candidates, Items = items };

    [Fact]
    public void EachItemGoesToTheLeastLoadedTeammate_WithRoom_Explained()
    {
        var plan = LeaveCoverPlanner.Plan(Inputs([Candidate(2, 6), Candidate(3, 4)], [Item(10, 2)]));

        var line = Assert.Single(plan.Lines);
        Assert.Equal((10L, 3L, CoverReason.SameTeam), (line.FollowUpId, line.CoverMemberId, line.Reason));
        Assert.Equal((0.4, 0.6), (line.CoverBefore, line.CoverAfter));
        Assert.Equal(2L, line.RunnerUp?.MemberId);
        Assert.Equal(0.8, line.RunnerUp!.UtilizationAfter, 6);
        Assert.Equal("2.0 h to m3 (40% → 60% over the leave): the least loaded teammate with room; runner-up m2 (80%).", LeaveCoverExplanation.English(line));
        Assert.Empty(plan.Uncovered);
    }

    [Fact]
    public void CapacityIsRespected_WhatFitsNowhereStaysUncovered()
    {
        // m2 has 3 h of room, m3 1 h: the 4 h item fits nobody, the 2.5 h one only m2, then the 1 h one only m3.
        var plan = LeaveCoverPlanner.Plan(Inputs([Candidate(2, 7), Candidate(3, 9)], [Item(10, 4), Item(11, 2.5), Item(12, 1)]));

        Assert.Equal([(11L, 2L), (12L, 3L)], plan.Lines.Select(l => (l.FollowUpId, l.CoverMemberId)));
        Assert.Equal([10L], plan.Uncovered.Select(u => u.FollowUpId));
        Assert.All(plan.Lines, l => Assert.True(l.CoverAfter <= 1.0 + 1e-9));
    }

    [Fact]
    public void NobodyOnLeave_WithoutCapacity_OrTheMemberThemself_Covers()
    {
        var plan = LeaveCoverPlanner.Plan(Inputs(
            [Candidate(1, 0), Candidate(2, 0, onLeave: true), Candidate(3, 0, capacity: 0), Candidate(4, 9)],
            [Item(10, 0.5), Item(11, 0.5)]));

        Assert.All(plan.Lines, l => Assert.Equal(4L, l.CoverMemberId));
        Assert.Equal(2, plan.Lines.Count);
        Assert.All(plan.Lines, l => Assert.Null(l.RunnerUp));
    }

    [Fact]
    public void AllOfAnAccountsFollowUps_GoToOneColleague_EvenWhenSplittingWouldSpreadThemMore()
    {
        var plan = LeaveCoverPlanner.Plan(Inputs(
            [Candidate(2, 5), Candidate(3, 5)],
            [Item(10, 1, account: 100), Item(11, 1, account: 100), Item(12, 1, account: 100), Item(13, 1, deal: 7), Item(14, 1, deal: 7)]));

        var byAccount = plan.Lines.Where(l => l.AccountId == 100).Select(l => l.CoverMemberId).Distinct().ToList();
        Assert.Single(byAccount);
        Assert.Single(plan.Lines.Where(l => l.FollowUpId is 13 or 14).Select(l => l.CoverMemberId).Distinct());
        Assert.All(plan.Lines.Where(l => l.AccountId == 100), l => Assert.Equal(3, l.GroupSize));
        Assert.Contains("covers all 3 follow-ups of account 100", LeaveCoverExplanation.English(plan.Lines.First(l => l.AccountId == 100)), StringComparison.Ordinal);
        // The two groups went to different people: the second went to whoever was less loaded then.
        Assert.NotEqual(byAccount[0], plan.Lines.First(l => l.FollowUpId == 13).CoverMemberId);
    }

    [Fact]
    public void AnAccountTooBigForAnyone_IsSplitItemByItem()
    {
        var plan = LeaveCoverPlanner.Plan(Inputs([Candidate(2, 7), Candidate(3, 7)], [Item(10, 3, account: 100), Item(11, 3, account: 100)]));

        Assert.Equal([2L, 3L], plan.Lines.OrderBy(l => l.FollowUpId).Select(l => l.CoverMemberId).Order());
        Assert.Empty(plan.Uncovered);
    }

    [Fact]
    public void TheTeamComesFirst_ThenTheManagersOtherTeams()
    {
        var plan = LeaveCoverPlanner.Plan(Inputs([Candidate(2, 8), Candidate(3, 0, sameTeam: false)], [Item(10, 1), Item(11, 1.5)]));

        // The 1.5 h goes first (larger) to the teammate (8 → 9.5 h), the 1 h no longer fits there.
        Assert.Equal([(10L, 3L, CoverReason.ManagersTeams), (11L, 2L, CoverReason.SameTeam)], plan.Lines.Select(l => (l.FollowUpId, l.CoverMemberId, l.Reason)));
        Assert.StartsWith("1.0 h to m3 (0% → 10% over the leave): nobody in the team had room", LeaveCoverExplanation.English(plan.Lines[0]), StringComparison.Ordinal);
    }

    [Fact]
    public void WithinTheTeam_AColleagueWorkingTheAccountsTerritory_IsPreferred()
    {
        var plan = LeaveCoverPlanner.Plan(Inputs([Candidate(2, 0), Candidate(3, 6, territories: "华东")], [Item(10, 1, account: 100, territory: "华东")]));

        var line = Assert.Single(plan.Lines);
        Assert.Equal((3L, true), (line.CoverMemberId, line.TerritoryMatch));
    }

    [Fact]
    public void ThePlanIsDeterministic_WhateverTheOrderOfTheInputs()
    {
        var random = new Random(29);
        var candidates = Enumerable.Range(2, 6).Select(i => Candidate(i, random.Next(0, 8), sameTeam: i % 3 != 0, onLeave: i == 5)).ToList();
        var items = Enumerable.Range(10, 30).Select(i => Item(i, 0.25 * random.Next(1, 8), account: i % 4 == 0 ? null : 100 + (i % 5))).ToList();
        var first = LeaveCoverPlanner.Plan(Inputs(candidates, items));

        for (var round = 0; round < 5; round++)
        {
            var again = LeaveCoverPlanner.Plan(Inputs([.. candidates.OrderBy(_ => random.Next())], [.. items.OrderBy(_ => random.Next())]));
            Assert.Equal(first.Lines, again.Lines);
            Assert.Equal(first.Uncovered, again.Uncovered);
        }
        Assert.DoesNotContain(first.Lines, l => l.CoverMemberId == 5);
        Assert.Equal(items.Count, first.Lines.Count + first.Uncovered.Count);
    }
}
