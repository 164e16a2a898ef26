namespace Headroom.Assignment;

public sealed record RebalanceProposal(
    IReadOnlyList<RebalanceMove> Moves,
    BandSummary Before,
    BandSummary After,
    IReadOnlyList<MemberRebalance> Members,
    IReadOnlyList<UnresolvedMember> Unresolved,
    IReadOnlyList<NotMovableItem> NotMovable,
    int CoveredFollowUps,
    int CoveredCarriers)
{
    public double TotalWeight => Moves.Sum(m => m.Weight);
}

// Utilizations are load ÷ capacity in the horizon, before and after this move (moves are applied
// in order, so a later move starts from an earlier one's result). LimitedBy: the requirements of
// the item that ruled teammates out (who could otherwise receive), with how many each.
public sealed record RebalanceMove(
    RebalanceItemKind Kind,
    long ItemId,
    string Label,
    IReadOnlyList<ItemRef> Includes,
    long FromMemberId,
    string FromName,
    long ToMemberId,
    string ToName,
    double Hours,
    double Weight,
    double FromBefore,
    double FromAfter,
    double ToBefore,
    double ToAfter,
    ItemReason ItemReason,
    ReceiverReason ReceiverReason,
    RunnerUp? RunnerUp,
    IReadOnlyList<RequirementLimit> LimitedBy);

public enum ItemReason
{
    // The lightest item (by move weight) that brings the giver back within the band alone.
    CoversExcess = 0,
    // No single item does: the one with the most hours per unit of move weight.
    MostHoursPerWeight = 1,
}

public enum ReceiverReason
{
    // The receiver was under the band and this brings them up.
    HadRoomUnderBand = 0,
    // The eligible teammate with the lowest utilization after taking the item.
    LowestAfter = 1,
}

// The next-best receiver for the same item, with their utilization had they taken it.
public sealed record RunnerUp(long MemberId, string Name, double UtilizationAfter);

// Across the members with capacity: the highest utilization, the coefficient of variation and
// how many are above or below the healthy band.
public sealed record BandSummary(double? MaxUtilization, double? CoefficientOfVariation, int Over, int Under)
{
    public int Outside => Over + Under;
}

public sealed record MemberRebalance(long MemberId, string Name, double CapacityHours, double LoadBefore, double LoadAfter, double? UtilizationBefore, double? UtilizationAfter);

public enum UnresolvedReason
{
    NoMovableItems = 0,
    NoReceiverWithRoom = 1,
    MaxMovesReached = 2,
    // Teammates with room exist, but none meets the requirements of what is left to move.
    NoReceiverMeetsRequirements = 3,
}

public sealed record UnresolvedMember(long MemberId, string Name, double Utilization, UnresolvedReason Reason);
