using System.Globalization;
using System.Security.Claims;
using Headroom.Data;
using Headroom.Organizations;
using Headroom.Web.Auth;
using Headroom.Web.Localization;
using Headroom.Wellbeing;
using Headroom.Workload;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Headroom.Web.Wellbeing;

// Alerts for the members in the caller's scope (a rep sees at most their own): burnout risk at or
// above the threshold, overloaded two weeks running, and room this week while a teammate is
// overloaded. Each carries a sentence a manager can act on in the reader's language.
public static class AlertsApi
{
    public static void MapAlertsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/alerts", ListAlerts).WithTags("Wellbeing")
            .WithSummary("Alerts for the members you can see: burnout risk of 60 or more over the last 4 weeks with its factors (never pulse answers of others); " +
                "overloaded (utilization above the band) in two consecutive weeks among last, this and next week; under-loaded this week while a teammate is overloaded.");
    }

    public static async Task<Ok<List<AlertResponse>>> ListAlerts(
        AppDbContext db, ClaimsPrincipal user, TimeProvider clock, IStringLocalizer<Strings> l, CancellationToken cancellationToken)
    {
        var scope = await AccessScope.ForMemberAsync(db, user.GetMemberId(), cancellationToken);
        var risks = await BurnoutAlerts.LoadAsync(db, scope, clock, cancellationToken: cancellationToken);
        var workload = await WorkloadAlertQuery.LoadAsync(db, scope, clock, cancellationToken);
        return TypedResults.Ok(Describe(risks, workload, l));
    }

    public static List<AlertResponse> Describe(IEnumerable<BurnoutRisk> risks, IEnumerable<WorkloadAlert> workload, IStringLocalizer<Strings> l) =>
    [
        .. workload.Select(a => new AlertResponse(
            a.Kind == WorkloadAlertKind.OverloadedWeeks ? AlertKind.OverloadedWeeks : AlertKind.UnderloadedWhileOthersOverloaded,
            a.MemberId, a.Name, l.Sentence(a), null, Math.Round(a.Utilization, 4), a.From, a.To, [],
            [.. a.Overloaded.Select(o => new AlertMemberResponse(o.MemberId, o.Name, Math.Round(o.Utilization, 4)))])),
        .. risks.Select(r => new AlertResponse(
            AlertKind.BurnoutRisk, r.MemberId, r.Name, r.Factors.Count > 0 ? l.Sentence(r.Factors[0]) : "", r.Score, null, null, null,
            [.. r.Factors.Select(f => new AlertFactorResponse(f.Kind, f.Value, f.Points, f.MessageKey, l.Sentence(f)))], [])),
    ];

    public static string Sentence(this IStringLocalizer<Strings> l, WorkloadAlert alert)
    {
        var culture = CultureInfo.CurrentCulture;
        if (alert.Kind == WorkloadAlertKind.OverloadedWeeks)
        {
            var weeks = (alert.To.DayNumber - alert.From.DayNumber + 1) / 7;
            return string.Format(culture, l["Alerts.OverloadedWeeks"], weeks, alert.From.ToString("d", culture), alert.To.ToString("d", culture), alert.Utilization);
        }
        var names = string.Join(l["Alerts.NameSeparator"], alert.Overloaded.Take(3).Select(o => o.Name));
        return string.Format(culture, l["Alerts.Underloaded"], alert.Utilization, names, alert.Overloaded.Count);
    }
}

public enum AlertKind
{
    BurnoutRisk = 0,
    OverloadedWeeks = 1,
    UnderloadedWhileOthersOverloaded = 2,
}

// Score and Factors belong to burnout alerts; Utilization, From, To and Related (the overloaded
// teammates of an under-loaded member) to workload alerts.
public sealed record AlertResponse(
    AlertKind Kind,
    long MemberId,
    string MemberName,
    string Message,
    int? Score,
    double? Utilization,
    DateOnly? From,
    DateOnly? To,
    IReadOnlyList<AlertFactorResponse> Factors,
    IReadOnlyList<AlertMemberResponse> Related);

public sealed record AlertFactorResponse(RiskFactorKind Kind, double Value, int Points, string MessageKey, string Message);

public sealed record AlertMemberResponse(long MemberId, string Name, double Utilization);
