namespace Headroom.Web.Goals;

// What the goal editor posts; the target is typed in the metric's display unit (GoalValues).
// Action is the button pressed: "save" or "check" (the SMART check without saving).
public sealed class GoalForm
{
    public string? Name { get; set; }
    public string? Description { get; set; }
    public string? StrategyNote { get; set; }
    public string? Owner { get; set; }
    public string? Metric { get; set; }
    public string? ActivityType { get; set; }
    public string? PeriodKind { get; set; }
    public DateOnly? StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    public string? Target { get; set; }
    public string? ManualActual { get; set; }
    public string? ParentGoalId { get; set; }
    public string? Reason { get; set; }
    public string? Action { get; set; }
    public long Version { get; set; }
}
