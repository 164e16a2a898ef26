namespace Headroom.Workload;

// The periods to score: whole periods covering From..To. AsOf is "now": open follow-ups are
// planned from the member's local date of AsOf on. Trend compares each period with up to
// TrendPeriods periods before it (scored from the same inputs, so load them from HistoryStart).
public sealed record WorkloadRequest(DateOnly From, DateOnly To, WorkloadPeriod Period, DateTimeOffset AsOf, int TrendPeriods = 4)
{
    public DateOnly FirstPeriodStart => PeriodStart(From, Period);

    public DateOnly LastPeriodEnd => PeriodEnd(To, Period);

    public DateOnly HistoryStart => Step(FirstPeriodStart, Period, -TrendPeriods);

    public static DateOnly PeriodStart(DateOnly day, WorkloadPeriod period) => period switch
    {
        WorkloadPeriod.Day => day,
        WorkloadPeriod.Week => day.AddDays(-(((int)day.DayOfWeek + 6) % 7)),
        _ => new DateOnly(day.Year, day.Month, 1),
    };

    public static DateOnly PeriodEnd(DateOnly day, WorkloadPeriod period) => Step(PeriodStart(day, period), period, 1).AddDays(-1);

    public static DateOnly Step(DateOnly periodStart, WorkloadPeriod period, int count) => period switch
    {
        WorkloadPeriod.Day => periodStart.AddDays(count),
        WorkloadPeriod.Week => periodStart.AddDays(7 * count),
        _ => periodStart.AddMonths(count),
    };
}
