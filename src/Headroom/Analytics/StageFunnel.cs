using Headroom.Data;
using Headroom.Deals;
using Headroom.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Headroom.Analytics;

// The stage-to-stage funnel of the deals created in a period (a cohort, so every deal is counted
// once however long it runs): how many reached each open stage, read from the stage history, and
// how many of those went on to the next one; the last step is winning. A won deal counts as having
// passed every stage, also one imported as won without a history. FunnelTrend cuts the same
// funnel by bucket with these rules.
public static class StageFunnel
{
    public static async Task<FunnelResult> LoadAsync(
        AppDbContext db, AccessScope scope, MetricsPeriod period, IReadOnlyCollection<long>? ownerIds = null, CancellationToken cancellationToken = default)
    {
        var stages = await OpenStagesAsync(db, cancellationToken);
        var deals = await WithFurthest(db, Cohort(db, scope, period, ownerIds)).ToListAsync(cancellationToken);
        return Summarize(stages, deals);
    }

    // The deals created in the period, of the given owners (now) if any, within the scope.
    internal static IQueryable<Deal> Cohort(AppDbContext db, AccessScope scope, MetricsPeriod period, IReadOnlyCollection<long>? ownerIds)
    {
        var cohort = scope.Deals(db).Where(d => d.CreatedUtc >= period.FromUtc && d.CreatedUtc < period.ToUtc);
        if (ownerIds is not null)
        {
            var owners = ownerIds.ToList();
            cohort = cohort.Where(d => d.OwnerId != null && owners.Contains(d.OwnerId.Value));
        }
        return cohort;
    }

    // The open stages in pipeline order.
    internal static async Task<IReadOnlyList<FunnelStageRef>> OpenStagesAsync(AppDbContext db, CancellationToken cancellationToken) =>
        await db.PipelineStages.AsNoTracking().Where(s => s.ClosesAs == null)
            .OrderBy(s => s.SortOrder).ThenBy(s => s.Id)
            .Select(s => new FunnelStageRef(s.Id, s.Name, s.SortOrder))
            .ToListAsync(cancellationToken);

    // Each deal with the sort order of the furthest open stage its history shows it entered.
    internal static IQueryable<FunnelDeal> WithFurthest(AppDbContext db, IQueryable<Deal> deals) =>
        deals.Select(d => new FunnelDeal
        {
            Id = d.Id,
            OwnerId = d.OwnerId,
            CreatedUtc = d.CreatedUtc,
            Outcome = d.Outcome,
            Furthest = db.DealStageChanges.Where(c => c.DealId == d.Id)
                .Join(db.PipelineStages.Where(s => s.ClosesAs == null), c => c.ToStageId, s => s.Id, (c, s) => (int?)s.SortOrder)
                .Max(),
        });

    // The index of the last stage a deal reached: every stage for a won deal, else the furthest
    // its history shows; every deal reached the first.
    internal static int LastReached(IReadOnlyList<FunnelStageRef> stages, FunnelDeal deal)
    {
        var index = deal.Outcome == DealOutcome.Won
            ? stages.Count - 1
            : deal.Furthest is { } sort ? LastAtOrBefore(stages, sort) : 0;
        return Math.Max(0, index);
    }

    private static int LastAtOrBefore(IReadOnlyList<FunnelStageRef> stages, int sort)
    {
        for (var i = stages.Count - 1; i >= 0; i--)
        {
            if (stages[i].SortOrder <= sort)
            {
                return i;
            }
        }
        return -1;
    }

    internal static FunnelResult Summarize(IReadOnlyList<FunnelStageRef> stages, IReadOnlyCollection<FunnelDeal> deals)
    {
        var reached = new int[stages.Count];
        foreach (var deal in deals)
        {
            var last = LastReached(stages, deal);
            for (var i = 0; i <= last && i < stages.Count; i++)
            {
                reached[i]++;
            }
        }
        var won = deals.Count(d => d.Outcome == DealOutcome.Won);
        var steps = new List<FunnelStage>(stages.Count);
        for (var i = 0; i < stages.Count; i++)
        {
            var next = i + 1 < stages.Count ? reached[i + 1] : won;
            steps.Add(new FunnelStage(stages[i].Id, stages[i].Name, reached[i], reached[i] == 0 ? null : Math.Round((decimal)next / reached[i], 4, MidpointRounding.AwayFromZero)));
        }
        return new FunnelResult(deals.Count, won, deals.Count(d => d.Outcome == DealOutcome.Lost), steps);
    }
}

public sealed record FunnelResult(int Deals, int Won, int Lost, IReadOnlyList<FunnelStage> Stages);

// ConversionToNext: the share of the deals that reached this stage and reached the next one (for
// the last open stage: were won); null when none reached this stage.
public sealed record FunnelStage(long StageId, string Name, int Reached, decimal? ConversionToNext);
