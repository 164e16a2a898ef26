namespace Headroom.Analytics;

// Weeks start on Monday; quarters are the organization's fiscal quarters.
public enum TrendGranularity
{
    Week = 0,
    Month = 1,
    Quarter = 2,
}
