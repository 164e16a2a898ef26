using Headroom.Accounts;
using Headroom.Activities;
using Headroom.Data;
using Headroom.Deals;
using Headroom.Feedback;
using Headroom.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Headroom.Goals;

// A goal's actual value for its owner and period, counted from the records: the organization's
// whole book, a team's members with every sub-team (by the team they sit in now), or one member.
// A record counts for its owner now, so a deal handed to another rep counts for the new owner.
// Team and organization figures are aggregates over members the reader may not see one by one;
// only the sums leave this class (docs/decisions/0022-goals.md).
public static class GoalProgressQuery
{
    public static async Task<GoalActuals> LoadAsync(AppDbContext db, GoalSubject goal, TimeZoneInfo zone, CancellationToken cancellationToken = default)
    {
        var owners = await OwnerScopeAsync(db, goal, cancellationToken);
        var actual = await ActualAsync(db, owners, goal.Metric, goal.ActivityType, goal.Start, goal.End, zone, goal.ManualActual, cancellationToken);
        var pipeline = await WeightedPipelineAsync(owners.Deals(db), goal.Metric, goal.End, cancellationToken);
        return new GoalActuals(actual, pipeline);
    }

    // The owner's actual value in each of the `count` periods before the goal's, oldest first
    // (null where a ratio had nothing to divide), with the target of a goal they had then, if any.
    public static async Task<List<PastPeriod>> HistoryAsync(AppDbContext db, GoalSubject goal, int count, TimeZoneInfo zone, CancellationToken cancellationToken = default)
    {
        if (count <= 0)
        {
            return [];
        }
        var owners = await OwnerScopeAsync(db, goal, cancellationToken);
        var periods = new List<(DateOnly Start, DateOnly End)>();
        var (start, end) = (goal.Start, goal.End);
        for (var i = 0; i < count; i++)
        {
            (start, end) = GoalPeriods.Previous(goal.PeriodKind, start, end);
            periods.Insert(0, (start, end));
        }
        var first = periods[0].Start;
        var pastGoals = await db.Goals
            .Where(g => g.Metric == goal.Metric && g.OwnerKind == goal.OwnerKind && g.TeamId == goal.TeamId && g.MemberId == goal.MemberId
                && g.StartDate >= first && g.EndDate < goal.Start)
            .Select(g => new { g.StartDate, g.EndDate, g.Target, g.ManualActual })
            .ToListAsync(cancellationToken);
        var history = new List<PastPeriod>();
        foreach (var (from, to) in periods)
        {
            var past = pastGoals.FirstOrDefault(g => g.StartDate == from && g.EndDate == to);
            var actual = goal.Metric == GoalMetric.Manual
                ? past?.ManualActual
                : await ActualAsync(db, owners, goal.Metric, goal.ActivityType, from, to, zone, null, cancellationToken);
            history.Add(new PastPeriod(from, to, actual, past?.Target));
        }
        return history;
    }

