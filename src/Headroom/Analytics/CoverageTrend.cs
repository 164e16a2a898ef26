using Headroom.Data;
using Headroom.Deals;
using Headroom.Goals;
using Headroom.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Headroom.Analytics;

// Pipeline coverage at the end of each bucket: the open pipeline at that moment, each deal
// weighted by the win probability of the stage it was in then (from the stage history), over what
// was left of the owner's won-revenue goal for the goal period enclosing the bucket's last day
// (its target less the revenue won from the goal's start to that day). Deals count for their owner
// now, like every trend: a deal handed over is the new owner's pipeline at every bucket end. No
// goal: no coverage; nothing left: the target is met, and there is no ratio to show.
public static class CoverageTrend
{
    public static async Task<IReadOnlyList<CoveragePoint>> LoadAsync(
        AppDbContext db, AccessScope scope, TrendBuckets buckets, IReadOnlyCollection<long>? owners, CoverageGoalOwner goalOwner,
        CancellationToken cancellationToken = default)
    {
        var ends = Enumerable.Range(0, buckets.Count).Select(i => buckets.Period(i).ToUtc).ToArray();
        var deals = scope.Deals(db);
        if (owners is not null)
        {
            var ids = owners.ToList();
            deals = deals.Where(d => d.OwnerId != null && ids.Contains(d.OwnerId.Value));
        }

        // Every deal open at some bucket's end: created before the last end, and not closed before
        // the first (a reopened deal has no close and is open throughout, as everywhere else).
        var (firstEnd, lastEnd) = (ends[0], ends[^1]);
        var open = deals.Where(d => d.CreatedUtc < lastEnd && (d.Outcome == DealOutcome.Open || d.ClosedUtc == null || d.ClosedUtc >= firstEnd));
        var rows = await open.Select(d => new { d.Id, d.AmountMinor, d.CreatedUtc, d.ClosedUtc, d.StageId }).ToListAsync(cancellationToken);
        var changes = (await db.DealStageChanges.Where(c => open.Select(d => d.Id).Contains(c.DealId) && c.ChangedUtc < lastEnd)
                .Select(c => new { c.DealId, c.FromStageId, c.ToStageId, c.ChangedUtc })
                .ToListAsync(cancellationToken))
            .OrderBy(c => c.ChangedUtc)
            .ToLookup(c => c.DealId);
        var probability = await db.PipelineStages.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.WinProbability, cancellationToken);

        // The stage a deal was in at a moment: the last move before it; before its first move
        // (a history that starts late, say an import), where that move came from.
        long StageAt(long dealId, long current, DateTime at)
        {
            var history = changes[dealId].ToList();
            if (history.Count == 0)
            {
                return current;
            }
            var last = history.LastOrDefault(c => c.ChangedUtc < at);
            return last?.ToStageId ?? history[0].FromStageId ?? history[0].ToStageId;
        }
        var weighted = ends.Select(end => (long)Math.Round(rows
                .Where(d => d.CreatedUtc < end && (d.ClosedUtc is not { } closed || closed >= end))
                .Sum(d => (decimal)d.AmountMinor * probability.GetValueOrDefault(StageAt(d.Id, d.StageId, end)) / 100m), MidpointRounding.AwayFromZero))
            .ToArray();

        // The goal enclosing each bucket's last day (the shortest, when goals nest), and the
        // revenue won towards it up to that day.
        var lastDays = buckets.Items.Select(b => b.End).ToArray();
        var (firstDay, lastDay) = (lastDays[0], lastDays[^1]);
        var goals = await Goals(db, goalOwner)
            .Where(g => g.StartDate <= lastDay && g.EndDate >= firstDay)
            .Select(g => new { g.Id, g.Name, g.StartDate, g.EndDate, g.Target })
            .ToListAsync(cancellationToken);
        var enclosing = lastDays.Select(day => goals.Where(g => g.StartDate <= day && g.EndDate >= day)
            .OrderBy(g => g.EndDate.DayNumber - g.StartDate.DayNumber).ThenBy(g => g.Id).FirstOrDefault()).ToArray();
        var won = new List<(DateTime ClosedUtc, long AmountMinor)>();
        if (enclosing.Any(g => g is not null))
        {
            var from = MetricsPeriod.Of(enclosing.Where(g => g is not null).Min(g => g!.StartDate), lastDays[^1].AddDays(1), buckets.Zone);
            won = [.. (await deals.Where(d => d.Outcome == DealOutcome.Won && d.ClosedUtc >= from.FromUtc && d.ClosedUtc < from.ToUtc)
                    .Select(d => new { ClosedUtc = d.ClosedUtc!.Value, d.AmountMinor }).ToListAsync(cancellationToken))
                .Select(d => (d.ClosedUtc, d.AmountMinor))];
        }

        var points = new List<CoveragePoint>(buckets.Count);
        for (var i = 0; i < buckets.Count; i++)
        {
            if (enclosing[i] is not { } goal)
            {
                points.Add(new CoveragePoint(lastDays[i], weighted[i], null, null, null, null, null, null, CoverageStatus.NoGoal));
                continue;
            }
            var sofar = MetricsPeriod.Of(goal.StartDate, lastDays[i].AddDays(1), buckets.Zone);
            var actual = won.Where(w => w.ClosedUtc >= sofar.FromUtc && w.ClosedUtc < sofar.ToUtc).Sum(w => w.AmountMinor);
            var remaining = Math.Max(0, goal.Target - actual);
            points.Add(remaining == 0
                ? new CoveragePoint(lastDays[i], weighted[i], goal.Id, goal.Name, goal.Target, actual, 0, null, CoverageStatus.TargetMet)
                : new CoveragePoint(lastDays[i], weighted[i], goal.Id, goal.Name, goal.Target, actual, remaining,
                    Math.Round((decimal)weighted[i] / remaining, 2, MidpointRounding.AwayFromZero), CoverageStatus.Shown));
        }
        return points;
    }

    private static IQueryable<Goal> Goals(AppDbContext db, CoverageGoalOwner owner)
    {
        var goals = db.Goals.AsNoTracking().Where(g => g.Metric == GoalMetric.WonRevenue);
        return owner.Kind switch
        {
            GoalOwnerKind.Member => goals.Where(g => g.OwnerKind == GoalOwnerKind.Member && g.MemberId == owner.Id),
            GoalOwnerKind.Team => goals.Where(g => g.OwnerKind == GoalOwnerKind.Team && g.TeamId == owner.Id),
            _ => goals.Where(g => g.OwnerKind == GoalOwnerKind.Organization),
        };
    }
}
