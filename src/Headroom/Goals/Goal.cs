using Headroom.Activities;
using Headroom.Common;
using Headroom.Organizations;

namespace Headroom.Goals;

// A target on one metric for one owner (the organization, a team or a member) over one period.
// Target and ManualActual are in the metric's unit (GoalMetrics.UnitOf): minor units for money,
// a count, basis points for the win rate, tenths of a day for the sales cycle, hundredths for
// CSAT and tenths for NPS (docs/decisions/0022-goals.md).
public class Goal : TenantEntity, IVersioned
{
    public required string Name { get; set; }
    public string? Description { get; set; }
    public string? StrategyNote { get; set; }
    public GoalOwnerKind OwnerKind { get; set; }
    public long? TeamId { get; set; }
    public Team? Team { get; set; }
    public long? MemberId { get; set; }
    public Member? Member { get; set; }
    public GoalMetric Metric { get; set; }
    // Only for GoalMetric.Activities: one type, or null for every type.
    public ActivityType? ActivityType { get; set; }
    public GoalPeriodKind PeriodKind { get; set; }
    // Local dates of the organization, both ends included.
    public DateOnly StartDate { get; set; }
    public DateOnly EndDate { get; set; }
    public long Target { get; set; }
    // What the data cannot count (GoalMetric.Manual): the value entered by hand.
    public long? ManualActual { get; set; }
    public long? ParentGoalId { get; set; }
    public Goal? ParentGoal { get; set; }
    public GoalStatus Status { get; set; } = GoalStatus.Draft;
    public DateTime? ApprovedUtc { get; set; }
    public long? ApprovedById { get; set; }
    public long Version { get; set; }
}

public enum GoalOwnerKind
{
    Organization = 0,
    Team = 1,
    Member = 2,
}

public enum GoalMetric
{
    WonRevenue = 0,
    DealsWon = 1,
    NewAccounts = 2,
    Activities = 3,
    Visits = 4,
    WinRate = 5,
    AverageSalesCycle = 6,
    AverageCsat = 7,
    Nps = 8,
    PipelineCreated = 9,
    Manual = 10,
}

public enum GoalPeriodKind
{
    Month = 0,
    Quarter = 1,
    Year = 2,
    Custom = 3,
}

// An approved goal is locked: changing it afterwards needs a reason and is logged.
public enum GoalStatus
{
    Draft = 0,
    Approved = 1,
}
