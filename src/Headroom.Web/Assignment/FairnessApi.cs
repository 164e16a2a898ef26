using System.Globalization;
using System.Security.Claims;
using Headroom.Assignment;
using Headroom.Data;
using Headroom.Importing;
using Headroom.Organizations;
using Headroom.Web.Analytics;
using Headroom.Web.Api;
using Headroom.Web.Auth;
using Headroom.Web.Localization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Headroom.Web.Assignment;

// The fairness audit (docs/decisions/0030): who got which work against capacity, from the
// assignment log. Managers for their teams with sub-teams, admins for any team or the whole
// organization; a rep gets 403, since the audit is a comparison between colleagues. A team the
// caller may not read answers 404.
public static class FairnessApi
{
    public const int MaxCreditDays = 90;

    public static void MapFairnessApi(this RouteGroupBuilder api)
    {
        api.MapGet("/assignment/fairness", GetFairness).WithTags("Rebalance").WithSummary(
            "Per rep and week or month: items received by kind, their effort hours, leads credited back (disqualified within creditDays of being received), items given away, capacity hours and inflow per capacity hour; across the reps the coefficient of variation, Gini and highest-to-lowest ratio, with a verdict. From the assignment log; managers and admins.");
    }

    // The fairness page's download; signed-in cookie or token like the API.
    public static void MapFairnessExport(this IEndpointRouteBuilder app)
    {
        app.MapGet("/assignment/fairness/export", Export).RequireAuthorization().ExcludeFromDescription();
    }

    public static async Task<Results<Ok<FairnessResponse>, NotFound, ValidationProblem, ProblemHttpResult>> GetFairness(
        long? team, string? from, string? to, string? granularity, int? creditDays,
        AppDbContext db, ClaimsPrincipal user, TimeProvider clock, IStringLocalizer<Strings> l, CancellationToken cancellationToken)
    {
        var range = await AnalyticsApi.RangeAsync(from, to, db, clock, l, cancellationToken);
        var errors = range.Errors;
        FairnessGranularity? chosen = granularity?.Trim().ToUpperInvariant() switch
        {
            null or "" or "WEEK" => FairnessGranularity.Week,
            "MONTH" => FairnessGranularity.Month,
            _ => null,
        };
        if (chosen is null)
        {
            errors.TryAdd("granularity", l["Validation.FairnessGranularity"]);
        }
        if (creditDays is < 0 or > MaxCreditDays)
        {
            errors.TryAdd("creditDays", string.Format(CultureInfo.CurrentCulture, l["Validation.FairnessCreditDays"], MaxCreditDays));
        }
        if (errors.Any)
        {
            return ApiProblems.Fields(errors);
        }
        var scope = await AccessScope.ForMemberAsync(db, user.GetMemberId(), cancellationToken);
        string? teamName = null;
        if (team is { } teamId)
        {
            teamName = await scope.Teams(db).Where(t => t.Id == teamId).Select(t => t.Name).SingleOrDefaultAsync(cancellationToken);
            if (teamName is null)
            {
                return TypedResults.NotFound();
            }
        }
        if (scope.Role == MemberRole.Rep)
        {
            return ApiProblems.Forbidden(l["Problem.FairnessManagersOnly"]);
        }
        var inputs = await FairnessQuery.LoadAsync(db, scope, team, range.From, range.To, chosen!.Value,
            creditDays ?? FairnessInputs.DefaultCreditDays, cancellationToken);
        return TypedResults.Ok(new FairnessResponse(team, teamName, FairnessAudit.Compute(inputs)));
    }

    public static async Task<IResult> Export(
        string? format, long? team, string? from, string? to, string? granularity, int? creditDays,
        AppDbContext db, ClaimsPrincipal user, TimeProvider clock, IStringLocalizer<Strings> l, HttpContext http, CancellationToken cancellationToken)
    {
        var result = await GetFairness(team, from, to, granularity, creditDays, db, user, clock, l, cancellationToken);
        if (result.Result is not Ok<FairnessResponse> ok)
        {
            return result.Result;
        }
        var audit = ok.Value!.Audit;
        var chosen = string.Equals(format, "xlsx", StringComparison.OrdinalIgnoreCase) ? ExportFormat.Xlsx : ExportFormat.Csv;
        string[] headers =
        [
            l["Analytics.Member"], l["Fairness.PeriodStart"], l["Fairness.PeriodEnd"], l["RebalanceItemKind.Lead"], l["RebalanceItemKind.Account"],
            l["RebalanceItemKind.Deal"], l["RebalanceItemKind.FollowUp"], l["Fairness.ReceivedHours"], l["Fairness.CreditedLeads"], l["Fairness.CreditedHours"],
            l["Fairness.InflowHours"], l["Fairness.GivenItems"], l["Fairness.GivenHours"], l["Fairness.NetHours"], l["Fairness.CapacityHours"],
            l["Fairness.PerCapacityHour"],
        ];
        var rows = audit.Reps.SelectMany(rep => audit.Buckets.Select((b, i) => Row(rep.Name, b.Start, b.End, rep.Cells[i]))
            .Append(Row(rep.Name, audit.From, audit.To, rep.Total)));
        await TableDownload.WriteAsync(http, chosen, $"fairness-{audit.From:yyyyMMdd}-{audit.To:yyyyMMdd}", headers, rows, "Fairness", cancellationToken);
        return TypedResults.Empty;
    }

    private static object?[] Row(string name, DateOnly start, DateOnly end, FairnessCell c) =>
    [
        name, start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), end.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        c.Leads, c.Accounts, c.Deals, c.FollowUps, Math.Round(c.ReceivedHours, 2), c.CreditedLeads, Math.Round(c.CreditedHours, 2),
        Math.Round(c.InflowHours, 2), c.GivenItems, Math.Round(c.GivenHours, 2), Math.Round(c.NetHours, 2), Math.Round(c.CapacityHours, 2),
        c.PerCapacityHour is { } rate ? Math.Round(rate, 4) : null,
    ];
}

// TeamId null: every rep the caller may see.
public sealed record FairnessResponse(long? TeamId, string? TeamName, FairnessResult Audit);
