using System.Linq.Expressions;
using Headroom.Activities;
using Headroom.Data;
using Headroom.Deals;
using Headroom.Feedback;
using Headroom.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Headroom.Analytics;

// One metric over a run of buckets (weeks, months, fiscal quarters): the value of a group of
// members together (a team with its sub-teams, or everything the scope sees), of each member
// asked for, and the median of those members per bucket. The same rules as SalesMetrics: a deal
// counts for its owner now (a deal handed over counts for the new owner, in the bucket it closed
// in), activities for who logged them, feedback and new accounts for the account's owner; a
// reopened deal has no close and counts nowhere until it closes again. One query per kind of
// record for every member and bucket at once: the rows of closed deals, created deals, feedback
// and accounts are few and are put in buckets here; activities are counted by the database,
// grouped by member and bucket, from the per-day rollup (which keeps a count per type too).
public static class MetricTrend
{
    public static async Task<TrendValues> LoadAsync(
        AppDbContext db, AccessScope scope, TrendBuckets buckets, TrendMetric metric, ActivityType? activityType,
        IReadOnlyCollection<long>? groupMembers, IReadOnlyCollection<long> rowMembers, CancellationToken cancellationToken = default)
    {
        var ids = groupMembers is null ? null : groupMembers.Concat(rowMembers).Distinct().ToList();
        var tallies = await TallyAsync(db, scope, buckets, metric, activityType, ids, cancellationToken);

        var group = new TrendTally[buckets.Count];
        for (var i = 0; i < group.Length; i++)
        {
            group[i] = new TrendTally();
        }
        var inGroup = groupMembers?.ToHashSet();
        var byMember = new Dictionary<long, TrendTally[]>();
        foreach (var ((member, bucket), tally) in tallies)
        {
            if (inGroup is null || (member is { } m && inGroup.Contains(m)))
            {
                group[bucket].Add(tally);
            }
            if (member is { } owner)
            {
                if (!byMember.TryGetValue(owner, out var row))
                {
                    byMember[owner] = row = new TrendTally[buckets.Count];
                }
                row[bucket] = tally;
            }
        }
        var rows = rowMembers.Distinct().ToDictionary(
            id => id,
            id => (IReadOnlyList<decimal?>)[.. Enumerable.Range(0, buckets.Count)
                .Select(i => ValueOf(metric, byMember.GetValueOrDefault(id)?[i] ?? TrendTally.Empty))]);
        var median = Enumerable.Range(0, buckets.Count).Select(i => Median(rows.Values.Select(r => r[i]))).ToList();
        return new TrendValues([.. group.Select(t => ValueOf(metric, t))], median, rows);
    }

    // The figure of a tally; null for a ratio with nothing to divide.
    public static decimal? ValueOf(TrendMetric metric, TrendTally t) => metric switch
    {
        TrendMetric.WonRevenue or TrendMetric.PipelineCreated => t.Sum,
        TrendMetric.WinRate => t.Count + t.Lost == 0 ? null : Math.Round((decimal)t.Count / (t.Count + t.Lost), 4, MidpointRounding.AwayFromZero),
        TrendMetric.AverageDealSize => t.Count == 0 ? null : Math.Round((decimal)t.Sum / t.Count, MidpointRounding.AwayFromZero),
        TrendMetric.SalesCycleDays => t.Count == 0 ? null : Math.Round(t.Days / t.Count, 1, MidpointRounding.AwayFromZero),
        TrendMetric.Csat => t.Count == 0 ? null : Math.Round((decimal)t.Sum / t.Count, 2, MidpointRounding.AwayFromZero),
        TrendMetric.Nps => t.Count == 0 ? null : Math.Round(100m * (t.Promoters - t.Detractors) / t.Count, 1, MidpointRounding.AwayFromZero),
        _ => t.Count,
    };

