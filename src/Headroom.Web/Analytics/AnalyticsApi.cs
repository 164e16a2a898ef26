using System.Globalization;
using System.Security.Claims;
using Headroom.Analytics;
using Headroom.Data;
using Headroom.Importing;
using Headroom.Web.Api;
using Headroom.Web.Localization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Headroom.Web.Analytics;

public static class AnalyticsApi
{
    public static void MapAnalyticsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/analytics/members", GetMembers).WithTags("Analytics")
            .WithSummary("Each rep's won revenue, win rate, deal size, sales cycle, pipeline, activity and CSAT/NPS for a period (default: this fiscal quarter), with the median of the reps shown.");
        api.MapGet("/analytics/dashboard", GetDashboard).WithTags("Analytics")
            .WithSummary("The dashboard of a team with its sub-teams (a manager's own team by default; a rep gets their own): the period's figures, the revenue goal covering it with its pace and pipeline coverage, and won revenue per month for the year to the period's end.");
        api.MapGet("/analytics/trend", GetTrend).WithTags("Analytics")
            .WithSummary("One metric (WonRevenue, DealsWon, WinRate, AverageDealSize, SalesCycleDays, PipelineCreated, Activities with an optional activityType, Visits, Csat, Nps, NewAccounts) per Week, Month or fiscal Quarter over from..to (default: the last twelve months): the value of a team with its sub-teams (default: everything the caller sees), of each of its active reps, and the reps' median. Money in minor units, win rate as a fraction. A rep gets their own figures only.");
        api.MapGet("/analytics/trend/records", GetTrendRecords).WithTags("Analytics")
            .WithSummary("The records behind one value of a trend: the deals, activities, feedback or accounts of the member (or of the team) in the bucket starting on `bucket` (yyyy-MM-dd), newest first, 25 a page.");
        api.MapGet("/analytics/funnel-trend", GetFunnelTrend).WithTags("Analytics")
            .WithSummary("The stage funnel per Week, Month or fiscal Quarter over from..to (default: the last twelve months): of the deals created in each bucket, how many reached each open stage (stage history; a won deal passed every stage) and the share that reached the next, for a team with its sub-teams (default: everything the caller sees) and for the chosen member. A rep gets their own.");
        api.MapGet("/analytics/funnel-trend/records", GetFunnelTrendRecords).WithTags("Analytics")
            .WithSummary("The deals created in the bucket starting on `bucket` (yyyy-MM-dd) that reached open stage `stage`, of the member (or of the team), newest first, 25 a page.");
        api.MapGet("/analytics/coverage-trend", GetCoverageTrend).WithTags("Analytics")
            .WithSummary("Pipeline coverage at the end of each Week, Month or fiscal Quarter over from..to: the weighted open pipeline then (each deal at its stage's win probability then) over what was left of the won-revenue goal enclosing that day — of the team, of the organization for an admin without a team, of the chosen member, or a rep's own. Status NoGoal or TargetMet where there is no ratio.");
    }

    public static async Task<Results<Ok<TrendResult>, NotFound, ValidationProblem>> GetTrend(
        string? metric, string? activityType, string? granularity, string? from, string? to, long? team, long? member,
        AppDbContext db, ClaimsPrincipal user, TimeProvider clock, IStringLocalizer<Strings> l, CancellationToken cancellationToken)
    {
        var (args, errors) = await ExplorerTrend.ParseAsync(metric, activityType, granularity, from, to, team, member, db, clock, l, cancellationToken);
        if (errors.Any)
        {
            return ApiProblems.Fields(errors);
        }
        var result = await ExplorerTrend.LoadAsync(db, user, args, cancellationToken);
        return result is null ? TypedResults.NotFound() : TypedResults.Ok(result);
    }

    public static async Task<Results<Ok<TrendRecordPage>, NotFound, ValidationProblem>> GetTrendRecords(
        string? metric, string? activityType, string? granularity, string? bucket, long? team, long? member, int? page,
        AppDbContext db, ClaimsPrincipal user, TimeProvider clock, IStringLocalizer<Strings> l, CancellationToken cancellationToken)
    {
        var (args, errors) = await ExplorerTrend.ParseAsync(metric, activityType, granularity, null, null, team, member, db, clock, l, cancellationToken);
        var start = ExplorerTrend.Bucket(bucket, args, errors);
        if (page is < 1)
        {
            errors.Add("page", l["Explorer.Validation.Page"]);
        }
        if (errors.Any || start is not { } day)
        {
            return ApiProblems.Fields(errors);
        }
        var result = await ExplorerTrend.RecordsAsync(db, user, args, day, page ?? 1, cancellationToken);
        return result is null ? TypedResults.NotFound() : TypedResults.Ok(result);
    }

    public static async Task<Results<Ok<FunnelTrendResult>, NotFound, ValidationProblem>> GetFunnelTrend(
        string? granularity, string? from, string? to, long? team, long? member,
        AppDbContext db, ClaimsPrincipal user, TimeProvider clock, IStringLocalizer<Strings> l, CancellationToken cancellationToken)
    {
        var (args, errors) = await ExplorerTrend.ParseAsync(null, null, granularity, from, to, team, member, db, clock, l, cancellationToken);
        if (errors.Any)
        {
            return ApiProblems.Fields(errors);
        }
        var result = await ExplorerFunnel.LoadAsync(db, user, args, cancellationToken);
        return result is null ? TypedResults.NotFound() : TypedResults.Ok(result);
    }

    public static async Task<Results<Ok<TrendRecordPage>, NotFound, ValidationProblem>> GetFunnelTrendRecords(
        string? granularity, string? bucket, long? stage, long? team, long? member, int? page,
        AppDbContext db, ClaimsPrincipal user, TimeProvider clock, IStringLocalizer<Strings> l, CancellationToken cancellationToken)
    {
        var (args, errors) = await ExplorerTrend.ParseAsync(null, null, granularity, null, null, team, member, db, clock, l, cancellationToken);
        var start = ExplorerTrend.Bucket(bucket, args, errors);
        await ExplorerFunnel.CheckStageAsync(db, stage, errors, cancellationToken);
        if (page is < 1)
        {
            errors.Add("page", l["Explorer.Validation.Page"]);
        }
        if (errors.Any || start is not { } day || stage is not { } stageId)
        {
            return ApiProblems.Fields(errors);
        }
        var result = await ExplorerFunnel.RecordsAsync(db, user, args, day, stageId, page ?? 1, cancellationToken);
        return result is null ? TypedResults.NotFound() : TypedResults.Ok(result);
    }

    public static async Task<Results<Ok<CoverageTrendResult>, NotFound, ValidationProblem>> GetCoverageTrend(
        string? granularity, string? from, string? to, long? team, long? member,
        AppDbContext db, ClaimsPrincipal user, TimeProvider clock, IStringLocalizer<Strings> l, CancellationToken cancellationToken)
    {
        var (args, errors) = await ExplorerTrend.ParseAsync(null, null, granularity, from, to, team, member, db, clock, l, cancellationToken);
        if (errors.Any)
        {
            return ApiProblems.Fields(errors);
        }
        var result = await ExplorerCoverage.LoadAsync(db, user, args, cancellationToken);
        return result is null ? TypedResults.NotFound() : TypedResults.Ok(result);
    }

    public static async Task<Results<Ok<DashboardResult>, NotFound, ValidationProblem>> GetDashboard(
        string? from, string? to, long? teamId, AppDbContext db, ClaimsPrincipal user, TimeProvider clock, IStringLocalizer<Strings> l, CancellationToken cancellationToken)
    {
        var range = await RangeAsync(from, to, db, clock, l, cancellationToken);
        if (range.Errors.Any)
        {
            return ApiProblems.Fields(range.Errors);
        }
        var result = await Dashboard.LoadAsync(db, user, range.From, range.To, teamId, clock, cancellationToken);
        return result is null ? TypedResults.NotFound() : TypedResults.Ok(result);
    }

    // The team performance page's download; signed-in cookie or token like the API.
    public static void MapAnalyticsExport(this IEndpointRouteBuilder app)
    {
        app.MapGet("/analytics/export", Export).RequireAuthorization().ExcludeFromDescription();
        app.MapGet("/analytics/explorer/export", ExportTrend).RequireAuthorization().ExcludeFromDescription();
        app.MapGet("/analytics/explorer/funnel/export", ExplorerExports.ExportFunnel).RequireAuthorization().ExcludeFromDescription();
        app.MapGet("/analytics/explorer/coverage/export", ExplorerExports.ExportCoverage).RequireAuthorization().ExcludeFromDescription();
    }

    public static async Task<Results<Ok<TeamPerformanceResult>, NotFound, ValidationProblem>> GetMembers(
        string? from, string? to, long? teamId, AppDbContext db, ClaimsPrincipal user, TimeProvider clock, IStringLocalizer<Strings> l, CancellationToken cancellationToken)
    {
        var range = await RangeAsync(from, to, db, clock, l, cancellationToken);
        if (range.Errors.Any)
        {
            return ApiProblems.Fields(range.Errors);
        }
        var result = await TeamPerformance.LoadAsync(db, user, range.From, range.To, teamId, cancellationToken);
        return result is null ? TypedResults.NotFound() : TypedResults.Ok(result);
    }

    public static async Task<IResult> Export(
        string? format, string? from, string? to, long? teamId, AppDbContext db, ClaimsPrincipal user, TimeProvider clock, IStringLocalizer<Strings> l,
        HttpContext http, CancellationToken cancellationToken)
    {
        var range = await RangeAsync(from, to, db, clock, l, cancellationToken);
        var chosen = string.Equals(format, "xlsx", StringComparison.OrdinalIgnoreCase) ? ExportFormat.Xlsx : ExportFormat.Csv;
        if (range.Errors.Any)
        {
            return ApiProblems.Fields(range.Errors);
        }
        var result = await TeamPerformance.LoadAsync(db, user, range.From, range.To, teamId, cancellationToken);
        if (result is null)
        {
            return TypedResults.NotFound();
        }
        string[] headers =
        [
            l["Analytics.Member"], l["Analytics.Team"], l["Analytics.WonRevenue"] + $" ({result.Currency})", l["Analytics.DealsWon"], l["Analytics.DealsLost"],
            l["Analytics.WinRate"], l["Analytics.AverageDeal"] + $" ({result.Currency})", l["Analytics.CycleDays"], l["Analytics.PipelineCreated"] + $" ({result.Currency})",
            l["Analytics.WeightedPipeline"] + $" ({result.Currency})", l["Analytics.Activities"], l["Analytics.Visits"], l["Analytics.Csat"], l["Analytics.Nps"],
        ];
        var rows = result.Members.Select(m => Row(m.Name, m.TeamName, m.Figures))
            .Append(Row(l["Analytics.Median"], null, result.Median));
        await TableDownload.WriteAsync(http, chosen, $"team-performance-{result.From:yyyyMMdd}-{result.To:yyyyMMdd}", headers, rows, "Team performance", cancellationToken);
        return TypedResults.Empty;
    }

    // The explorer's table: the group, the median and each rep, one column per bucket.
    public static async Task<IResult> ExportTrend(
        string? format, string? metric, string? activityType, string? granularity, string? from, string? to, long? team, long? member,
        AppDbContext db, ClaimsPrincipal user, TimeProvider clock, IStringLocalizer<Strings> l, HttpContext http, CancellationToken cancellationToken)
    {
        var chosen = string.Equals(format, "xlsx", StringComparison.OrdinalIgnoreCase) ? ExportFormat.Xlsx : ExportFormat.Csv;
        var (args, errors) = await ExplorerTrend.ParseAsync(metric, activityType, granularity, from, to, team, member, db, clock, l, cancellationToken);
        if (errors.Any)
        {
            return ApiProblems.Fields(errors);
        }
        var result = await ExplorerTrend.LoadAsync(db, user, args, cancellationToken);
        if (result is null)
        {
            return TypedResults.NotFound();
        }
        var money = result.Metric is TrendMetric.WonRevenue or TrendMetric.AverageDealSize or TrendMetric.PipelineCreated;
        object? Cell(decimal? value) => money && value is { } minor ? minor / 100m : value;
        var unit = money ? $" ({result.Currency})" : "";
        string[] headers = [l["Analytics.Member"], l["Analytics.Team"], .. result.Buckets.Select(b => b.Label + unit)];
        var rows = new List<object?[]>();
        rows.Add([result.TeamName is { } teamName ? string.Format(CultureInfo.CurrentCulture, l["Explorer.GroupOf"], teamName) : l["Explorer.Group"].Value, null, .. result.Group.Select(Cell)]);
        if (result.Median is { } median)
        {
            rows.Add([l["Analytics.Median"].Value, null, .. median.Select(Cell)]);
        }
        rows.AddRange(result.Rows.Select(r => (object?[])[r.Name, r.TeamName, .. r.Values.Select(Cell)]));
        await TableDownload.WriteAsync(http, chosen, $"trend-{result.Metric}-{result.From:yyyyMMdd}-{result.To:yyyyMMdd}", headers, rows, "Trend", cancellationToken);
        return TypedResults.Empty;
    }

    private static object?[] Row(string name, string? team, PerformanceFigures f) =>
    [
        name, team, f.WonRevenueMinor / 100m, f.DealsWon, f.DealsLost, f.WinRate, f.AverageDealSizeMinor / 100m, f.AverageSalesCycleDays,
        f.PipelineCreatedMinor / 100m, f.WeightedOpenPipelineMinor / 100m, f.Activities, f.Visits, f.CsatAverage, f.Nps,
    ];

    // from and to as yyyy-MM-dd, both included; missing ones make this fiscal quarter.
    public static async Task<(DateOnly From, DateOnly To, FieldErrors Errors)> RangeAsync(
        string? from, string? to, AppDbContext db, TimeProvider clock, IStringLocalizer<Strings> l, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors(l);
        var organization = await db.Organizations.AsNoTracking().Where(o => o.Id == db.Tenant.RequireOrgId())
            .Select(o => new { o.TimeZoneId, o.FiscalYearStartMonth }).SingleAsync(cancellationToken);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById(organization.TimeZoneId)).DateTime);
        var (quarterStart, quarterEnd) = FiscalQuarter(today, organization.FiscalYearStartMonth);
        var first = Date(from, "from", errors) ?? quarterStart;
        var last = Date(to, "to", errors) ?? (from is null ? quarterEnd : first.AddMonths(3).AddDays(-1));
        if (!errors.Any && last < first)
        {
            errors.Add("to", l["Validation.EndBeforeStart"]);
        }
        else if (!errors.Any && last.DayNumber - first.DayNumber >= TeamPerformance.MaxDays)
        {
            errors.Add("to", string.Format(CultureInfo.CurrentCulture, l["Analytics.Validation.TooLong"], TeamPerformance.MaxDays));
        }
        return (first, last, errors);
    }

    // A yyyy-MM-dd query value; null when absent, or when it is not a date (with the field's error).
    public static DateOnly? Date(string? text, string field, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }
        errors.Add(field, string.Format(CultureInfo.CurrentCulture, errors.Localizer["Settings.Validation.Date"], text));
        return null;
    }

    public static (DateOnly Start, DateOnly End) FiscalQuarter(DateOnly day, int fiscalStartMonth)
    {
        var monthsIn = ((day.Month - fiscalStartMonth) % 12 + 12) % 12;
        var start = new DateOnly(day.Year, day.Month, 1).AddMonths(-(monthsIn % 3));
        return (start, start.AddMonths(3).AddDays(-1));
    }
}
