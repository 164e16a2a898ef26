using Headroom.Activities;
using Headroom.Goals;

namespace Headroom.Web.Goals;

// Create and update take the same body. Target (and ManualActual) are in the metric's unit:
// minor units of the organization's currency for money, a count, basis points for the win rate,
// tenths of a day for the sales cycle, hundredths for CSAT, tenths for NPS. For a month, quarter
// or year only StartDate is needed (any day in it; the fiscal year start applies); a custom period
// needs both dates. On update, no OwnerKind keeps the owner. Version is required on update, and
// Reason when the goal is approved (locked).
public sealed record GoalRequest(
    string? Name, string? Description, string? StrategyNote, GoalOwnerKind? OwnerKind, long? TeamId, long? MemberId,
    GoalMetric? Metric, ActivityType? ActivityType, GoalPeriodKind? PeriodKind, DateOnly? StartDate, DateOnly? EndDate,
    long? Target, long? ManualActual, long? ParentGoalId, string? Reason = null, long? Version = null);

public sealed record GoalFilter(GoalOwnerKind? OwnerKind, long? TeamId, long? MemberId, string? Period, GoalStatus? Status, long? ParentGoalId);

public sealed record ApproveRequest(long? Version);

// Apply false (the default) previews the split; true writes the child goals (drafts) and needs
// the parent's version.
public sealed record CascadeRequest(CascadeMethod? Method, GoalOwnerKind? ChildKind, bool Apply = false, long? Version = null);

// The value of a manual goal in its unit, with an optional note for the history; Version is the
// goal's as read.
public sealed record ProgressReport(long? Value, string? Note, long? Version);
