using System.Globalization;
using Headroom.Goals;
using Microsoft.Extensions.Localization;
using Headroom.Web.Localization;

namespace Headroom.Web.Goals;

// The sentences the goal pages show for a SMART finding, with its numbers in the reader's culture.
public static class GoalText
{
    public static string Smart(IStringLocalizer<Strings> l, SmartFinding finding, GoalUnit unit, string currency)
    {
        var culture = CultureInfo.CurrentCulture;
        return finding.Issue switch
        {
            SmartIssue.AboveHistory => string.Format(culture, l["Smart.AboveHistory"],
                finding.Value is { } growth ? (growth * 100).ToString("0", culture) + " %" : "∞",
                finding.Limit is { } best ? GoalValues.Format((long)best, unit, currency, culture) : "—"),
            SmartIssue.BeyondCapacity => string.Format(culture, l["Smart.BeyondCapacity"],
                (finding.Value ?? 0).ToString("N0", culture), (finding.Limit ?? 0).ToString("N0", culture)),
            _ => l["Smart." + finding.Issue],
        };
    }

    public static MudBlazor.Color StatusColor(PaceStatus status) => status switch
    {
        PaceStatus.OnTrack => MudBlazor.Color.Success,
        PaceStatus.AtRisk => MudBlazor.Color.Warning,
        PaceStatus.OffTrack => MudBlazor.Color.Error,
        _ => MudBlazor.Color.Default,
    };

    public static string Owner(IStringLocalizer<Strings> l, GoalResponse goal) =>
        goal.OwnerKind == GoalOwnerKind.Organization ? l["Goals.Organization"] : goal.OwnerName;

    public static string Metric(IStringLocalizer<Strings> l, GoalMetric metric, Headroom.Activities.ActivityType? type) =>
        type is { } only ? $"{l["GoalMetric." + metric]} · {l["ActivityType." + only]}" : l["GoalMetric." + metric];
}
