using Headroom.Data;
using Headroom.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Headroom.Analytics;

// The stage funnel by bucket: for the deals created in each bucket (the cohort StageFunnel takes
// for one period), how many reached each open stage and the share of those that reached the next
// one, with StageFunnel's rules (stage history; a won deal passed every stage). Deals count for
// their owner now, like every trend. One query reads the cohorts of every bucket at once.
public static class FunnelTrend
{
    public static async Task<IReadOnlyList<FunnelResult>> LoadAsync(
        AppDbContext db, AccessScope scope, TrendBuckets buckets, IReadOnlyCollection<long>? owners, CancellationToken cancellationToken = default)
    {
        var stages = await StageFunnel.OpenStagesAsync(db, cancellationToken);
        var deals = await StageFunnel.WithFurthest(db, StageFunnel.Cohort(db, scope, buckets.Span, owners)).ToListAsync(cancellationToken);
        var byBucket = deals.ToLookup(d => buckets.IndexOf(d.CreatedUtc));
        return [.. Enumerable.Range(0, buckets.Count).Select(i => StageFunnel.Summarize(stages, [.. byBucket[i]]))];
    }

    // The deals created in the bucket that reached the stage, newest first; null when the stage
    // is not an open stage of the pipeline.
    public static async Task<TrendRecordPage?> RecordsAsync(
        AppDbContext db, AccessScope scope, MetricsPeriod bucket, long stageId, IReadOnlyCollection<long>? owners, int page, int pageSize,
        CancellationToken cancellationToken = default)
    {
        var stages = await StageFunnel.OpenStagesAsync(db, cancellationToken);
        var index = stages.Select(s => s.Id).ToList().IndexOf(stageId);
        if (index < 0)
        {
            return null;
        }
        // A bucket's cohort is small (the deals one team opened in a month): the stage each
        // reached is worked out here, with the funnel's own rule, and the page cut from it.
        var reached = (await StageFunnel.WithFurthest(db, StageFunnel.Cohort(db, scope, bucket, owners)).ToListAsync(cancellationToken))
            .Where(d => StageFunnel.LastReached(stages, d) >= index)
            .OrderByDescending(d => d.CreatedUtc).ThenByDescending(d => d.Id)
            .ToList();
        var ids = reached.Skip((page - 1) * pageSize).Take(pageSize).Select(d => d.Id).ToList();
        var rows = await db.Deals.Where(d => ids.Contains(d.Id))
            .Select(d => new TrendRecord(
                TrendRecordKind.Deal, d.Id, d.Name, d.OwnerId, d.Owner == null ? null : d.Owner.Name, d.CreatedUtc, null, d.AmountMinor, d.Outcome.ToString(), null))
            .ToListAsync(cancellationToken);
        var items = ids.Select(id => rows.Single(r => r.Id == id)).ToList();
        return new TrendRecordPage(items, page, pageSize, reached.Count);
    }
}
