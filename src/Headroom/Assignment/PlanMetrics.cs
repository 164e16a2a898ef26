namespace Headroom.Assignment;

// Utilization is load ÷ available capacity over every rep with capacity left after leave.
// Violations counts items given to an ineligible rep plus reps above their item cap, checked
// against the instance itself, not the engine's candidate lists. The bounds are LP lower bounds
// (null where the strategy does not compute them): for maximum utilization over all fractional
// assignments, and for cost over fractional assignments that keep every rep at or below this
// plan's maximum utilization. Gaps are in percent of the bound.
public sealed record PlanMetrics(
    double MaxUtilization,
    double CoefficientOfVariation,
    long TotalCost,
    int Moves,
    int Unplaced,
    long UnplacedEffortMinutes,
    int Violations,
    double? LpBoundUtilization,
    long? LpBoundCost,
    TimeSpan Elapsed)
{
    public double? UtilizationGapPercent => LpBoundUtilization is { } bound and > 0 ? 100.0 * (MaxUtilization - bound) / bound : null;

    public double? CostGapPercent => LpBoundCost is { } bound ? (bound > 0 ? 100.0 * (TotalCost - bound) / bound : TotalCost == 0 ? 0 : null) : null;
}
