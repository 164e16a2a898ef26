using Headroom.Common;

namespace Headroom.Organizations;

public class Organization : IVersioned
{
    public long Id { get; set; }
    public required string Name { get; set; }
    // ISO 4217 code; all money of the organization is in whole minor units of this currency.
    public string Currency { get; set; } = "CNY";
    // IANA zone id, e.g. Asia/Shanghai.
    public string TimeZoneId { get; set; } = "Asia/Shanghai";
    public string DefaultLocale { get; set; } = "zh-CN";
    public WorkingDays WorkingDays { get; set; } = WorkingDays.MondayToFriday;
    public TimeOnly WorkdayStart { get; set; } = new(9, 0);
    public TimeOnly WorkdayEnd { get; set; } = new(18, 0);
    // Paid hours in a full working day (the span above minus breaks).
    public double DailyHours { get; set; } = 8;
    public int FiscalYearStartMonth { get; set; } = 1;
    // A new hire's ramp-up for goals: percent of full capacity in each whole month after the hire
    // date, comma-separated ("25,50,75"), 100 % after the last; null means RampUpCurve.Default.
    public string? RampUpCurve { get; set; }
    // Off by default: a rep sees their own member goals plus the team and organization goals.
    public bool RepsSeeTeammateGoals { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime UpdatedUtc { get; set; }
    public long Version { get; set; }
}
