using Headroom.Workload;

namespace Headroom.Assignment;

// What Rebalancer works on, as plain records: RebalanceQuery builds it from the workload index
// and the open book, tests build it by hand. Hours are planned hours within the horizon.
public sealed record RebalanceInputs
{
    public required IReadOnlyList<RebalanceMember> Members { get; init; }
    public required IReadOnlyList<RebalanceItem> Items { get; init; }
    public BandThresholds Bands { get; init; } = BandThresholds.Default;

    // Open follow-ups under an active leave cover, and the deals and accounts carrying one, that
    // the query left out: they stay where they are while the cover lasts (ADR 29).
    public int CoveredFollowUps { get; init; }

    public int CoveredCarriers { get; init; }
}

// CanReceive: an active rep, not on leave in the horizon, with capacity. Anyone overloaded may give.
// Fit: the territories, languages and skills they cover (null: none known, so they may receive
// only items without requirements).
public sealed record RebalanceMember(long Id, string Name, long? TeamId, double CapacityHours, double LoadHours, bool CanReceive, MemberFit? Fit = null);

public enum RebalanceItemKind
{
    Account = 0,
    Deal = 1,
    FollowUp = 2,
    Lead = 3,
}

public readonly record struct ItemRef(RebalanceItemKind Kind, long Id);

// One thing a manager can give another owner. An account moves with its open deals and follow-ups
// (Includes lists them, the account itself first); Hours is the effort of all of it in the
// horizon, Weight what moving it costs (a customer relationship costs more than a to-do).
// Requires: what its new owner must have (null: nothing).
public sealed record RebalanceItem(
    RebalanceItemKind Kind, long Id, string Label, long OwnerId, double Hours, double Weight, IReadOnlyList<ItemRef> Includes, HardRequirements? Requires = null)
{
    public ItemRef Ref => new(Kind, Id);

    public HardRequirements Requirements => Requires ?? HardRequirements.None;
}

public sealed record RebalanceRequest
{
    // Null: as few weighted moves as bring everyone within the band.
    public int? MaxMoves { get; init; }

    // A move must relieve at least this many hours: handing over a quarter hour is not worth the
    // conversation when the giver stays over the band anyway.
    public double MinHours { get; init; } = 0.5;
}
