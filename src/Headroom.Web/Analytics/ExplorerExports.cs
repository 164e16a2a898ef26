using System.Globalization;
using System.Security.Claims;
using Headroom.Analytics;
using Headroom.Data;
using Headroom.Importing;
using Headroom.Web.Api;
using Headroom.Web.Localization;
using Microsoft.Extensions.Localization;

namespace Headroom.Web.Analytics;

// The downloads of the explorer's funnel and coverage views: one row per bucket (and stage), the
// group's rows first and then the chosen rep's, through the same TableExport with formula escaping
// as the other analytics downloads.
public static class ExplorerExports
{
    public static async Task<IResult> ExportFunnel(
        string? format, string? granularity, string? from, string? to, long? team, long? member,
        AppDbContext db, ClaimsPrincipal user, TimeProvider clock, IStringLocalizer<Strings> l, HttpContext http, CancellationToken cancellationToken)
    {
        var (args, errors) = await ExplorerTrend.ParseAsync(null, null, granularity, from, to, team, member, db, clock, l, cancellationToken);
        if (errors.Any)
        {
            return ApiProblems.Fields(errors);
        }
        if (await ExplorerFunnel.LoadAsync(db, user, args, cancellationToken) is not { } result)
        {
            return TypedResults.NotFound();
        }
        string[] headers = [l["Analytics.Member"], l["Explorer.Bucket"], l["Explorer.Funnel.Deals"], l["Explorer.Stage"], l["Analytics.Reached"], l["Analytics.ToNext"]];
        var rows = new List<object?[]>();
        void Add(string who, IReadOnlyList<FunnelResult> funnels)
        {
            for (var i = 0; i < result.Buckets.Count; i++)
            {
                rows.AddRange(funnels[i].Stages.Select(s => (object?[])[who, result.Buckets[i].Label, funnels[i].Deals, s.Name, s.Reached, s.ConversionToNext]));
            }
        }
        Add(GroupName(l, result.ReaderRole, result.TeamName), result.Group);
        if (result.Member is { } mine && result.Reps.FirstOrDefault(r => r.Id == result.MemberId) is { } rep)
        {
            Add(rep.Name, mine);
        }
        await TableDownload.WriteAsync(http, Format(format), $"funnel-trend-{result.From:yyyyMMdd}-{result.To:yyyyMMdd}", headers, rows, "Funnel", cancellationToken);
        return TypedResults.Empty;
    }

    public static async Task<IResult> ExportCoverage(
        string? format, string? granularity, string? from, string? to, long? team, long? member,
        AppDbContext db, ClaimsPrincipal user, TimeProvider clock, IStringLocalizer<Strings> l, HttpContext http, CancellationToken cancellationToken)
    {
        var (args, errors) = await ExplorerTrend.ParseAsync(null, null, granularity, from, to, team, member, db, clock, l, cancellationToken);
        if (errors.Any)
        {
            return ApiProblems.Fields(errors);
        }
        if (await ExplorerCoverage.LoadAsync(db, user, args, cancellationToken) is not { } result)
        {
            return TypedResults.NotFound();
        }
        var unit = $" ({result.Currency})";
        string[] headers =
        [
            l["Analytics.Member"], l["Explorer.Bucket"], l["Explorer.Coverage.AsOf"], l["Analytics.WeightedPipeline"] + unit, l["Explorer.Coverage.Goal"],
            l["Explorer.Coverage.Target"] + unit, l["Explorer.Coverage.Won"] + unit, l["Explorer.Coverage.Remaining"] + unit, l["Explorer.Coverage.Ratio"],
            l["Explorer.Coverage.Status"],
        ];
        var rows = new List<object?[]>();
        void Add(string who, IReadOnlyList<CoveragePoint> points)
        {
            rows.AddRange(points.Select((p, i) => (object?[])
            [
                who, result.Buckets[i].Label, p.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), p.WeightedPipelineMinor / 100m, p.GoalName,
                p.TargetMinor / 100m, p.WonMinor / 100m, p.RemainingMinor / 100m, p.Coverage, l["Explorer.Coverage.Status." + p.Status].Value,
            ]));
        }
        if (result.Group is { } group)
        {
            Add(GroupName(l, result.ReaderRole, result.TeamName), group);
        }
        if (result.Member is { } mine && result.Reps.FirstOrDefault(r => r.Id == result.MemberId) is { } rep)
        {
            Add(rep.Name, mine);
        }
        await TableDownload.WriteAsync(http, Format(format), $"coverage-trend-{result.From:yyyyMMdd}-{result.To:yyyyMMdd}", headers, rows, "Coverage", cancellationToken);
        return TypedResults.Empty;
    }

    // What the group's row is called: the reader's own figures, a team, or everyone shown.
    public static string GroupName(IStringLocalizer<Strings> l, Organizations.MemberRole reader, string? teamName) =>
        reader == Organizations.MemberRole.Rep ? l["Dashboard.Mine"].Value
        : teamName is { } team ? string.Format(CultureInfo.CurrentCulture, l["Explorer.GroupOf"], team)
        : l["Explorer.Group"].Value;

    private static ExportFormat Format(string? format) =>
        string.Equals(format, "xlsx", StringComparison.OrdinalIgnoreCase) ? ExportFormat.Xlsx : ExportFormat.Csv;
}
