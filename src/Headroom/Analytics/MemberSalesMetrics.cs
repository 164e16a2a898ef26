using Headroom.Activities;
using Headroom.Data;
using Headroom.Deals;
using Headroom.Feedback;
using Headroom.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Headroom.Analytics;

// SalesMetrics for many members at once, with the same rules (deals by owner, activities by who
// logged them, feedback by the account's owner), in one grouped query per kind of record instead
// of one set of queries per member; plus the team median of each figure, the yardstick each
// member is read against.
public static class MemberSalesMetrics
{
    public static async Task<Dictionary<long, SalesMetricsResult>> LoadAsync(
        AppDbContext db, AccessScope scope, MetricsPeriod period, IReadOnlyCollection<long> memberIds, CancellationToken cancellationToken = default)
    {
        var ids = memberIds.Distinct().ToList();
        var deals = scope.Deals(db).Where(d => d.OwnerId != null && ids.Contains(d.OwnerId.Value));

        var closed = await deals
            .Where(d => d.Outcome != DealOutcome.Open && d.ClosedUtc >= period.FromUtc && d.ClosedUtc < period.ToUtc)
            .Select(d => new { OwnerId = d.OwnerId!.Value, d.Outcome, d.AmountMinor, d.CreatedUtc, ClosedUtc = d.ClosedUtc!.Value })
            .ToListAsync(cancellationToken);
        var created = await deals
            .Where(d => d.CreatedUtc >= period.FromUtc && d.CreatedUtc < period.ToUtc)
            .GroupBy(d => d.OwnerId!.Value)
            .Select(g => new { OwnerId = g.Key, Count = g.Count(), AmountMinor = g.Sum(d => d.AmountMinor) })
            .ToDictionaryAsync(g => g.OwnerId, cancellationToken);
        var open = await deals
            .Where(d => d.Outcome == DealOutcome.Open)
            .GroupBy(d => d.OwnerId!.Value)
            .Select(g => new
            {
                OwnerId = g.Key,
                Count = g.Count(),
                AmountMinor = g.Sum(d => d.AmountMinor),
                WeightedTimes100 = g.Sum(d => d.AmountMinor * db.PipelineStages.Where(s => s.Id == d.StageId).Select(s => s.WinProbability).Single()),
            })
            .ToDictionaryAsync(g => g.OwnerId, cancellationToken);
        var volume = (await scope.Activities(db)
            .Where(a => ids.Contains(a.MemberId) && a.StartUtc >= period.FromUtc && a.StartUtc < period.ToUtc && a.Outcome != ActivityOutcome.Cancelled)
            .GroupBy(a => new { a.MemberId, a.Type })
            .Select(g => new { g.Key.MemberId, g.Key.Type, Count = g.Count(), Minutes = g.Sum(a => a.DurationMinutes) })
            .ToListAsync(cancellationToken))
            .ToLookup(v => v.MemberId);
        var scores = (await scope.Feedback(db)
            .Where(f => f.Date >= period.FromDate && f.Date < period.ToDate)
            .Join(db.Accounts.Where(a => a.OwnerId != null && ids.Contains(a.OwnerId.Value)), f => f.AccountId, a => a.Id, (f, a) => new { OwnerId = a.OwnerId!.Value, f.Kind, f.Score })
            .ToListAsync(cancellationToken))
            .ToLookup(s => s.OwnerId);
        var closedBy = closed.ToLookup(d => d.OwnerId);

        var result = new Dictionary<long, SalesMetricsResult>(ids.Count);
        foreach (var id in ids)
        {
            var mine = closedBy[id].ToList();
            var won = mine.Where(d => d.Outcome == DealOutcome.Won).ToList();
            created.TryGetValue(id, out var made);
            open.TryGetValue(id, out var pipeline);
            result[id] = SalesMetrics.Compose(
                [.. won.Select(d => (d.AmountMinor, d.CreatedUtc, d.ClosedUtc))], mine.Count - won.Count,
                made?.Count ?? 0, made?.AmountMinor ?? 0,
                pipeline?.Count ?? 0, pipeline?.AmountMinor ?? 0, pipeline?.WeightedTimes100 ?? 0,
                [.. volume[id].Select(v => new ActivityVolume(v.Type, v.Count, v.Minutes))],
                FeedbackSummary.Of(scores[id].Select(s => (s.Kind, s.Score))));
        }
        return result;
    }
}
