namespace Headroom.Assignment;

// RepOfItem[i] is the rep index item i goes to, or -1 when it is not placed. LoadMinutes is every
// rep's load after the plan. CapacityPrices (per rep, per minute of effort, in cost units;
// optimization-internal doubles) and UtilizationCap let the online router place new items the
// way the plan would have.
public sealed record AssignmentPlan(
    AssignmentStrategy Strategy,
    int[] RepOfItem,
    long[] LoadMinutes,
    IReadOnlyList<AssignmentExplanation> Explanations,
    PlanMetrics Metrics,
    double[] CapacityPrices,
    double UtilizationCap)
{
    public IEnumerable<AssignmentExplanation> Unplaced => Explanations.Where(e => e.Rep is null);

    // The balanced plan's cost stage: the most minutes (current load included) each rep could
    // hold, which its cost bound assumes; null for the other strategies.
    public IReadOnlyList<double>? CostLimitMinutes { get; init; }
}
