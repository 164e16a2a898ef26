using Headroom.Activities;
using Headroom.Data;
using Headroom.Deals;
using Headroom.Feedback;
using Headroom.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Headroom.Analytics;

// The sales figures a manager reads for a period, over exactly the records an AccessScope allows
// (optionally one member's): won revenue, win rate, average deal size and sales cycle of the deals
// closed in the period, pipeline created in it, the open pipeline now (plain and weighted by the
// stages' win probabilities), activity volume by type, and CSAT / NPS of the feedback dated in it.
// Ratios are null when there is nothing to divide, never a misleading zero.
public static class SalesMetrics
{
    public static Task<SalesMetricsResult> LoadAsync(
        AppDbContext db, AccessScope scope, MetricsPeriod period, long? memberId = null, CancellationToken cancellationToken = default) =>
        LoadAsync(db, scope, period, memberId is { } member ? new[] { member } : null, cancellationToken: cancellationToken);

    // The figures of a group of members together (a team with its sub-teams), or of everything
    // the scope sees when memberIds is null. Without activityVolume the activities are not read
    // (a caller that counts them from MemberActivityDay).
    public static async Task<SalesMetricsResult> LoadAsync(
        AppDbContext db, AccessScope scope, MetricsPeriod period, IReadOnlyCollection<long>? memberIds, bool activityVolume = true,
        CancellationToken cancellationToken = default)
    {
        var deals = scope.Deals(db);
        var activities = scope.Activities(db);
        var feedback = scope.Feedback(db);
        if (memberIds is not null)
        {
            var ids = memberIds.Distinct().ToList();
            deals = deals.Where(d => d.OwnerId != null && ids.Contains(d.OwnerId.Value));
            activities = activities.Where(a => ids.Contains(a.MemberId));
            feedback = feedback.OnAccountsOwnedBy(db, ids);
        }

        var closed = await deals
            .Where(d => (d.Outcome == DealOutcome.Won || d.Outcome == DealOutcome.Lost) && d.ClosedUtc >= period.FromUtc && d.ClosedUtc < period.ToUtc)
            .Select(d => new { d.Outcome, d.AmountMinor, d.CreatedUtc, ClosedUtc = d.ClosedUtc!.Value })
            .ToListAsync(cancellationToken);
        var won = closed.Where(d => d.Outcome == DealOutcome.Won).ToList();
        var lost = closed.Count - won.Count;

        var created = await deals
            .Where(d => d.CreatedUtc >= period.FromUtc && d.CreatedUtc < period.ToUtc)
            .GroupBy(_ => 1)
            .Select(g => new { Count = g.Count(), AmountMinor = g.Sum(d => d.AmountMinor) })
            .SingleOrDefaultAsync(cancellationToken);
        var open = await deals
            .Where(d => d.Outcome == DealOutcome.Open)
            .GroupBy(_ => 1)
            .Select(g => new
            {
                Count = g.Count(),
                AmountMinor = g.Sum(d => d.AmountMinor),
                WeightedTimes100 = g.Sum(d => d.AmountMinor * db.PipelineStages.Where(s => s.Id == d.StageId).Select(s => s.WinProbability).Single()),
            })
            .SingleOrDefaultAsync(cancellationToken);

        var volume = !activityVolume ? [] : await activities
            .Where(a => a.StartUtc >= period.FromUtc && a.StartUtc < period.ToUtc && a.Outcome != ActivityOutcome.Cancelled)
            .GroupBy(a => a.Type)
            .Select(g => new ActivityVolume(g.Key, g.Count(), g.Sum(a => a.DurationMinutes)))
            .ToListAsync(cancellationToken);

        var scores = await feedback.Where(f => f.Date >= period.FromDate && f.Date < period.ToDate).SummarizeAsync(cancellationToken);

        return Compose(
            [.. won.Select(d => (d.AmountMinor, d.CreatedUtc, d.ClosedUtc))], lost,
            created?.Count ?? 0, created?.AmountMinor ?? 0,
            open?.Count ?? 0, open?.AmountMinor ?? 0, open?.WeightedTimes100 ?? 0,
            volume, scores);
    }

    // The figures from what was read; MemberSalesMetrics reads the same per member.
    internal static SalesMetricsResult Compose(
        IReadOnlyList<(long AmountMinor, DateTime CreatedUtc, DateTime ClosedUtc)> won, int lost,
        int dealsCreated, long pipelineCreatedMinor, int openDeals, long openPipelineMinor, long weightedTimes100,
        IEnumerable<ActivityVolume> volume, FeedbackSummary feedback)
    {
        var closed = won.Count + lost;
        return new SalesMetricsResult(
            WonRevenueMinor: won.Sum(d => d.AmountMinor),
            DealsWon: won.Count,
            DealsLost: lost,
            WinRate: closed == 0 ? null : Math.Round((decimal)won.Count / closed, 4, MidpointRounding.AwayFromZero),
            AverageDealSizeMinor: won.Count == 0 ? null : (long)Math.Round((decimal)won.Sum(d => d.AmountMinor) / won.Count, MidpointRounding.AwayFromZero),
            AverageSalesCycleDays: won.Count == 0 ? null
                : Math.Round((decimal)won.Average(d => (d.ClosedUtc - d.CreatedUtc).TotalDays), 1, MidpointRounding.AwayFromZero),
            DealsCreated: dealsCreated,
            PipelineCreatedMinor: pipelineCreatedMinor,
            OpenDeals: openDeals,
            OpenPipelineMinor: openPipelineMinor,
            WeightedOpenPipelineMinor: (long)Math.Round(weightedTimes100 / 100m, MidpointRounding.AwayFromZero),
            Activities: volume.OrderBy(v => v.Type).ToList(),
            Feedback: feedback);
    }
}

// [From, To) in UTC for times, and the same local days [FromDate, ToDate) for dates; built from
// local dates in the organization's (or reader's) time zone.
public sealed record MetricsPeriod(DateTime FromUtc, DateTime ToUtc, DateOnly FromDate, DateOnly ToDate)
{
    public static MetricsPeriod Of(DateOnly from, DateOnly toExclusive, TimeZoneInfo zone)
    {
        if (toExclusive <= from)
        {
            throw new ArgumentException("The period must end after it starts.", nameof(toExclusive));
        }
        return new MetricsPeriod(
            TimeZoneInfo.ConvertTimeToUtc(from.ToDateTime(TimeOnly.MinValue), zone),
            TimeZoneInfo.ConvertTimeToUtc(toExclusive.ToDateTime(TimeOnly.MinValue), zone),
            from, toExclusive);
    }
}

public sealed record ActivityVolume(ActivityType Type, int Count, int Minutes);

public sealed record SalesMetricsResult(
    long WonRevenueMinor, int DealsWon, int DealsLost, decimal? WinRate, long? AverageDealSizeMinor, decimal? AverageSalesCycleDays,
    int DealsCreated, long PipelineCreatedMinor, int OpenDeals, long OpenPipelineMinor, long WeightedOpenPipelineMinor,
    IReadOnlyList<ActivityVolume> Activities, FeedbackSummary Feedback);
