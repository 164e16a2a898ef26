namespace Headroom.Assignment;

public sealed record FairnessResult(
    DateOnly From,
    DateOnly To,
    FairnessGranularity Granularity,
    int CreditDays,
    IReadOnlyList<FairnessBucket> Buckets,
    IReadOnlyList<FairnessRepRow> Reps,
    FairnessSkew Overall,
    FairnessVerdict Verdict);

// A week (Monday to Sunday) or a calendar month, cut to the period; Skew across the reps in it.
public sealed record FairnessBucket(DateOnly Start, DateOnly End, FairnessSkew Skew);

// Cells: one per bucket, in order. Shares are of the reps' totals over the whole period.
public sealed record FairnessRepRow(
    long MemberId,
    string Name,
    IReadOnlyList<FairnessCell> Cells,
    FairnessCell Total,
    double ShareOfInflow,
    double ShareOfCapacity);

// Inflow is what was received, less the leads credited back; PerCapacityHour is null without capacity.
public sealed record FairnessCell(
    int Leads,
    int Accounts,
    int Deals,
    int FollowUps,
    double ReceivedHours,
    int GivenItems,
    double GivenHours,
    int CreditedLeads,
    double CreditedHours,
    double CapacityHours)
{
    public int ReceivedItems => Leads + Accounts + Deals + FollowUps;
    public double InflowHours => ReceivedHours - CreditedHours;
    public double NetHours => InflowHours - GivenHours;
    public double? PerCapacityHour => CapacityHours > 0 ? InflowHours / CapacityHours : null;
}

// Across the reps with capacity: coefficient of variation and Gini of inflow per capacity hour,
// and highest over lowest (null when the lowest is 0 or fewer than two reps count).
public sealed record FairnessSkew(int Reps, double Mean, double CoefficientOfVariation, double Gini, double? MaxMinRatio);

// Fair, or skewed toward the rep who got the most per capacity hour (and away from the least).
public sealed record FairnessVerdict(bool Fair, long? TowardMemberId, string? TowardName, long? AwayFromMemberId, string? AwayFromName);