    // Win rate, deal size, activities per won deal and hours per activity of the owner over the
    // twelve months before `before`: what turns a revenue target into the work it implies.
    public static async Task<OwnerRates> RatesAsync(AppDbContext db, GoalSubject goal, DateOnly before, TimeZoneInfo zone, CancellationToken cancellationToken = default)
    {
        var owners = await OwnerScopeAsync(db, goal, cancellationToken);
        var period = Analytics.MetricsPeriod.Of(before.AddMonths(-12), before, zone);
        var closed = await owners.Deals(db)
            .Where(d => d.Outcome != DealOutcome.Open && d.ClosedUtc >= period.FromUtc && d.ClosedUtc < period.ToUtc)
            .GroupBy(d => d.Outcome)
            .Select(g => new { Outcome = g.Key, Count = g.Count(), Amount = g.Sum(d => d.AmountMinor) })
            .ToListAsync(cancellationToken);
        var activities = await owners.Activities(db)
            .Where(a => a.StartUtc >= period.FromUtc && a.StartUtc < period.ToUtc
                && (a.Outcome == ActivityOutcome.Completed || a.Outcome == ActivityOutcome.NoAnswer))
            .GroupBy(_ => 1)
            .Select(g => new { Count = g.Count(), Minutes = g.Sum(a => a.DurationMinutes) })
            .SingleOrDefaultAsync(cancellationToken);
        var won = closed.Where(c => c.Outcome == DealOutcome.Won).Sum(c => c.Count);
        var wonAmount = closed.Where(c => c.Outcome == DealOutcome.Won).Sum(c => c.Amount);
        var all = closed.Sum(c => c.Count);
        return new OwnerRates(
            WinRate: all == 0 ? null : (double)won / all,
            AverageDealSizeMinor: won == 0 ? null : wonAmount / won,
            ActivitiesPerWonDeal: won == 0 || activities is null ? null : (double)activities.Count / won,
            HoursPerActivity: activities is null || activities.Count == 0 ? null : activities.Minutes / 60.0 / activities.Count);
    }

    // The members whose records count for the goal, as the scope a manager of that team (or an
    // admin, for the organization) would have.
    private static async Task<AccessScope> OwnerScopeAsync(AppDbContext db, GoalSubject goal, CancellationToken cancellationToken) => goal.OwnerKind switch
    {
        GoalOwnerKind.Team => await AccessScope.ForTeamAsync(db, goal.TeamId ?? 0, cancellationToken),
        GoalOwnerKind.Member => AccessScope.OfMember(goal.MemberId ?? 0),
        _ => AccessScope.WholeOrganization(),
    };

    private static async Task<long?> ActualAsync(
        AppDbContext db, AccessScope owners, GoalMetric metric, ActivityType? type, DateOnly start, DateOnly end, TimeZoneInfo zone, long? manual,
        CancellationToken cancellationToken)
    {
        var period = Analytics.MetricsPeriod.Of(start, end.AddDays(1), zone);
        var deals = owners.Deals(db);
        IQueryable<Deal> Closed(DealOutcome outcome) =>
            deals.Where(d => d.Outcome == outcome && d.ClosedUtc >= period.FromUtc && d.ClosedUtc < period.ToUtc);
        var logged = owners.Activities(db).Where(a => a.StartUtc >= period.FromUtc && a.StartUtc < period.ToUtc
            && (a.Outcome == ActivityOutcome.Completed || a.Outcome == ActivityOutcome.NoAnswer));
        IQueryable<CustomerFeedback> Feedback(FeedbackKind kind) =>
            owners.Feedback(db).Where(f => f.Kind == kind && f.Date >= period.FromDate && f.Date < period.ToDate);
        switch (metric)
        {
            case GoalMetric.WonRevenue:
                return await Closed(DealOutcome.Won).SumAsync(d => (long?)d.AmountMinor, cancellationToken) ?? 0;
            case GoalMetric.DealsWon:
                return await Closed(DealOutcome.Won).CountAsync(cancellationToken);
            case GoalMetric.PipelineCreated:
                return await deals.Where(d => d.CreatedUtc >= period.FromUtc && d.CreatedUtc < period.ToUtc)
                    .SumAsync(d => (long?)d.AmountMinor, cancellationToken) ?? 0;
            case GoalMetric.NewAccounts:
                return await owners.Accounts(db).Where(a => a.CreatedUtc >= period.FromUtc && a.CreatedUtc < period.ToUtc).CountAsync(cancellationToken);
            case GoalMetric.Activities:
                return type is { } only
                    ? await logged.Where(a => a.Type == only).CountAsync(cancellationToken)
                    : await logged.CountAsync(cancellationToken);
            case GoalMetric.Visits:
                // A visit counts once it has happened; a visit where nobody answered did not.
                return await logged.Where(a => a.Type == ActivityType.Visit && a.Outcome == ActivityOutcome.Completed).CountAsync(cancellationToken);
            case GoalMetric.WinRate:
                {
                    var won = await Closed(DealOutcome.Won).CountAsync(cancellationToken);
                    var lost = await Closed(DealOutcome.Lost).CountAsync(cancellationToken);
                    return won + lost == 0 ? null : RoundHalfAway(10_000m * won / (won + lost));
                }
            case GoalMetric.AverageSalesCycle:
                {
                    var cycles = await Closed(DealOutcome.Won).Select(d => new { d.CreatedUtc, ClosedUtc = d.ClosedUtc!.Value }).ToListAsync(cancellationToken);
                    return cycles.Count == 0 ? null : RoundHalfAway((decimal)cycles.Average(c => (c.ClosedUtc - c.CreatedUtc).TotalDays) * 10);
                }
            case GoalMetric.AverageCsat:
                {
                    var scores = await Feedback(FeedbackKind.Csat).Select(f => f.Score).ToListAsync(cancellationToken);
                    return scores.Count == 0 ? null : RoundHalfAway(100m * scores.Sum() / scores.Count);
                }
            case GoalMetric.Nps:
                {
                    var scores = await Feedback(FeedbackKind.Nps).Select(f => f.Score).ToListAsync(cancellationToken);
                    return scores.Count == 0 ? null
                        : RoundHalfAway(1000m * (scores.Count(s => s >= 9) - scores.Count(s => s <= 6)) / scores.Count);
                }
            default:
                return manual;
        }
    }

