namespace Headroom.Assignment;

// The planner's answer: a cover member per follow-up, explained, and the follow-ups nobody could
// take (no colleague off leave with room in the band).
public sealed record LeaveCoverPlan(IReadOnlyList<CoverLine> Lines, IReadOnlyList<UncoveredItem> Uncovered);

// Utilizations are the cover member's over the leave window before and after taking this line's
// group (lines of one group share them). RunnerUp: the next best colleague with room.
public sealed record CoverLine(
    long FollowUpId,
    string Label,
    long? AccountId,
    string? AccountName,
    double Hours,
    long CoverMemberId,
    string CoverName,
    CoverReason Reason,
    bool TerritoryMatch,
    int GroupSize,
    double CoverBefore,
    double CoverAfter,
    RunnerUp? RunnerUp);

public enum CoverReason
{
    // The least loaded teammate with room (after territory).
    SameTeam = 0,
    // Nobody in the team had room; the least loaded colleague under the same manager.
    ManagersTeams = 1,
}

public sealed record UncoveredItem(long FollowUpId, string Label, double Hours);
