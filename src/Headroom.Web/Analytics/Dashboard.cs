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
        var organization = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == orgId, cancellationToken);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(organization.TimeZoneId);
        IReadOnlyCollection<long>? members = null;
        string? teamName = null;
        if (scope.Role == MemberRole.Rep)
        {
            teamId = null;
            members = [scope.MemberId];
        }
        else if (teamId is not null || scope.Role == MemberRole.Manager)
        {
            // One read of the team tree answers which team a manager heads, whether the reader
            // may see the team asked for, and its sub-teams.
            var teams = await db.Teams.AsNoTracking().Select(t => new { t.Id, t.ParentTeamId, t.ManagerId, t.Name }).ToListAsync(cancellationToken);
            teamId ??= ManagedTeam(teams.Where(t => t.ManagerId == scope.MemberId).Select(t => (t.Id, t.ParentTeamId, t.Name)));
            if (teamId is { } team)
            {
                teamName = teams.Where(t => t.Id == team && (scope.Role == MemberRole.Admin || scope.TeamIds.Contains(t.Id))).Select(t => t.Name).SingleOrDefault();
                if (teamName is null)
                {
                    return null;
                }
                var subtree = AccessScope.TeamsBelow(teams.Select(t => (t.Id, t.ParentTeamId)), [team]).ToList();
                // Former members too: what they won for the team still counts.
                members = await db.Members.Where(m => m.TeamId != null && subtree.Contains(m.TeamId.Value)).Select(m => m.Id).ToListAsync(cancellationToken);
            }
        }
        // A member set has been checked against the reader's scope above, so the figures are read
        // over the members alone: filtering by the scope again would add a sub-select per query.
        var readScope = members is null ? scope : AccessScope.WholeOrganization();
        var ids = members?.ToList();
        var deals = ids is null ? readScope.Deals(db) : readScope.Deals(db).Where(d => d.OwnerId != null && ids.Contains(d.OwnerId.Value));

        var period = MetricsPeriod.Of(from, to.AddDays(1), zone);
        var figures = await SalesMetrics.LoadAsync(db, readScope, period, members, activityVolume: false, cancellationToken);
        // Activities are counted from the activity per member and day (ActivityDayRollup), not
        // from the activity rows: an organization's quarter is millions of them. Its days are the
        // member's own (their zone), the period's the organization's.
        var days = db.MemberActivityDays.Where(d => d.Day >= from && d.Day <= to);
        if (ids is not null)
        {
            days = days.Where(d => ids.Contains(d.MemberId));
        }
        else if (scope.Role != MemberRole.Admin)
        {
            var visible = scope.Members(db).Select(m => m.Id);
            days = days.Where(d => visible.Contains(d.MemberId));
        }
        var counted = await days.GroupBy(_ => 1).Select(g => new { Activities = g.Sum(d => d.Activities), Visits = g.Sum(d => d.Visits) })
            .SingleOrDefaultAsync(cancellationToken);

        var trend = await TrendAsync(deals, to, zone, cancellationToken);
        // What was read covers the goal's owners when it is a member set or the whole organization
        // (a manager who heads no team reads their scope, while the goal is the organization's).
        var shown = ids is not null || scope.Role == MemberRole.Admin ? new ShownFigures(figures, deals) : null;
        var revenueGoal = await RevenueGoalAsync(db, scope, organization, teamId, from, to, figures, shown, clock, cancellationToken);
        return new DashboardResult(from, to, teamId, teamName, scope.Role, organization.Currency, PerformanceFigures.Of(figures) with { Activities = counted?.Activities ?? 0, Visits = counted?.Visits ?? 0 }, figures.OpenDeals, revenueGoal, trend);
    }

    // The won-revenue goal of what is shown whose period is closest to the one shown, with its
    // pace. The owner was checked (a rep's own goal, a team the reader sees, the organization), and
    // a reader may read the goals of what they may see. When what was read covers the goal's
    // owners and the goal's period is the one shown, its actual is the won revenue already counted.
    private static async Task<DashboardGoal?> RevenueGoalAsync(
        AppDbContext db, AccessScope scope, Organization organization, long? teamId, DateOnly from, DateOnly to, SalesMetricsResult figures,
        ShownFigures? shown, TimeProvider clock, CancellationToken cancellationToken)
    {
        var goals = db.Goals.AsNoTracking().Where(g => g.Metric == GoalMetric.WonRevenue && g.StartDate <= to && g.EndDate >= from);
        goals = scope.Role == MemberRole.Rep
            ? goals.Where(g => g.OwnerKind == GoalOwnerKind.Member && g.MemberId == scope.MemberId)
            : teamId is { } owner
                ? goals.Where(g => g.OwnerKind == GoalOwnerKind.Team && g.TeamId == owner)
                : goals.Where(g => g.OwnerKind == GoalOwnerKind.Organization);
        // Same start first, then the shortest.
        var goal = await goals.OrderByDescending(g => g.StartDate == from && g.EndDate == to).ThenByDescending(g => g.StartDate == from)
            .ThenBy(g => g.EndDate.DayNumber - g.StartDate.DayNumber).ThenBy(g => g.Id)
            .FirstOrDefaultAsync(cancellationToken);
        if (goal is null)
        {
            return null;
        }
        var context = await GoalContext.LoadAsync(db, organization, cancellationToken);
        var subject = GoalSubject.Of(goal);
        var today = context.Today(clock);
        var standing = shown is not null && goal.StartDate == from && goal.EndDate == to
            ? GoalEvaluator.Standing(context, subject, goal.Target, today,
                new GoalActuals(shown.Figures.WonRevenueMinor, await GoalProgressQuery.WeightedPipelineAsync(shown.Deals, GoalMetric.WonRevenue, goal.EndDate, cancellationToken)))
            : await GoalEvaluator.StandingAsync(db, context, subject, goal.Target, today, cancellationToken);
        var left = goal.Target - (standing.Pace.Actual ?? 0);
        var curve = await GoalPaceCurveQuery.LoadAsync(db, context, subject, goal.Target, standing.Pace, today, cancellationToken);
        return new DashboardGoal(goal.Id, goal.Name, goal.StartDate, goal.EndDate, goal.Target, standing.Pace,
            left > 0 ? Math.Round((decimal)figures.WeightedOpenPipelineMinor / left, 2, MidpointRounding.AwayFromZero) : null, curve);
    }

    // The team a manager heads that no other team of theirs sits above.
    private static long? ManagedTeam(IEnumerable<(long Id, long? ParentTeamId, string Name)> managed)
    {
        var teams = managed.ToList();
        var ids = teams.Select(t => t.Id).ToHashSet();
        return teams.Where(t => t.ParentTeamId is not { } parent || !ids.Contains(parent)).OrderBy(t => t.Name).ThenBy(t => t.Id).Select(t => (long?)t.Id).FirstOrDefault();
    }

    // Won revenue and deals won per local month, for the TrendMonths months ending with the one
    // the period ends in, grouped by the database.
    private static async Task<IReadOnlyList<MonthFigures>> TrendAsync(IQueryable<Deal> deals, DateOnly to, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        var last = new DateOnly(to.Year, to.Month, 1);
        var months = Enumerable.Range(0, TrendMonths).Select(i => last.AddMonths(i - (TrendMonths - 1))).ToList();
        var span = MetricsPeriod.Of(months[0], last.AddMonths(1), zone);
        var ends = months.Select(m => MetricsPeriod.Of(m, m.AddMonths(1), zone).ToUtc).ToList();
        var byMonth = await deals.Where(d => d.Outcome == DealOutcome.Won && d.ClosedUtc >= span.FromUtc && d.ClosedUtc < span.ToUtc)
            .GroupBy(BucketIndex.Of<Deal, DateTime>(d => d.ClosedUtc!.Value, ends))
            .Select(g => new { Month = g.Key, AmountMinor = g.Sum(d => d.AmountMinor), Count = g.Count() })
            .ToDictionaryAsync(g => g.Month, cancellationToken);
        return [.. months.Select((month, i) => byMonth.TryGetValue(i, out var m) ? new MonthFigures(month, m.AmountMinor, m.Count) : new MonthFigures(month, 0, 0))];
    }

    // What the dashboard read over the goal's owners: the period's figures and their deals.
    private sealed record ShownFigures(SalesMetricsResult Figures, IQueryable<Deal> Deals);
}

public sealed record DashboardResult(
    DateOnly From, DateOnly To, long? TeamId, string? TeamName, MemberRole ReaderRole, string Currency, PerformanceFigures Figures, int OpenDeals,
    DashboardGoal? RevenueGoal, IReadOnlyList<MonthFigures> Trend);

// Coverage: weighted open pipeline ÷ what is left of the target (null once the target is met).
// Curve: the pace through the period, day by day (PaceCurve), for the pacing chart.
public sealed record DashboardGoal(
    long Id, string Name, DateOnly Start, DateOnly End, long TargetMinor, GoalPace Pace, decimal? PipelineCoverage, IReadOnlyList<PacePoint>? Curve = null);

public sealed record MonthFigures(DateOnly Month, long WonRevenueMinor, int DealsWon);
