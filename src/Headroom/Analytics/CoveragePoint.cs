namespace Headroom.Analytics;

// One bucket's end (AsOf, its last local day): the weighted open pipeline then, the enclosing
// goal with its target and the revenue won towards it by then, what was left, and Coverage =
// weighted ÷ remaining (null unless Status is Shown). Money in minor units.
public sealed record CoveragePoint(
    DateOnly AsOf, long WeightedPipelineMinor, long? GoalId, string? GoalName, long? TargetMinor, long? WonMinor, long? RemainingMinor, decimal? Coverage,
    CoverageStatus Status);
