using Headroom.Assignment;

namespace Headroom.Tests.Assignment;

public sealed class RebalancerTests
{
    // Capacity 10 h each: 0.7–1.0 is the healthy band (7 to 10 h).
    private static RebalanceMember Member(long id, double load, bool canReceive = true, long team = 1, double capacity = 10) =>
        new(id, $"m{id}", team, capacity, load, canReceive);

    private static RebalanceItem FollowUp(long id, long owner, double hours, double weight = 1) =>
        new(RebalanceItemKind.FollowUp, id, $"f{id}", owner, hours, weight, []);

    [Fact]
    public void OneOverloadedRep_GetsTheLightestItemThatCoversTheExcess_ToTheLeastLoadedTeammate()
    {
        var inputs = new RebalanceInputs
        {
            Members = [Member(1, 13), Member(2, 6), Member(3, 5)],
            Items = [FollowUp(10, 1, 1), FollowUp(11, 1, 3.5), FollowUp(12, 1, 3, weight: 2), new(RebalanceItemKind.Account, 13, "a", 1, 4, 3, [])],
        };
        var proposal = Rebalancer.Propose(inputs, new RebalanceRequest());

        var move = Assert.Single(proposal.Moves);
        Assert.Equal((RebalanceItemKind.FollowUp, 11L, 1L, 3L), (move.Kind, move.ItemId, move.FromMemberId, move.ToMemberId));
        Assert.Equal(ItemReason.CoversExcess, move.ItemReason);
        Assert.Equal(ReceiverReason.HadRoomUnderBand, move.ReceiverReason);
        Assert.Equal(1.3, move.FromBefore, 6);
        Assert.Equal(0.95, move.FromAfter, 6);
        Assert.Equal(0.85, move.ToAfter, 6);
        Assert.Equal(2L, move.RunnerUp?.MemberId);
        Assert.Equal((1.3, 1, 2), (proposal.Before.MaxUtilization!.Value, proposal.Before.Over, proposal.Before.Under));
        Assert.Equal((0, 1), (proposal.After.Over, proposal.After.Under));
        Assert.True(proposal.After.CoefficientOfVariation < proposal.Before.CoefficientOfVariation);
        Assert.Empty(proposal.Unresolved);
    }

    [Fact]
    public void ReceiversOutsideTheTeam_OnLeave_OrNotReps_AreNotChosen()
    {
        var inputs = new RebalanceInputs
        {
            Members = [Member(1, 12), Member(2, 2, team: 2), Member(3, 2, canReceive: false), Member(4, 9.5)],
            Items = [FollowUp(10, 1, 2.5)],
        };
        var proposal = Rebalancer.Propose(inputs, new RebalanceRequest());
        Assert.Empty(proposal.Moves);
        var unresolved = Assert.Single(proposal.Unresolved);
        Assert.Equal((1L, UnresolvedReason.NoReceiverWithRoom), (unresolved.MemberId, unresolved.Reason));
    }

    [Fact]
    public void MaxMoves_StopsEarly_AndSaysSo()
    {
        var inputs = new RebalanceInputs
        {
            Members = [Member(1, 14), Member(2, 3), Member(3, 3)],
            Items = [FollowUp(10, 1, 1), FollowUp(11, 1, 1), FollowUp(12, 1, 1), FollowUp(13, 1, 1)],
        };
        var one = Rebalancer.Propose(inputs, new RebalanceRequest { MaxMoves = 1 });
        Assert.Single(one.Moves);
        Assert.Equal(UnresolvedReason.MaxMovesReached, Assert.Single(one.Unresolved).Reason);
        Assert.Equal(ItemReason.MostHoursPerWeight, one.Moves[0].ItemReason);

        var fewest = Rebalancer.Propose(inputs, new RebalanceRequest());
        Assert.Equal(4, fewest.Moves.Count);
        Assert.Equal(0, fewest.After.Over);
        Assert.Empty(Rebalancer.Propose(inputs, new RebalanceRequest { MaxMoves = 0 }).Moves);
    }

    [Fact]
    public void AnAccountAndItsDeal_NeverBothMove()
    {
        var inputs = new RebalanceInputs
        {
            Members = [Member(1, 20), Member(2, 0), Member(3, 0)],
            Items =
            [
                new(RebalanceItemKind.Account, 1, "a", 1, 6, 3, [new(RebalanceItemKind.Deal, 5)]),
                new(RebalanceItemKind.Deal, 5, "d", 1, 4, 2, []),
            ],
        };
        var proposal = Rebalancer.Propose(inputs, new RebalanceRequest());
        Assert.Single(proposal.Moves);
    }

    [Fact]
    public void EveryoneInBand_ProposesNothing()
    {
        var proposal = Rebalancer.Propose(new RebalanceInputs { Members = [Member(1, 9), Member(2, 8)], Items = [FollowUp(1, 1, 1)] }, new RebalanceRequest());
        Assert.Empty(proposal.Moves);
        Assert.Equal(0, proposal.Before.Outside);
    }
}
