using Headroom.Data;
using Headroom.Goals;
using Microsoft.EntityFrameworkCore;

namespace Headroom.Reviews;

// Measures a member's KPIs for a review period with the goals' own counting rules
// (GoalProgressQuery): the actual in the metric's unit, and the target of the member's goal on that
// metric for exactly that period — or, when they have none, the scorecard's own target.
public static class ReviewKpis
{
    public static async Task<Dictionary<int, KpiMeasure>> MeasureAsync(
        AppDbContext db, TimeZoneInfo zone, IReadOnlyList<ScorecardItem> items, long memberId, DateOnly start, DateOnly end,
        CancellationToken cancellationToken = default)
    {
        var kpis = items.Where(i => i.Kind == ScorecardItemKind.Kpi && i.Metric is not null).ToList();
        var metrics = kpis.Select(i => i.Metric!.Value).Distinct().ToList();
        var goals = await db.Goals.AsNoTracking()
            .Where(g => g.OwnerKind == GoalOwnerKind.Member && g.MemberId == memberId && g.ActivityType == null
                && g.StartDate == start && g.EndDate == end && metrics.Contains(g.Metric))
            .OrderByDescending(g => g.Status).ThenByDescending(g => g.Id)
            .Select(g => new { g.Metric, g.Target })
            .ToListAsync(cancellationToken);
        var result = new Dictionary<int, KpiMeasure>();
        foreach (var item in kpis)
        {
            var metric = item.Metric!.Value;
            var subject = new GoalSubject(GoalOwnerKind.Member, null, memberId, metric, null, GoalPeriodKind.Custom, start, end);
            var actual = (await GoalProgressQuery.LoadAsync(db, subject, zone, cancellationToken)).Actual;
            var goal = goals.FirstOrDefault(g => g.Metric == metric);
            result[item.Id] = goal is not null
                ? new KpiMeasure(actual, goal.Target, TargetFromGoal: true)
                : new KpiMeasure(actual, item.Target, TargetFromGoal: false);
        }
        return result;
    }
}
