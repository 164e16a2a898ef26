using System.Globalization;
using System.Security.Claims;
using Headroom.Data;
using Headroom.Organizations;
using Headroom.Web.Api;
using Headroom.Web.Auth;
using Headroom.Web.Localization;
using Headroom.Workload;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Headroom.Web.Workload;

// The workload index of the members the caller may see (docs/decisions/0018): an admin the whole
// organization, a manager their teams, a rep themselves. A team outside the scope answers 404.
public static class WorkloadApi
{
    public static void MapWorkloadApi(this RouteGroupBuilder api)
    {
        api.MapGet("/workload", GetWorkload).WithTags("Workload")
            .WithSummary("Capacity, load by part, actual hours, utilization, band and trend per member and period (week, day or month), with the spread across the members.");
    }

    public static async Task<Results<Ok<WorkloadResponse>, NotFound, ValidationProblem>> GetWorkload(
        string? from,
        string? to,
        string? period,
        long? teamId,
        AppDbContext db,
        ClaimsPrincipal user,
        TimeProvider clock,
        IStringLocalizer<Strings> l,
        CancellationToken cancellationToken)
    {
        var errors = new FieldErrors(l);
        var chosen = WorkloadPeriod.Week;
        if (!string.IsNullOrWhiteSpace(period) && !TryParsePeriod(period, out chosen))
        {
            errors.Add("period", l["Workload.Validation.Period"]);
        }
        var fromDate = ParseDate("from", from, errors);
        var toDate = ParseDate("to", to, errors);
        if (errors.Any)
        {
            return ApiProblems.Fields(errors);
        }
        var zone = await UserTimeZone.FindAsync(db, user, cancellationToken);
        var today = WorkloadView.Today(clock, zone);
        var (defaultFrom, defaultTo) = chosen == WorkloadPeriod.Week
            ? WorkloadView.DefaultWeeks(today)
            : (today, WorkloadRequest.Step(today, chosen, WorkloadView.MaxPeriods(chosen) / 4).AddDays(-1));
        var first = fromDate ?? (toDate is { } end && end < defaultFrom ? end : defaultFrom);
        var last = toDate ?? (first > defaultTo ? first : defaultTo);
        if (last < first)
        {
            return ApiProblems.Field("to", l["Validation.EndBeforeStart"]);
        }
        var max = WorkloadView.MaxPeriods(chosen);
        if (WorkloadView.PeriodCount(first, last, chosen) > max)
        {
            return ApiProblems.Field("to", string.Format(CultureInfo.CurrentCulture, l["Workload.Validation.TooLong"], max, l["WorkloadPeriod." + chosen]));
        }

        var scope = await AccessScope.ForMemberAsync(db, user.GetMemberId(), cancellationToken);
        if (teamId is { } team && !await scope.Teams(db).AnyAsync(t => t.Id == team, cancellationToken))
        {
            return TypedResults.NotFound();
        }
        var request = new WorkloadRequest(first, last, chosen, clock.GetUtcNow());
        var result = await WorkloadView.ScoreAsync(db, scope, request, teamId, cancellationToken: cancellationToken);
        return TypedResults.Ok(new WorkloadResponse(request.FirstPeriodStart, request.LastPeriodEnd, chosen, result.Members, result.Team));
    }

    private static bool TryParsePeriod(string text, out WorkloadPeriod period) =>
        Enum.TryParse(text, ignoreCase: true, out period) && Enum.IsDefined(period) && !char.IsAsciiDigit(text.Trim()[0]);

    private static DateOnly? ParseDate(string field, string? text, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }
        errors.Add(field, errors.Localizer["Workload.Validation.Date"]);
        return null;
    }
}

// From and To are the first and last day of the periods scored (whole weeks, days or months).
public sealed record WorkloadResponse(
    DateOnly From,
    DateOnly To,
    WorkloadPeriod Period,
    IReadOnlyList<MemberWorkload> Members,
    IReadOnlyList<TeamDistribution> Team);
