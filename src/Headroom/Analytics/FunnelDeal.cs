using Headroom.Deals;

namespace Headroom.Analytics;

// A deal of a funnel's cohort with the sort order of the furthest open stage it entered (null:
// no history in an open stage). A class with setters so the database can fill it in a projection.
internal sealed class FunnelDeal
{
    public long Id { get; init; }
    public long? OwnerId { get; init; }
    public DateTime CreatedUtc { get; init; }
    public DealOutcome Outcome { get; init; }
    public int? Furthest { get; init; }
}

internal sealed record FunnelStageRef(long Id, string Name, int SortOrder);
