namespace Headroom.Analytics;

public enum CoverageStatus
{
    Shown = 0,
    // Nothing left of the target: the goal is met, and a ratio would divide by zero.
    TargetMet = 1,
    // No won-revenue goal of the owner encloses the bucket's last day.
    NoGoal = 2,
}
