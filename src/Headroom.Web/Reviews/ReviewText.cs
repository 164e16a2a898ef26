using System.Globalization;
using Headroom.Goals;
using Headroom.Reviews;
using Headroom.Web.Goals;
using Headroom.Web.Localization;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace Headroom.Web.Reviews;

// How the review pages word and show states, scores and KPI values.
public static class ReviewText
{
    public static string Score(decimal? score) => score is { } s ? s.ToString("0.0", CultureInfo.CurrentCulture) : "—";

    public static string Period(DateOnly start, DateOnly end) =>
        $"{start.ToString("d", CultureInfo.CurrentCulture)} – {end.ToString("d", CultureInfo.CurrentCulture)}";

    public static string ItemName(IStringLocalizer<Strings> l, ScorecardItemResponse item) =>
        item.Name ?? (item.Metric is { } metric ? l["GoalMetric." + metric] : "");

    public static string Value(long? value, GoalUnit unit, string currency) =>
        value is { } v ? GoalValues.Format(v, unit, currency, CultureInfo.CurrentCulture) : "—";

    public static Color StateColor(ReviewCycleState state) => state switch
    {
        ReviewCycleState.Draft => Color.Default,
        ReviewCycleState.Closed => Color.Success,
        _ => Color.Info,
    };

    // A rating as typed in a form: empty for none, 1–5 otherwise; anything else is kept as 0 so the API names the field.
    public static int? Rating(string? text) => string.IsNullOrWhiteSpace(text) ? null
        : int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var rating) ? rating : 0;
}