    // What the open pipeline is expected to add before the period ends: open deals expected to
    // close by then (or already overdue), weighted by their stage's win probability.
    public static async Task<long?> WeightedPipelineAsync(IQueryable<Deal> deals, GoalMetric metric, DateOnly end, CancellationToken cancellationToken)
    {
        if (metric is not (GoalMetric.WonRevenue or GoalMetric.DealsWon))
        {
            return null;
        }
        // Summed in the database: amount × probability is whole minor units × percent, so the sum
        // is exact and is divided by 100 once.
        var open = await deals
            .Where(d => d.Outcome == DealOutcome.Open && d.ExpectedCloseDate != null && d.ExpectedCloseDate <= end)
            .GroupBy(_ => 1)
            .Select(g => new { WeightedTimes100 = g.Sum(d => d.AmountMinor * d.Stage!.WinProbability), Percent = g.Sum(d => (long)d.Stage!.WinProbability) })
            .SingleOrDefaultAsync(cancellationToken);
        return metric == GoalMetric.WonRevenue
            ? RoundHalfAway((open?.WeightedTimes100 ?? 0) / 100m)
            : RoundHalfAway((open?.Percent ?? 0) / 100m);
    }

    private static long RoundHalfAway(decimal value) => (long)Math.Round(value, MidpointRounding.AwayFromZero);
}

// The parts of a goal the queries need; built from a Goal or from a form not saved yet.
public sealed record GoalSubject(
    GoalOwnerKind OwnerKind, long? TeamId, long? MemberId, GoalMetric Metric, ActivityType? ActivityType,
    GoalPeriodKind PeriodKind, DateOnly Start, DateOnly End, long? ManualActual = null)
{
    public static GoalSubject Of(Goal goal) => new(
        goal.OwnerKind, goal.TeamId, goal.MemberId, goal.Metric, goal.ActivityType, goal.PeriodKind, goal.StartDate, goal.EndDate, goal.ManualActual);
}

// Actual is null for a ratio with nothing to divide; WeightedPipeline only for revenue and deals won.
public sealed record GoalActuals(long? Actual, long? WeightedPipeline);

public sealed record PastPeriod(DateOnly Start, DateOnly End, long? Actual, long? Target);

// Ratios over the owner's last twelve months; null where there was nothing to divide.
public sealed record OwnerRates(double? WinRate, long? AverageDealSizeMinor, double? ActivitiesPerWonDeal, double? HoursPerActivity);
