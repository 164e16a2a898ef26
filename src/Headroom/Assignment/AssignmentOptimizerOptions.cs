namespace Headroom.Assignment;

public sealed record AssignmentOptimizerOptions
{
    public int Seed { get; init; } = 1;

    // Threads for the bound computations (each pass splits the items into fixed chunks, so the
    // figures do not depend on this).
    public int Workers { get; init; } = 2;

    // The cost stage may raise the maximum utilization by this much (absolute, 0.001 = 0.1 point).
    public double UtilizationTolerance { get; init; } = 0.001;

    public int BalancePasses { get; init; } = 30;

    public int CostPasses { get; init; } = 12;

    public int BoundIterations { get; init; } = 150;

    // A safety net, not a tuning knob: the stages are bounded by passes so a plan depends only on
    // the instance and the seed; only a run that hits this limit depends on the machine.
    public TimeSpan TimeLimit { get; init; } = TimeSpan.FromSeconds(30);
}