    // The middle of the members that have a value (a rep with nothing closed has no win rate and
    // does not pull the median to 0); the mean of the two middle ones for an even number.
    public static decimal? Median(IEnumerable<decimal?> values)
    {
        var sorted = values.OfType<decimal>().Order().ToList();
        if (sorted.Count == 0)
        {
            return null;
        }
        return sorted.Count % 2 == 1
            ? sorted[sorted.Count / 2]
            : Math.Round((sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2, 4, MidpointRounding.AwayFromZero);
    }

    private static async Task<Dictionary<(long? Member, int Bucket), TrendTally>> TallyAsync(
        AppDbContext db, AccessScope scope, TrendBuckets buckets, TrendMetric metric, ActivityType? activityType, List<long>? ids,
        CancellationToken cancellationToken)
    {
        var span = buckets.Span;
        var tallies = new Dictionary<(long?, int), TrendTally>();
        TrendTally At(long? member, int bucket)
        {
            if (!tallies.TryGetValue((member, bucket), out var tally))
            {
                tallies[(member, bucket)] = tally = new TrendTally();
            }
            return tally;
        }
        async Task CountAsync(IQueryable<MemberBucket> keyed)
        {
            var counted = await keyed
                .GroupBy(k => new { k.MemberId, k.Bucket })
                .Select(g => new { g.Key.MemberId, g.Key.Bucket, Count = g.Sum(k => k.Value) })
                .ToListAsync(cancellationToken);
            foreach (var c in counted)
            {
                At(c.MemberId, c.Bucket).Count += c.Count;
            }
        }
        var deals = scope.Deals(db);
        if (ids is not null)
        {
            deals = deals.Where(d => d.OwnerId != null && ids.Contains(d.OwnerId.Value));
        }
        switch (metric)
        {
            case TrendMetric.WonRevenue or TrendMetric.DealsWon or TrendMetric.WinRate or TrendMetric.AverageDealSize or TrendMetric.SalesCycleDays:
                {
                    var closed = deals.Where(d => d.ClosedUtc >= span.FromUtc && d.ClosedUtc < span.ToUtc);
                    closed = metric == TrendMetric.WinRate
                        ? closed.Where(d => d.Outcome != DealOutcome.Open)
                        : closed.Where(d => d.Outcome == DealOutcome.Won);
                    var rows = await closed.Select(d => new { d.OwnerId, d.Outcome, d.AmountMinor, d.CreatedUtc, ClosedUtc = d.ClosedUtc!.Value })
                        .ToListAsync(cancellationToken);
                    foreach (var deal in rows)
                    {
                        var tally = At(deal.OwnerId, buckets.IndexOf(deal.ClosedUtc));
                        if (deal.Outcome == DealOutcome.Won)
                        {
                            tally.Count++;
                            tally.Sum += deal.AmountMinor;
                            tally.Days += (decimal)(deal.ClosedUtc - deal.CreatedUtc).TotalDays;
                        }
                        else
                        {
                            tally.Lost++;
                        }
                    }
                    break;
                }
            case TrendMetric.PipelineCreated:
                {
                    var rows = await deals.Where(d => d.CreatedUtc >= span.FromUtc && d.CreatedUtc < span.ToUtc)
                        .Select(d => new { d.OwnerId, d.AmountMinor, d.CreatedUtc })
                        .ToListAsync(cancellationToken);
                    foreach (var deal in rows)
                    {
                        var tally = At(deal.OwnerId, buckets.IndexOf(deal.CreatedUtc));
                        tally.Count++;
                        tally.Sum += deal.AmountMinor;
                    }
                    break;
                }
            case TrendMetric.NewAccounts:
                {
                    var accounts = scope.Accounts(db).Where(a => a.CreatedUtc >= span.FromUtc && a.CreatedUtc < span.ToUtc);
                    if (ids is not null)
                    {
                        accounts = accounts.Where(a => a.OwnerId != null && ids.Contains(a.OwnerId.Value));
                    }
                    var rows = await accounts.Select(a => new { a.OwnerId, a.CreatedUtc }).ToListAsync(cancellationToken);
                    foreach (var account in rows)
                    {
                        At(account.OwnerId, buckets.IndexOf(account.CreatedUtc)).Count++;
                    }
                    break;
                }
            case TrendMetric.Csat or TrendMetric.Nps:
                {
                    var kind = metric == TrendMetric.Csat ? FeedbackKind.Csat : FeedbackKind.Nps;
                    var feedback = scope.Feedback(db).Where(f => f.Kind == kind && f.Date >= span.FromDate && f.Date < span.ToDate);
                    if (ids is not null)
                    {
                        feedback = feedback.OnAccountsOwnedBy(db, ids);
                    }
                    var rows = await feedback
                        .Select(f => new { OwnerId = db.Accounts.Where(a => a.Id == f.AccountId).Select(a => a.OwnerId).FirstOrDefault(), f.Date, f.Score })
                        .ToListAsync(cancellationToken);
                    foreach (var answer in rows)
                    {
                        var tally = At(answer.OwnerId, buckets.IndexOf(answer.Date));
                        tally.Count++;
                        tally.Sum += answer.Score;
                        tally.Promoters += answer.Score >= 9 ? 1 : 0;
                        tally.Detractors += answer.Score <= 6 ? 1 : 0;
                    }
                    break;
                }
            case TrendMetric.Activities or TrendMetric.Visits:
                {
                    // The per-member-and-day rollup (its days are the member's own, like the
                    // dashboard's counts): every activity not cancelled, the visits among them, or
                    // those of the one type asked for.
                    var days = db.MemberActivityDays.Where(d => d.Day >= span.FromDate && d.Day < span.ToDate);
                    if (ids is not null)
                    {
                        days = days.Where(d => ids.Contains(d.MemberId));
                    }
                    else if (scope.Role != MemberRole.Admin)
                    {
                        var visible = scope.Members(db).Select(m => m.Id);
                        days = days.Where(d => visible.Contains(d.MemberId));
                    }
                    var ends = buckets.Items.Select(b => b.End.AddDays(1)).ToArray();
                    var count = CountOf(metric == TrendMetric.Visits ? ActivityType.Visit : activityType);
                    await CountAsync(days.Select(Keyed<Workload.MemberActivityDay, DateOnly>(d => d.MemberId, d => d.Day, count, ends)));
                    break;
                }
        }
        foreach (var key in tallies.Keys.Where(k => k.Item2 < 0).ToList())
        {
            tallies.Remove(key);
        }
        return tallies;
    }

    // A day's count of activities not cancelled, of one type or of all. Meetings holds meetings and
    // demos together (the workload's load), so the meetings alone are Meetings less Demos.
    private static Expression<Func<Workload.MemberActivityDay, int>> CountOf(ActivityType? type) => type switch
    {
        null => d => d.Activities,
        ActivityType.Call => d => d.Calls,
        ActivityType.Email => d => d.Emails,
        ActivityType.Meeting => d => d.Meetings - d.Demos,
        ActivityType.Visit => d => d.Visits,
        ActivityType.Demo => d => d.Demos,
        ActivityType.Message => d => d.Messages,
        ActivityType.Other => d => d.Others,
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    // x => new MemberBucket { MemberId = member(x), Bucket = BucketIndex(at(x)), Value = value(x) }.
    private static Expression<Func<T, MemberBucket>> Keyed<T, TAt>(
        Expression<Func<T, long>> member, Expression<Func<T, TAt>> at, Expression<Func<T, int>> value, TAt[] ends)
    {
        var x = at.Parameters[0];
        Expression Rebind(LambdaExpression lambda) => new Rebinder(lambda.Parameters[0], x).Visit(lambda.Body);
        var bucket = BucketIndex.Of(at, ends).Body;
        var body = Expression.MemberInit(
            Expression.New(typeof(MemberBucket)),
            Expression.Bind(typeof(MemberBucket).GetProperty(nameof(MemberBucket.MemberId))!, Rebind(member)),
            Expression.Bind(typeof(MemberBucket).GetProperty(nameof(MemberBucket.Bucket))!, bucket),
            Expression.Bind(typeof(MemberBucket).GetProperty(nameof(MemberBucket.Value))!, Rebind(value)));
        return Expression.Lambda<Func<T, MemberBucket>>(body, x);
    }

    private sealed class Rebinder(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }

    private sealed class MemberBucket
    {
        public long MemberId { get; init; }
        public int Bucket { get; init; }
        public int Value { get; init; }
    }
}

// Group: the value of the group together (a ratio over all its records, not an average of the
// members'); Median: the middle of the members asked for; ByMember: each member's values, one per
// bucket, in bucket order.
public sealed record TrendValues(IReadOnlyList<decimal?> Group, IReadOnlyList<decimal?> Median, IReadOnlyDictionary<long, IReadOnlyList<decimal?>> ByMember);
