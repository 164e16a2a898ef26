using Headroom.Organizations;

namespace Headroom.Demo;

// One rep as the generator sees them: their traits, and the ids of what they own, kept compact
// so the activity loop can run over millions of rows without touching EF.
internal sealed class DemoRepPlan
{
    public required int Index { get; init; }
    public required Member Member { get; init; }
    public required int RegionIndex { get; init; }
    // 0 junior .. 3 key account manager.
    public required int Seniority { get; init; }
    public required TimeZoneInfo Zone { get; init; }
    public required DateOnly HireDate { get; init; }
    public bool AfterHours { get; init; }
    public bool Overloaded { get; init; }
    public bool NoRecentLeave { get; init; }
    public long[] AccountIds { get; set; } = [];
    public long[] LeadIds { get; set; } = [];
    public DemoDealWindow[] Deals { get; set; } = [];
    public HashSet<DateOnly> LeaveDays { get; } = [];

    public double CapacityFactor => Member.WeeklyCapacityHours / 40.0;
}

// The days a deal is being worked: from creation to close (or to the end of the planned days).
internal readonly record struct DemoDealWindow(long DealId, long AccountId, DateOnly Start, DateOnly End);
