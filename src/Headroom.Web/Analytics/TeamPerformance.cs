using System.Security.Claims;
using Headroom.Analytics;
using Headroom.Data;
using Headroom.Organizations;
using Headroom.Web.Auth;
using Microsoft.EntityFrameworkCore;

namespace Headroom.Web.Analytics;

// Each rep's sales figures for a period beside the median of the reps shown: what the team
// performance page, its export and GET /api/v1/analytics/members share. A manager sees their
// teams' reps, an admin everyone's, a rep only themselves (against no one).
public static class TeamPerformance
{
    public const int MaxDays = 731;

    // Null when the team is not one the caller may see.
    public static async Task<TeamPerformanceResult?> LoadAsync(
        AppDbContext db, ClaimsPrincipal user, DateOnly from, DateOnly to, long? teamId, CancellationToken cancellationToken)
    {
        var scope = await AccessScope.ForMemberAsync(db, user.GetMemberId(), cancellationToken);
        var reps = scope.Members(db).Where(m => m.Active && m.Role == MemberRole.Rep);
        if (teamId is { } team)
        {
            if (!await scope.Teams(db).AnyAsync(t => t.Id == team, cancellationToken))
            {
                return null;
            }
            var subtree = await AccessScope.TeamsBelowAsync(db, [team], cancellationToken);
            reps = reps.Where(m => m.TeamId != null && subtree.Contains(m.TeamId.Value));
        }
        var people = await reps.OrderBy(m => m.Name).ThenBy(m => m.Id)
            .Select(m => new { m.Id, m.Name, Team = m.Team!.Name })
            .ToListAsync(cancellationToken);
        var organization = await db.Organizations.AsNoTracking()
            .Where(o => o.Id == db.Tenant.RequireOrgId()).Select(o => new { o.TimeZoneId, o.Currency }).SingleAsync(cancellationToken);
        var period = MetricsPeriod.Of(from, to.AddDays(1), TimeZoneInfo.FindSystemTimeZoneById(organization.TimeZoneId));
        var metrics = await MemberSalesMetrics.LoadAsync(db, scope, period, [.. people.Select(p => p.Id)], cancellationToken);
        var members = people.Select(p => new MemberPerformance(p.Id, p.Name, p.Team, PerformanceFigures.Of(metrics[p.Id]))).ToList();
        var funnel = await StageFunnel.LoadAsync(db, scope, period, [.. people.Select(p => p.Id)], cancellationToken);
        return new TeamPerformanceResult(from, to, organization.Currency, members, PerformanceFigures.Median([.. members.Select(m => m.Figures)]), funnel);
    }
}

// Funnel: the deals these reps created in the period, stage by stage (StageFunnel).
public sealed record TeamPerformanceResult(
    DateOnly From, DateOnly To, string Currency, IReadOnlyList<MemberPerformance> Members, PerformanceFigures Median, FunnelResult Funnel);

public sealed record MemberPerformance(long MemberId, string Name, string? TeamName, PerformanceFigures Figures);

// Money in minor units; rates as fractions (0.25 = 25 %); null where there is nothing to divide.
public sealed record PerformanceFigures(
    long WonRevenueMinor,
    int DealsWon,
    int DealsLost,
    decimal? WinRate,
    long? AverageDealSizeMinor,
    decimal? AverageSalesCycleDays,
    long PipelineCreatedMinor,
    long WeightedOpenPipelineMinor,
    int Activities,
    int Visits,
    decimal? CsatAverage,
    decimal? Nps)
{
    public static PerformanceFigures Of(SalesMetricsResult m) => new(
        m.WonRevenueMinor, m.DealsWon, m.DealsLost, m.WinRate, m.AverageDealSizeMinor, m.AverageSalesCycleDays,
        m.PipelineCreatedMinor, m.WeightedOpenPipelineMinor,
        m.Activities.Sum(a => a.Count), m.Activities.Where(a => a.Type == Headroom.Activities.ActivityType.Visit).Sum(a => a.Count),
        m.Feedback.CsatAverage, m.Feedback.Nps);

    // Each figure's median over the members that have it (a rep with no closed deal has no win
    // rate and does not pull the median to 0).
    public static PerformanceFigures Median(IReadOnlyList<PerformanceFigures> all) => new(
        (long)Middle(all.Select(f => (decimal)f.WonRevenueMinor)).GetValueOrDefault(),
        (int)Middle(all.Select(f => (decimal)f.DealsWon)).GetValueOrDefault(),
        (int)Middle(all.Select(f => (decimal)f.DealsLost)).GetValueOrDefault(),
        Middle(all.Select(f => f.WinRate)),
        (long?)Middle(all.Select(f => (decimal?)f.AverageDealSizeMinor)),
        Middle(all.Select(f => f.AverageSalesCycleDays)),
        (long)Middle(all.Select(f => (decimal)f.PipelineCreatedMinor)).GetValueOrDefault(),
        (long)Middle(all.Select(f => (decimal)f.WeightedOpenPipelineMinor)).GetValueOrDefault(),
        (int)Middle(all.Select(f => (decimal)f.Activities)).GetValueOrDefault(),
        (int)Middle(all.Select(f => (decimal)f.Visits)).GetValueOrDefault(),
        Middle(all.Select(f => f.CsatAverage)),
        Middle(all.Select(f => f.Nps)));

    private static decimal? Middle(IEnumerable<decimal?> values)
    {
        var sorted = values.OfType<decimal>().Order().ToList();
        if (sorted.Count == 0)
        {
            return null;
        }
        return sorted.Count % 2 == 1
            ? sorted[sorted.Count / 2]
            : Math.Round((sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2, 4, MidpointRounding.AwayFromZero);
    }

    private static decimal? Middle(IEnumerable<decimal> values) => Middle(values.Select(v => (decimal?)v));
}
