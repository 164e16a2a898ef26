using System.Globalization;
using Headroom.Goals;

namespace Headroom.Analytics;

// The local periods a trend is cut into: whole weeks (Monday to Sunday), months or fiscal
// quarters covering a range of days, each with its [from, to) in UTC in the organization's zone.
// A range is widened to whole buckets, so the first and last values are comparable to the rest.
public sealed class TrendBuckets
{
    private readonly DateTime[] _endsUtc;

    private TrendBuckets(TrendGranularity granularity, IReadOnlyList<TrendBucket> buckets, TimeZoneInfo zone)
    {
        Granularity = granularity;
        Items = buckets;
        Zone = zone;
        _endsUtc = [.. buckets.Select(b => Period(b).ToUtc)];
    }

    public TrendGranularity Granularity { get; }
    public IReadOnlyList<TrendBucket> Items { get; }
    public TimeZoneInfo Zone { get; }
    public int Count => Items.Count;

    // The whole span, first bucket's start to last bucket's end.
    public MetricsPeriod Span => MetricsPeriod.Of(Items[0].Start, Items[^1].End.AddDays(1), Zone);

    public static TrendBuckets Cover(TrendGranularity granularity, DateOnly from, DateOnly to, int fiscalYearStartMonth, TimeZoneInfo zone)
    {
        if (to < from)
        {
            throw new ArgumentException("The range must not end before it starts.", nameof(to));
        }
        var buckets = new List<TrendBucket>();
        var day = from;
        while (day <= to)
        {
            var (start, end) = Containing(granularity, day, fiscalYearStartMonth);
            buckets.Add(new TrendBucket(start, end, Label(granularity, start, end, fiscalYearStartMonth)));
            day = end.AddDays(1);
        }
        return new TrendBuckets(granularity, buckets, zone);
    }

    // How many buckets a range would make, without making them (to refuse oversized requests).
    public static int CountOf(TrendGranularity granularity, DateOnly from, DateOnly to) => granularity switch
    {
        TrendGranularity.Week => (to.DayNumber - from.DayNumber) / 7 + 2,
        TrendGranularity.Month => (to.Year - from.Year) * 12 + to.Month - from.Month + 1,
        _ => ((to.Year - from.Year) * 12 + to.Month - from.Month) / 3 + 2,
    };

    public static (DateOnly Start, DateOnly End) Containing(TrendGranularity granularity, DateOnly day, int fiscalYearStartMonth)
    {
        if (granularity == TrendGranularity.Week)
        {
            var monday = day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
            return (monday, monday.AddDays(6));
        }
        return GoalPeriods.Containing(granularity == TrendGranularity.Month ? GoalPeriodKind.Month : GoalPeriodKind.Quarter, day, fiscalYearStartMonth);
    }

    public MetricsPeriod Period(TrendBucket bucket) => MetricsPeriod.Of(bucket.Start, bucket.End.AddDays(1), Zone);

    public MetricsPeriod Period(int index) => Period(Items[index]);

    // The bucket a UTC time falls in, or -1 outside the span.
    public int IndexOf(DateTime utc)
    {
        if (utc < Span.FromUtc)
        {
            return -1;
        }
        var found = Array.BinarySearch(_endsUtc, utc);
        // An exact end belongs to the next bucket ([from, to)); otherwise the first end above it.
        var index = found >= 0 ? found + 1 : ~found;
        return index < Items.Count ? index : -1;
    }

    public int IndexOf(DateOnly day)
    {
        for (var i = 0; i < Items.Count; i++)
        {
            if (day >= Items[i].Start && day <= Items[i].End)
            {
                return i;
            }
        }
        return -1;
    }

    // The bucket that starts on a day, as a drill-down names it; -1 when none does.
    public int IndexOfStart(DateOnly start)
    {
        for (var i = 0; i < Items.Count; i++)
        {
            if (Items[i].Start == start)
            {
                return i;
            }
        }
        return -1;
    }

    private static string Label(TrendGranularity granularity, DateOnly start, DateOnly end, int fiscalYearStartMonth) => granularity switch
    {
        TrendGranularity.Week => string.Create(CultureInfo.InvariantCulture,
            $"{ISOWeek.GetYear(start.ToDateTime(TimeOnly.MinValue))}-W{ISOWeek.GetWeekOfYear(start.ToDateTime(TimeOnly.MinValue)):00}"),
        TrendGranularity.Month => GoalPeriods.Label(GoalPeriodKind.Month, start, end, fiscalYearStartMonth),
        _ => GoalPeriods.Label(GoalPeriodKind.Quarter, start, end, fiscalYearStartMonth),
    };
}

// Start and End are local days, both included; Label is "2026-W45", "2026-11" or "2026-Q3" (fiscal).
public sealed record TrendBucket(DateOnly Start, DateOnly End, string Label);
