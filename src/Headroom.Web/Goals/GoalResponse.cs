using Headroom.Activities;
using Headroom.Goals;

namespace Headroom.Web.Goals;

// Target, ManualActual and the figures of Pace are in the metric's Unit (see GoalRequest);
// Currency is the organization's, for money.
public sealed record GoalResponse(
    long Id, string Name, string? Description, string? StrategyNote, GoalOwnerKind OwnerKind, long? TeamId, long? MemberId, string OwnerName,
    GoalMetric Metric, ActivityType? ActivityType, GoalUnit Unit, GoalPeriodKind PeriodKind, DateOnly StartDate, DateOnly EndDate,
    long Target, long? ManualActual, long? ParentGoalId, GoalStatus Status, DateTime? ApprovedUtc, string Currency, DateTime UpdatedUtc, long Version,
    GoalPace? Pace = null)
{
    public GoalSubject ToSubject() => new(OwnerKind, TeamId, MemberId, Metric, ActivityType, PeriodKind, StartDate, EndDate, ManualActual);
}

// One goal with its SMART check, its children (those the reader may see) and whether all of its
// children add up to it, and its change log.
public sealed record GoalDetail(GoalResponse Goal, SmartResult Smart, IReadOnlyList<GoalResponse> Children, RollUp? RollUp, IReadOnlyList<GoalChangeResponse> Changes);

public sealed record GoalChangeResponse(long Id, GoalChangeKind Kind, long? ChangedById, string? ChangedByName, DateTime ChangedUtc, string? Reason, long? OldTarget, long? NewTarget,
    long? OldActual = null, long? NewActual = null);
