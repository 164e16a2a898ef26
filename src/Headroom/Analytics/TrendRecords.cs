using Headroom.Activities;
using Headroom.Data;
using Headroom.Deals;
using Headroom.Feedback;
using Headroom.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Headroom.Analytics;

// The records behind one value of a trend: the deals won (or won and lost, for a win rate) or
// created in the bucket, the activities logged in it, the feedback dated in it or the accounts
// opened in it, for one member or a group, within the reader's scope; newest first, a page at a time.
// Activities are read in the organization's days here, while the trend counts them in the member's
// own days (the rollup); for a member in another zone a bucket's edge can differ by a few hours.
public static class TrendRecords
{
    public static async Task<TrendRecordPage> LoadAsync(
        AppDbContext db, AccessScope scope, MetricsPeriod bucket, TrendMetric metric, ActivityType? activityType, IReadOnlyCollection<long>? members,
        int page, int pageSize, CancellationToken cancellationToken = default)
    {
        var ids = members?.Distinct().ToList();
        switch (metric)
        {
            case TrendMetric.WonRevenue or TrendMetric.DealsWon or TrendMetric.WinRate or TrendMetric.AverageDealSize or TrendMetric.SalesCycleDays or TrendMetric.PipelineCreated:
                {
                    var deals = scope.Deals(db);
                    if (ids is not null)
                    {
                        deals = deals.Where(d => d.OwnerId != null && ids.Contains(d.OwnerId.Value));
                    }
                    if (metric == TrendMetric.PipelineCreated)
                    {
                        deals = deals.Where(d => d.CreatedUtc >= bucket.FromUtc && d.CreatedUtc < bucket.ToUtc);
                    }
                    else
                    {
                        deals = deals.Where(d => d.ClosedUtc >= bucket.FromUtc && d.ClosedUtc < bucket.ToUtc);
                        deals = metric == TrendMetric.WinRate ? deals.Where(d => d.Outcome != DealOutcome.Open) : deals.Where(d => d.Outcome == DealOutcome.Won);
                    }
                    var total = await deals.CountAsync(cancellationToken);
                    var items = await deals
                        .OrderByDescending(d => metric == TrendMetric.PipelineCreated ? d.CreatedUtc : d.ClosedUtc).ThenByDescending(d => d.Id)
                        .Skip((page - 1) * pageSize).Take(pageSize)
                        .Select(d => new TrendRecord(
                            TrendRecordKind.Deal, d.Id, d.Name, d.OwnerId, d.Owner == null ? null : d.Owner.Name,
                            metric == TrendMetric.PipelineCreated ? d.CreatedUtc : d.ClosedUtc, null, d.AmountMinor, d.Outcome.ToString(), null))
                        .ToListAsync(cancellationToken);
                    return new TrendRecordPage(items, page, pageSize, total);
                }
            case TrendMetric.Activities or TrendMetric.Visits:
                {
                    var activities = scope.Activities(db)
                        .Where(a => a.Outcome != ActivityOutcome.Cancelled && a.StartUtc >= bucket.FromUtc && a.StartUtc < bucket.ToUtc);
                    var type = metric == TrendMetric.Visits ? ActivityType.Visit : activityType;
                    if (type is { } only)
                    {
                        activities = activities.Where(a => a.Type == only);
                    }
                    if (ids is not null)
                    {
                        activities = activities.Where(a => ids.Contains(a.MemberId));
                    }
                    var total = await activities.CountAsync(cancellationToken);
                    var items = await activities.OrderByDescending(a => a.StartUtc).ThenByDescending(a => a.Id)
                        .Skip((page - 1) * pageSize).Take(pageSize)
                        .Select(a => new TrendRecord(
                            TrendRecordKind.Activity, a.Id, a.Notes ?? "", a.MemberId, db.Members.Where(m => m.Id == a.MemberId).Select(m => m.Name).FirstOrDefault(),
                            a.StartUtc, null, null, a.Type.ToString(), a.DurationMinutes))
                        .ToListAsync(cancellationToken);
                    return new TrendRecordPage(items, page, pageSize, total);
                }
            case TrendMetric.Csat or TrendMetric.Nps:
                {
                    var kind = metric == TrendMetric.Csat ? FeedbackKind.Csat : FeedbackKind.Nps;
                    var feedback = scope.Feedback(db).Where(f => f.Kind == kind && f.Date >= bucket.FromDate && f.Date < bucket.ToDate);
                    if (ids is not null)
                    {
                        feedback = feedback.OnAccountsOwnedBy(db, ids);
                    }
                    var total = await feedback.CountAsync(cancellationToken);
                    var items = await feedback.OrderByDescending(f => f.Date).ThenByDescending(f => f.Id)
                        .Skip((page - 1) * pageSize).Take(pageSize)
                        .Select(f => new
                        {
                            f.Id, f.AccountId, f.Date, f.Score, f.Kind,
                            Account = db.Accounts.Where(a => a.Id == f.AccountId).Select(a => new { a.Name, a.OwnerId, Owner = a.Owner == null ? null : a.Owner.Name }).FirstOrDefault(),
                        })
                        .ToListAsync(cancellationToken);
                    return new TrendRecordPage(
                        [.. items.Select(f => new TrendRecord(
                            TrendRecordKind.Feedback, f.Id, f.Account?.Name ?? "", f.Account?.OwnerId, f.Account?.Owner, null, f.Date, null, f.Kind.ToString(), f.Score, f.AccountId))],
                        page, pageSize, total);
                }
            default:
                {
                    var accounts = scope.Accounts(db).Where(a => a.CreatedUtc >= bucket.FromUtc && a.CreatedUtc < bucket.ToUtc);
                    if (ids is not null)
                    {
                        accounts = accounts.Where(a => a.OwnerId != null && ids.Contains(a.OwnerId.Value));
                    }
                    var total = await accounts.CountAsync(cancellationToken);
                    var items = await accounts.OrderByDescending(a => a.CreatedUtc).ThenByDescending(a => a.Id)
                        .Skip((page - 1) * pageSize).Take(pageSize)
                        .Select(a => new TrendRecord(TrendRecordKind.Account, a.Id, a.Name, a.OwnerId, a.Owner == null ? null : a.Owner.Name, a.CreatedUtc, null, null, a.Tier.ToString(), null))
                        .ToListAsync(cancellationToken);
                    return new TrendRecordPage(items, page, pageSize, total);
                }
        }
    }
}

public enum TrendRecordKind
{
    Deal = 0,
    Activity = 1,
    Feedback = 2,
    Account = 3,
}

// One record behind a value: AtUtc for deals (closed, or created for pipeline created),
// activities (start) and accounts (opened); Date for feedback. Detail is the deal's outcome, the
// activity's type, the feedback's kind or the account's tier; Number the activity's minutes or
// the feedback's score; AccountId the account a feedback answer belongs to.
public sealed record TrendRecord(
    TrendRecordKind Kind, long Id, string Title, long? MemberId, string? MemberName, DateTime? AtUtc, DateOnly? Date, long? AmountMinor, string Detail, int? Number,
    long? AccountId = null);

public sealed record TrendRecordPage(IReadOnlyList<TrendRecord> Items, int Page, int PageSize, int Total);
