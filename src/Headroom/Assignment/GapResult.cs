namespace Headroom.Assignment;

public enum GapStatus
{
    Optimal,
    Feasible,
    Infeasible,
    Unknown,
}

// AgentOfJob is empty unless a feasible assignment was found. LowerBound is the best proven bound
// (the LP relaxation rounded up, or CP-SAT's bound when it is higher); GapPercent is relative to it.
public sealed record GapResult(GapStatus Status, int[] AgentOfJob, long Cost, long LowerBound, double LpBound, TimeSpan Elapsed)
{
    public bool Feasible => Status is GapStatus.Optimal or GapStatus.Feasible;

    public double? GapPercent => Feasible && LowerBound > 0 ? 100.0 * (Cost - LowerBound) / LowerBound : null;
}
