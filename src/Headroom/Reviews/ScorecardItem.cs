using Headroom.Goals;

namespace Headroom.Reviews;

// One line of a scorecard: a KPI measured from the data (a metric of the goal catalog, compared
// with the member's goal for the review period or else the template's target) or a competency the
// manager rates 1–5. Weights are whole points; a scorecard's weights add up to 100.
// Id is stable within a template, so ratings and frozen KPI results refer to it.
public sealed class ScorecardItem
{
    public int Id { get; set; }
    public ScorecardItemKind Kind { get; set; }
    public GoalMetric? Metric { get; set; }
    // The competency's name; for a KPI an optional label (the metric's name otherwise).
    public string? Name { get; set; }
    public int Weight { get; set; }
    // KPI only, in the metric's unit (GoalMetrics.UnitOf): used when the member has no goal for the period.
    public long? Target { get; set; }
}

public enum ScorecardItemKind
{
    Kpi = 0,
    Competency = 1,
}
