namespace Headroom.Workload;

// Utilization bands: under below UnderBelow, healthy up to HealthyUpTo, stretched up to
// StretchedUpTo, overloaded above it. Utilization is compared rounded to 0.01 % so that a load
// summed from parts (7 h of 10 h computed as 0.6999999…) lands in the band it reads as.
public sealed record BandThresholds(double UnderBelow, double HealthyUpTo, double StretchedUpTo)
{
    public static BandThresholds Default { get; } = new(0.70, 1.00, 1.15);

    public WorkloadBand Classify(double? utilization)
    {
        if (utilization is not { } value)
        {
            return WorkloadBand.NoCapacity;
        }
        var rounded = Math.Round(value, 4);
        return rounded < UnderBelow ? WorkloadBand.Under
            : rounded <= HealthyUpTo ? WorkloadBand.Healthy
            : rounded <= StretchedUpTo ? WorkloadBand.Stretched
            : WorkloadBand.Overloaded;
    }
}
