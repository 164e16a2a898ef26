namespace Headroom.Assignment;

public sealed record GapSolverOptions
{
    // Wall-clock budget for the whole solve; the caller subtracts what it already spent (reading).
    public required TimeSpan TimeLimit { get; init; }
    public int Seed { get; init; } = 1;
    public int Workers { get; init; } = 2;
}
