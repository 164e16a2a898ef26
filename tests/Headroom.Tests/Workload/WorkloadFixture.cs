using Headroom.Organizations;
using Headroom.Workload;

namespace Headroom.Tests.Workload;

// Small hand-made inputs: a Monday-to-Friday, 8-hour organization in Shanghai.
internal static class WorkloadFixture
{
    public static readonly WorkingTimePolicy Policy = new(WorkingDays.MondayToFriday, 8, "Asia/Shanghai");

    public static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    // Overhead 0 unless a test is about it, so hand-computed loads stay round.
    public static readonly EffortModel NoOverhead = EffortModel.Default with { OverheadShare = 0 };

    public static MemberInput Member(long id = 1, double weeklyHours = 40, string? zone = null) => new(id, $"Rep {id}", 10, weeklyHours, zone);

    public static DateTimeOffset At(int year, int month, int day, int hour = 9, string zone = "Asia/Shanghai")
    {
        var local = new DateTime(year, month, day, hour, 0, 0, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, TimeZoneInfo.FindSystemTimeZoneById(zone).GetUtcOffset(local));
    }

    public static DateTime Utc(int year, int month, int day, int hour = 9, string zone = "Asia/Shanghai") =>
        At(year, month, day, hour, zone).UtcDateTime;

    public static WorkloadRequest Days(DateOnly from, DateOnly to, DateTimeOffset asOf) => new(from, to, WorkloadPeriod.Day, asOf, TrendPeriods: 0);

    public static PeriodWorkload On(this MemberWorkload member, DateOnly day) => member.Periods.Single(p => p.Start <= day && day <= p.End);
}
