using Headroom.Data;
using Microsoft.EntityFrameworkCore;

namespace Headroom.Feedback;

public static class FeedbackQueries
{
    // Feedback belongs to the account, and so to the account's owner. Written as "account id in
    // the members' accounts" rather than a correlated EXISTS per feedback row: SQLite then starts
    // from the owners' accounts and seeks each one's feedback by (OrgId, AccountId, Date), where
    // the EXISTS form scans every feedback row of the organization (4–10 ms for one rep).
    public static IQueryable<CustomerFeedback> OnAccountsOwnedBy(this IQueryable<CustomerFeedback> feedback, AppDbContext db, IReadOnlyCollection<long> memberIds)
    {
        var accounts = db.Accounts.Where(a => a.OwnerId != null && memberIds.Contains(a.OwnerId.Value)).Select(a => a.Id);
        return feedback.Where(f => accounts.Contains(f.AccountId));
    }

    // CSAT and NPS of the feedback, counted by the database (one row per kind, not per answer).
    public static async Task<FeedbackSummary> SummarizeAsync(this IQueryable<CustomerFeedback> feedback, CancellationToken cancellationToken = default)
    {
        var groups = await feedback.GroupBy(f => f.Kind).Select(g => new
        {
            Kind = g.Key,
            Count = g.Count(),
            Sum = g.Sum(f => (long)f.Score),
            Promoters = g.Count(f => f.Score >= 9),
            Detractors = g.Count(f => f.Score <= 6),
        }).ToListAsync(cancellationToken);
        var csat = groups.SingleOrDefault(g => g.Kind == FeedbackKind.Csat);
        var nps = groups.SingleOrDefault(g => g.Kind == FeedbackKind.Nps);
        return FeedbackSummary.Of(csat?.Count ?? 0, csat?.Sum ?? 0, nps?.Count ?? 0, nps?.Promoters ?? 0, nps?.Detractors ?? 0);
    }
}
