using System.Globalization;
using Headroom.Goals;
using Headroom.Web.Localization;

namespace Headroom.Web.Goals;

// Shows and reads a goal's numbers in its metric's unit: money as an amount of the currency
// (typed in major units), a win rate as a percent, a cycle in days, CSAT and NPS as scores, counts
// as whole numbers. The stored value is always the long of GoalMetrics' unit.
public static class GoalValues
{
    public static string Format(long value, GoalUnit unit, string currency, CultureInfo culture) => unit switch
    {
        GoalUnit.MinorUnits => MoneyFormat.Format(value, currency, culture),
        GoalUnit.BasisPoints => (value / 100m).ToString("0.##", culture) + " %",
        GoalUnit.TenthsOfDay => (value / 10m).ToString("0.#", culture),
        GoalUnit.Hundredths => (value / 100m).ToString("0.00", culture),
        GoalUnit.Tenths => (value / 10m).ToString("0.#", culture),
        _ => value.ToString("N0", culture),
    };

    // The value as typed in a form, without a symbol.
    public static string Input(long value, GoalUnit unit, string currency) => unit switch
    {
        GoalUnit.MinorUnits => MoneyFormat.Input(value, currency),
        GoalUnit.BasisPoints or GoalUnit.Hundredths => (value / 100m).ToString("0.##", CultureInfo.InvariantCulture),
        GoalUnit.TenthsOfDay or GoalUnit.Tenths => (value / 10m).ToString("0.#", CultureInfo.InvariantCulture),
        _ => value.ToString(CultureInfo.InvariantCulture),
    };

    public static bool TryParse(string? text, GoalUnit unit, string currency, CultureInfo culture, out long value)
    {
        value = 0;
        if (unit == GoalUnit.MinorUnits)
        {
            return MoneyFormat.TryParse(text, currency, culture, out value);
        }
        var cleaned = text?.Trim().TrimEnd('%').Trim();
        if (string.IsNullOrEmpty(cleaned)
            || !(decimal.TryParse(cleaned, NumberStyles.Number | NumberStyles.AllowLeadingSign, culture, out var number)
                || decimal.TryParse(cleaned, NumberStyles.Number | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out number)))
        {
            return false;
        }
        var scale = unit switch
        {
            GoalUnit.BasisPoints or GoalUnit.Hundredths => 100m,
            GoalUnit.TenthsOfDay or GoalUnit.Tenths => 10m,
            _ => 1m,
        };
        var scaled = number * scale;
        if (scaled != decimal.Truncate(scaled) || scaled > long.MaxValue || scaled < long.MinValue)
        {
            return false;
        }
        value = (long)scaled;
        return true;
    }
}
