using Headroom.Workload;

namespace Headroom.Assignment;

// What LeaveCoverPlanner works on, as plain records: LeaveCoverQuery builds it from the workload
// index over the leave window and the member's open follow-ups, tests build it by hand. Hours are
// planned hours within the window.
public sealed record LeaveCoverInputs
{
    public required long MemberId { get; init; }
    public required IReadOnlyList<CoverCandidate> Candidates { get; init; }
    public required IReadOnlyList<CoverItem> Items { get; init; }
    public BandThresholds Bands { get; init; } = BandThresholds.Default;
}

// SameTeam: in the member's own team (preferred); otherwise elsewhere under the same manager.
// OnLeave: has leave of their own on a day of the window, so cannot cover.
public sealed record CoverCandidate(long Id, string Name, bool SameTeam, double CapacityHours, double LoadHours, bool OnLeave, IReadOnlyList<string> Territories);

// A follow-up to cover; one person covers all of an account's (else a deal's) follow-ups, so the
// customer talks to one colleague. Territory is the account's, matched against a candidate's.
public sealed record CoverItem(long FollowUpId, string Label, long? AccountId, string? AccountName, long? DealId, double Hours, string? Territory);
