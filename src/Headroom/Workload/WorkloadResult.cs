namespace Headroom.Workload;

public sealed record WorkloadResult(IReadOnlyList<MemberWorkload> Members, IReadOnlyList<TeamDistribution> Team);

public sealed record MemberWorkload(long MemberId, string Name, long? TeamId, IReadOnlyList<PeriodWorkload> Periods);

public sealed record PeriodWorkload(
    DateOnly Start,
    DateOnly End,
    double CapacityHours,
    LoadParts Load,
    double ActualHours,
    // Load ÷ capacity; null when there is no capacity.
    double? Utilization,
    double? ActualUtilization,
    WorkloadBand Band,
    // Utilization minus the mean utilization of the earlier periods (null without any).
    double? Trend);

public sealed record LoadParts(double FollowUps, double Deals, double Accounts, double Meetings, double Overhead)
{
    public static LoadParts Zero { get; } = new(0, 0, 0, 0, 0);

    public double Total => FollowUps + Deals + Accounts + Meetings + Overhead;
}

// Utilization across the members with capacity in one period; CoefficientOfVariation is the
// population standard deviation over the mean (null when the mean is 0).
public sealed record TeamDistribution(DateOnly Start, DateOnly End, int Members, double? Min, double? Median, double? Max, double? CoefficientOfVariation);
