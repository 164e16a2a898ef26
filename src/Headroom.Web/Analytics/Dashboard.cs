using System.Security.Claims;
using Headroom.Analytics;
using Headroom.Data;
using Headroom.Deals;
using Headroom.Goals;
using Headroom.Organizations;
using Headroom.Web.Auth;
using Headroom.Web.Goals;
using Microsoft.EntityFrameworkCore;

namespace Headroom.Web.Analytics;

// What the dashboard shows for a period: the figures of a team (with its sub-teams), of everything
// the reader sees, or of a rep alone; the revenue goal that covers the period, with its pace and
// the pipeline coverage of what is left of it; and won revenue month by month for the year up to
// the period's end. A manager without a team chosen gets the team they manage.
public static class Dashboard
{
    public const int TrendMonths = 12;

    // Null when the team is not one the reader may see.
    public static async Task<DashboardResult?> LoadAsync(
        AppDbContext db, ClaimsPrincipal user, DateOnly from, DateOnly to, long? teamId, TimeProvider clock, CancellationToken cancellationToken)
    {
        var scope = await AccessScope.ForMemberAsync(db, user.GetMemberId(), cancellationToken);
        var orgId = db.Tenant.RequireOrgId();
        var organization = await db.Organizations.AsNoTracking().Where(o => o.Id == orgId)
            .Select(o => new { o.TimeZoneId, o.Currency }).SingleAsync(cancellationToken);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(organization.TimeZoneId);
        if (teamId is null && scope.Role == MemberRole.Manager)
        {
            teamId = await ManagedTeamAsync(db, scope, cancellationToken);
        }
        IReadOnlyCollection<long>? members = null;
        string? teamName = null;
        if (scope.Role == MemberRole.Rep)
        {
            teamId = null;
            members = [scope.MemberId];
        }
        else if (teamId is { } team)
        {
            teamName = await scope.Teams(db).Where(t => t.Id == team).Select(t => t.Name).SingleOrDefaultAsync(cancellationToken);
            if (teamName is null)
            {
                return null;
            }
            var subtree = await AccessScope.TeamsBelowAsync(db, [team], cancellationToken);
            // Former members too: what they won for the team still counts.
            members = await db.Members.Where(m => m.TeamId != null && subtree.Contains(m.TeamId.Value)).Select(m => m.Id).ToListAsync(cancellationToken);
        }

        var period = MetricsPeriod.Of(from, to.AddDays(1), zone);
        var figures = await SalesMetrics.LoadAsync(db, scope, period, members, activityVolume: false, cancellationToken);
        // Activities are counted from the activity per member and day (ActivityDayRollup), not
        // from the activity rows: an organization's quarter is millions of them. Its days are the
        // member's own (their zone), the period's the organization's.
        var days = db.MemberActivityDays.Where(d => d.Day >= from && d.Day <= to);
        if (members is not null)
        {
            var ids = members.ToList();
            days = days.Where(d => ids.Contains(d.MemberId));
        }
        else if (scope.Role != MemberRole.Admin)
        {
            var visible = scope.Members(db).Select(m => m.Id);
            days = days.Where(d => visible.Contains(d.MemberId));
        }
        var counted = await days.GroupBy(_ => 1).Select(g => new { Activities = g.Sum(d => d.Activities), Visits = g.Sum(d => d.Visits) })
            .SingleOrDefaultAsync(cancellationToken);

        // The owner was checked above (a rep's own goal, a team the reader sees, the organization),
        // and a reader may read the goals of what they may see.
        var goals = db.Goals.AsNoTracking().Where(g => g.Metric == GoalMetric.WonRevenue && g.StartDate <= to && g.EndDate >= from);
        goals = scope.Role == MemberRole.Rep
            ? goals.Where(g => g.OwnerKind == GoalOwnerKind.Member && g.MemberId == scope.MemberId)
            : teamId is { } owner
                ? goals.Where(g => g.OwnerKind == GoalOwnerKind.Team && g.TeamId == owner)
                : goals.Where(g => g.OwnerKind == GoalOwnerKind.Organization);
        // The goal whose period is closest to the one shown: same start first, then the shortest.
        var goal = await goals.OrderByDescending(g => g.StartDate == from && g.EndDate == to).ThenByDescending(g => g.StartDate == from)
            .ThenBy(g => g.EndDate.DayNumber - g.StartDate.DayNumber).ThenBy(g => g.Id)
            .FirstOrDefaultAsync(cancellationToken);
        DashboardGoal? revenueGoal = null;
        if (goal is not null)
        {
            var context = await GoalContext.LoadAsync(db, cancellationToken);
            var standing = await GoalEvaluator.StandingAsync(db, context, GoalSubject.Of(goal), goal.Target, context.Today(clock), cancellationToken);
            var left = goal.Target - (standing.Pace.Actual ?? 0);
            revenueGoal = new DashboardGoal(goal.Id, goal.Name, goal.StartDate, goal.EndDate, goal.Target, standing.Pace,
                left > 0 ? Math.Round((decimal)figures.WeightedOpenPipelineMinor / left, 2, MidpointRounding.AwayFromZero) : null);
        }

        var trend = await TrendAsync(db, scope, members, to, zone, cancellationToken);
        return new DashboardResult(from, to, teamId, teamName, scope.Role, organization.Currency, PerformanceFigures.Of(figures) with { Activities = counted?.Activities ?? 0, Visits = counted?.Visits ?? 0 }, figures.OpenDeals, revenueGoal, trend);
    }

