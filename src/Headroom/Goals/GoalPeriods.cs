using System.Globalization;
using System.Text.RegularExpressions;

namespace Headroom.Goals;

// Months, fiscal quarters and fiscal years as local date spans, both ends included. A fiscal year
// is named by the calendar year it starts in: with an April start, FY2026 is 2026-04-01..2027-03-31
// and 2026-Q1 is April to June 2026.
public static partial class GoalPeriods
{
    public static (DateOnly Start, DateOnly End) Containing(GoalPeriodKind kind, DateOnly day, int fiscalYearStartMonth)
    {
        var month = new DateOnly(day.Year, day.Month, 1);
        switch (kind)
        {
            case GoalPeriodKind.Month:
                return (month, month.AddMonths(1).AddDays(-1));
            case GoalPeriodKind.Quarter:
                {
                    var offset = ((day.Month - fiscalYearStartMonth) % 3 + 3) % 3;
                    var start = month.AddMonths(-offset);
                    return (start, start.AddMonths(3).AddDays(-1));
                }
            case GoalPeriodKind.Year:
                {
                    var offset = ((day.Month - fiscalYearStartMonth) % 12 + 12) % 12;
                    var start = month.AddMonths(-offset);
                    return (start, start.AddMonths(12).AddDays(-1));
                }
            default:
                throw new ArgumentException("A custom period has no span of its own.", nameof(kind));
        }
    }

    // The name Parse reads back: "2026-11", "2026-Q1", "FY2026" or "2026-01-01..2026-03-31".
    public static string Label(GoalPeriodKind kind, DateOnly start, DateOnly end, int fiscalYearStartMonth)
    {
        var fiscalYear = start.Month >= fiscalYearStartMonth ? start.Year : start.Year - 1;
        return kind switch
        {
            GoalPeriodKind.Month => start.ToString("yyyy-MM", CultureInfo.InvariantCulture),
            GoalPeriodKind.Quarter => string.Create(CultureInfo.InvariantCulture, $"{fiscalYear}-Q{((start.Month - fiscalYearStartMonth + 12) % 12) / 3 + 1}"),
            GoalPeriodKind.Year => string.Create(CultureInfo.InvariantCulture, $"FY{fiscalYear}"),
            _ => string.Create(CultureInfo.InvariantCulture, $"{start:yyyy-MM-dd}..{end:yyyy-MM-dd}"),
        };
    }

    // The period just before: the month, quarter or year before, or a custom span of the same length.
    public static (DateOnly Start, DateOnly End) Previous(GoalPeriodKind kind, DateOnly start, DateOnly end) => kind switch
    {
        GoalPeriodKind.Month => (start.AddMonths(-1), start.AddDays(-1)),
        GoalPeriodKind.Quarter => (start.AddMonths(-3), start.AddDays(-1)),
        GoalPeriodKind.Year => (start.AddMonths(-12), start.AddDays(-1)),
        _ => (start.AddDays(-(end.DayNumber - start.DayNumber + 1)), start.AddDays(-1)),
    };

    // "2026-11" (a month), "2026-Q1" (a fiscal quarter), "FY2026" (a fiscal year) or
    // "2026-01-01..2026-03-31" (custom). Null when the text is none of these.
    public static (GoalPeriodKind Kind, DateOnly Start, DateOnly End)? Parse(string text, int fiscalYearStartMonth)
    {
        text = text.Trim();
        var fiscalStart = (int year) => new DateOnly(year, fiscalYearStartMonth, 1);
        if (QuarterPattern().Match(text) is { Success: true } q)
        {
            var start = fiscalStart(int.Parse(q.Groups[1].Value, CultureInfo.InvariantCulture)).AddMonths(3 * (int.Parse(q.Groups[2].Value, CultureInfo.InvariantCulture) - 1));
            return (GoalPeriodKind.Quarter, start, start.AddMonths(3).AddDays(-1));
        }
        if (YearPattern().Match(text) is { Success: true } y)
        {
            var start = fiscalStart(int.Parse(y.Groups[1].Value, CultureInfo.InvariantCulture));
            return (GoalPeriodKind.Year, start, start.AddMonths(12).AddDays(-1));
        }
        if (MonthPattern().Match(text) is { Success: true } m)
        {
            var month = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
            if (month is < 1 or > 12)
            {
                return null;
            }
            var start = new DateOnly(int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), month, 1);
            return (GoalPeriodKind.Month, start, start.AddMonths(1).AddDays(-1));
        }
        var parts = text.Split("..");
        if (parts.Length == 2
            && DateOnly.TryParseExact(parts[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from)
            && DateOnly.TryParseExact(parts[1], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var to)
            && to >= from)
        {
            return (GoalPeriodKind.Custom, from, to);
        }
        return null;
    }

    [GeneratedRegex(@"^(\d{4})-Q([1-4])$", RegexOptions.IgnoreCase)]
    private static partial Regex QuarterPattern();

    [GeneratedRegex(@"^FY(\d{4})$", RegexOptions.IgnoreCase)]
    private static partial Regex YearPattern();

    [GeneratedRegex(@"^(\d{4})-(\d{2})$")]
    private static partial Regex MonthPattern();
}
