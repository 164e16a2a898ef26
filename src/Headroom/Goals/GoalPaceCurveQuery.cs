using Headroom.Activities;
using Headroom.Analytics;
using Headroom.Data;
using Headroom.Deals;
using Headroom.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Headroom.Goals;

// The cumulative actual of a goal at each day its pace curve is drawn at, counted with
// GoalProgressQuery's rules (a record counts for its owner now; activities done or unanswered;
// visits done), in one query grouped by those days, then drawn by PaceCurve. Ratios and manual
// goals have no curve: they are read as they stand.
public static class GoalPaceCurveQuery
{
    public static async Task<IReadOnlyList<PacePoint>?> LoadAsync(
        AppDbContext db, GoalContext context, GoalSubject goal, long target, GoalPace pace, DateOnly today, CancellationToken cancellationToken = default)
    {
        var info = GoalMetrics.Of(goal.Metric);
        if (!info.Cumulative || !info.Computed)
        {
            return null;
        }
        var days = PaceCurve.SampleDays(goal.Start, goal.End, today);
        var counted = days.Where(d => d <= today).ToList();
        var cumulative = new long[counted.Count];
        if (counted.Count > 0)
        {
            var zone = context.Zone;
            var span = MetricsPeriod.Of(goal.Start, counted[^1].AddDays(1), zone);
            var ends = counted.Select(d => TimeZoneInfo.ConvertTimeToUtc(d.AddDays(1).ToDateTime(TimeOnly.MinValue), zone)).ToArray();
            var owners = goal.OwnerKind switch
            {
                GoalOwnerKind.Team => await AccessScope.ForTeamAsync(db, goal.TeamId ?? 0, cancellationToken),
                GoalOwnerKind.Member => AccessScope.OfMember(goal.MemberId ?? 0),
                _ => AccessScope.WholeOrganization(),
            };
            var won = owners.Deals(db).Where(d => d.Outcome == DealOutcome.Won && d.ClosedUtc >= span.FromUtc && d.ClosedUtc < span.ToUtc);
            var created = owners.Deals(db).Where(d => d.CreatedUtc >= span.FromUtc && d.CreatedUtc < span.ToUtc);
            var logged = owners.Activities(db).Where(a => a.StartUtc >= span.FromUtc && a.StartUtc < span.ToUtc
                && (a.Outcome == ActivityOutcome.Completed || a.Outcome == ActivityOutcome.NoAnswer));
            if (goal.Metric == GoalMetric.Activities && goal.ActivityType is { } only)
            {
                logged = logged.Where(a => a.Type == only);
            }
            else if (goal.Metric == GoalMetric.Visits)
            {
                logged = logged.Where(a => a.Type == ActivityType.Visit && a.Outcome == ActivityOutcome.Completed);
            }
            var sums = goal.Metric switch
            {
                GoalMetric.WonRevenue => await won.GroupBy(BucketIndex.Of<Deal, DateTime>(d => d.ClosedUtc!.Value, ends))
                    .Select(g => new { Bucket = g.Key, Value = g.Sum(d => d.AmountMinor) }).ToDictionaryAsync(g => g.Bucket, g => g.Value, cancellationToken),
                GoalMetric.DealsWon => await won.GroupBy(BucketIndex.Of<Deal, DateTime>(d => d.ClosedUtc!.Value, ends))
                    .Select(g => new { Bucket = g.Key, Value = (long)g.Count() }).ToDictionaryAsync(g => g.Bucket, g => g.Value, cancellationToken),
                GoalMetric.PipelineCreated => await created.GroupBy(BucketIndex.Of<Deal, DateTime>(d => d.CreatedUtc, ends))
                    .Select(g => new { Bucket = g.Key, Value = g.Sum(d => d.AmountMinor) }).ToDictionaryAsync(g => g.Bucket, g => g.Value, cancellationToken),
                GoalMetric.NewAccounts => await owners.Accounts(db).Where(a => a.CreatedUtc >= span.FromUtc && a.CreatedUtc < span.ToUtc)
                    .GroupBy(BucketIndex.Of<Accounts.Account, DateTime>(a => a.CreatedUtc, ends))
                    .Select(g => new { Bucket = g.Key, Value = (long)g.Count() }).ToDictionaryAsync(g => g.Bucket, g => g.Value, cancellationToken),
                _ => await logged.GroupBy(BucketIndex.Of<SalesActivity, DateTime>(a => a.StartUtc, ends))
                    .Select(g => new { Bucket = g.Key, Value = (long)g.Count() }).ToDictionaryAsync(g => g.Bucket, g => g.Value, cancellationToken),
            };
            Accumulate(sums, cumulative);
        }
        return Build(context, goal, target, pace, today, days, cumulative);
    }

    private static void Accumulate(IReadOnlyDictionary<int, long> sums, long[] cumulative)
    {
        long running = 0;
        for (var i = 0; i < cumulative.Length; i++)
        {
            running += sums.GetValueOrDefault(i);
            cumulative[i] = running;
        }
    }

    private static IReadOnlyList<PacePoint> Build(
        GoalContext context, GoalSubject goal, long target, GoalPace pace, DateOnly today, IReadOnlyList<DateOnly> days, long[] cumulative)
    {
        long? weighted = pace.PipelineProjection is { } projected && pace.Actual is { } actual ? projected - actual : null;
        return PaceCurve.Build(days, cumulative, context.WorkingDays(goal.Start, goal.End), goal.Start, today, target, weighted);
    }
}
