using System.Security.Claims;
using Headroom.Data;
using Headroom.Organizations;
using Headroom.Web.Auth;
using Headroom.Web.Localization;
using Headroom.Wellbeing;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Headroom.Web.Wellbeing;

// Alerts for the members in the caller's scope; for now burnout risk at or above the threshold
// (a rep sees at most their own).
public static class AlertsApi
{
    public static void MapAlertsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/alerts", ListAlerts).WithTags("Wellbeing")
            .WithSummary("Alerts for the members you can see: burnout risk of 60 or more over the last 4 weeks, with its factors (never pulse answers of others).");
    }

    public static async Task<Ok<List<AlertResponse>>> ListAlerts(
        AppDbContext db, ClaimsPrincipal user, TimeProvider clock, IStringLocalizer<Strings> l, CancellationToken cancellationToken)
    {
        var scope = await AccessScope.ForMemberAsync(db, user.GetMemberId(), cancellationToken);
        var risks = await BurnoutAlerts.LoadAsync(db, scope, clock, cancellationToken: cancellationToken);
        return TypedResults.Ok(risks.Select(r => new AlertResponse(
            AlertKind.BurnoutRisk, r.MemberId, r.Name, r.Score,
            [.. r.Factors.Select(f => new AlertFactorResponse(f.Kind, f.Value, f.Points, f.MessageKey, l.Sentence(f)))])).ToList());
    }
}

public enum AlertKind
{
    BurnoutRisk = 0,
}

public sealed record AlertResponse(AlertKind Kind, long MemberId, string MemberName, int Score, IReadOnlyList<AlertFactorResponse> Factors);

public sealed record AlertFactorResponse(RiskFactorKind Kind, double Value, int Points, string MessageKey, string Message);