    // The team a manager heads that no other team of theirs sits above.
    private static async Task<long?> ManagedTeamAsync(AppDbContext db, AccessScope scope, CancellationToken cancellationToken)
    {
        var teams = await db.Teams.Where(t => t.ManagerId == scope.MemberId).Select(t => new { t.Id, t.ParentTeamId, t.Name }).ToListAsync(cancellationToken);
        var ids = teams.Select(t => t.Id).ToHashSet();
        return teams.Where(t => t.ParentTeamId is not { } parent || !ids.Contains(parent)).OrderBy(t => t.Name).ThenBy(t => t.Id).Select(t => (long?)t.Id).FirstOrDefault();
    }

    // Won revenue and deals won per local month, for the TrendMonths months ending with the one
    // the period ends in.
    private static async Task<IReadOnlyList<MonthFigures>> TrendAsync(
        AppDbContext db, AccessScope scope, IReadOnlyCollection<long>? members, DateOnly to, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        var last = new DateOnly(to.Year, to.Month, 1);
        var first = last.AddMonths(-(TrendMonths - 1));
        var span = MetricsPeriod.Of(first, last.AddMonths(1), zone);
        var deals = scope.Deals(db).Where(d => d.Outcome == DealOutcome.Won && d.ClosedUtc >= span.FromUtc && d.ClosedUtc < span.ToUtc);
        if (members is not null)
        {
            var ids = members.ToList();
            deals = deals.Where(d => d.OwnerId != null && ids.Contains(d.OwnerId.Value));
        }
        var won = await deals.Select(d => new { ClosedUtc = d.ClosedUtc!.Value, d.AmountMinor }).ToListAsync(cancellationToken);
        var byMonth = won.ToLookup(d =>
        {
            var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(d.ClosedUtc, DateTimeKind.Utc), zone);
            return new DateOnly(local.Year, local.Month, 1);
        });
        return [.. Enumerable.Range(0, TrendMonths).Select(i => first.AddMonths(i))
            .Select(month => new MonthFigures(month, byMonth[month].Sum(d => d.AmountMinor), byMonth[month].Count()))];
    }
}

public sealed record DashboardResult(
    DateOnly From, DateOnly To, long? TeamId, string? TeamName, MemberRole ReaderRole, string Currency, PerformanceFigures Figures, int OpenDeals,
    DashboardGoal? RevenueGoal, IReadOnlyList<MonthFigures> Trend);

// Coverage: weighted open pipeline ÷ what is left of the target (null once the target is met).
public sealed record DashboardGoal(long Id, string Name, DateOnly Start, DateOnly End, long TargetMinor, GoalPace Pace, decimal? PipelineCoverage);

public sealed record MonthFigures(DateOnly Month, long WonRevenueMinor, int DealsWon);
