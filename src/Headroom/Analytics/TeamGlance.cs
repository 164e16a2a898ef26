using Headroom.Activities;
using Headroom.Data;
using Headroom.Deals;
using Headroom.FollowUps;
using Headroom.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Headroom.Analytics;

// A manager's team at a glance: for each active member in scope, their open deals and pipeline,
// deals past their expected close, open and overdue follow-ups with the hours they carry, and the
// activity logged this week. Members are paged first and the figures counted for that page only,
// so every query is a range on an index that leads with (OrgId, member).
public static class TeamGlance
{
    public static async Task<TeamGlancePage> LoadAsync(
        AppDbContext db, AccessScope scope, TeamGlancePeriod period, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        var members = scope.Members(db).Where(m => m.Active);
        var total = await members.CountAsync(cancellationToken);
        var rows = await members
            .OrderBy(m => m.Team == null ? null : m.Team.Name).ThenBy(m => m.Name).ThenBy(m => m.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(m => new { m.Id, m.Name, m.Role, TeamName = m.Team == null ? null : m.Team.Name })
            .ToListAsync(cancellationToken);
        var ids = rows.Select(m => (long?)m.Id).ToList();
        var memberIds = rows.Select(m => m.Id).ToList();

        var deals = await db.Deals
            .Where(d => ids.Contains(d.OwnerId) && d.Outcome == DealOutcome.Open)
            .GroupBy(d => d.OwnerId!.Value)
            .Select(g => new
            {
                MemberId = g.Key,
                Count = g.Count(),
                AmountMinor = g.Sum(d => d.AmountMinor),
                Slipping = g.Count(d => d.ExpectedCloseDate != null && d.ExpectedCloseDate < period.Today),
            })
            .ToDictionaryAsync(d => d.MemberId, cancellationToken);
        var followUps = await db.FollowUps
            .Where(f => ids.Contains(f.AssigneeId) && f.Status == FollowUpStatus.Open)
            .GroupBy(f => f.AssigneeId!.Value)
            .Select(g => new
            {
                MemberId = g.Key,
                Count = g.Count(),
                Overdue = g.Count(f => f.DueUtc < period.NowUtc),
                EffortHours = g.Sum(f => f.EffortHours),
            })
            .ToDictionaryAsync(f => f.MemberId, cancellationToken);
        var activities = await db.SalesActivities
            .Where(a => memberIds.Contains(a.MemberId) && a.StartUtc >= period.WeekStartUtc && a.StartUtc < period.NowUtc)
            .GroupBy(a => a.MemberId)
            .Select(g => new { MemberId = g.Key, Count = g.Count(), Minutes = g.Sum(a => a.DurationMinutes) })
            .ToDictionaryAsync(a => a.MemberId, cancellationToken);

        var items = rows.Select(m =>
        {
            var deal = deals.GetValueOrDefault(m.Id);
            var followUp = followUps.GetValueOrDefault(m.Id);
            var activity = activities.GetValueOrDefault(m.Id);
            return new MemberGlance(
                m.Id, m.Name, m.Role, m.TeamName,
                deal?.Count ?? 0, deal?.AmountMinor ?? 0, deal?.Slipping ?? 0,
                followUp?.Count ?? 0, followUp?.Overdue ?? 0, followUp?.EffortHours ?? 0,
                activity?.Count ?? 0, activity?.Minutes ?? 0);
        }).ToList();
        return new TeamGlancePage(items, page, pageSize, total);
    }

    // Open follow-ups past due across the scope, oldest first.
    public static Task<List<AttentionItem>> OverdueFollowUpsAsync(
        AppDbContext db, AccessScope scope, TeamGlancePeriod period, int take, CancellationToken cancellationToken = default) =>
        scope.FollowUps(db)
            .Where(f => f.Status == FollowUpStatus.Open && f.DueUtc < period.NowUtc)
            .OrderBy(f => f.DueUtc).ThenBy(f => f.Id)
            .Take(take)
            .Select(f => new AttentionItem(f.Id, f.Title, f.AssigneeId, db.Members.Where(m => m.Id == f.AssigneeId).Select(m => m.Name).FirstOrDefault(), f.DueUtc, null, null))
            .ToListAsync(cancellationToken);

    // Open deals whose expected close date has passed, longest overdue first.
    public static Task<List<AttentionItem>> SlippingDealsAsync(
        AppDbContext db, AccessScope scope, TeamGlancePeriod period, int take, CancellationToken cancellationToken = default) =>
        scope.Deals(db)
            .Where(d => d.Outcome == DealOutcome.Open && d.ExpectedCloseDate != null && d.ExpectedCloseDate < period.Today)
            .OrderBy(d => d.ExpectedCloseDate).ThenBy(d => d.Id)
            .Take(take)
            .Select(d => new AttentionItem(d.Id, d.Name, d.OwnerId, d.Owner == null ? null : d.Owner.Name, null, d.ExpectedCloseDate, d.AmountMinor))
            .ToListAsync(cancellationToken);
}

// "Now", "today" and the start of this week (Monday 00:00) as seen in the reader's time zone.
public sealed record TeamGlancePeriod(DateTime NowUtc, DateOnly Today, DateTime WeekStartUtc)
{
    public static TeamGlancePeriod At(DateTimeOffset now, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(now, zone).DateTime;
        var today = DateOnly.FromDateTime(local);
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        var weekStart = TimeZoneInfo.ConvertTimeToUtc(monday.ToDateTime(TimeOnly.MinValue), zone);
        return new TeamGlancePeriod(now.UtcDateTime, today, weekStart);
    }
}

public sealed record TeamGlancePage(IReadOnlyList<MemberGlance> Items, int Page, int PageSize, int Total);

public sealed record MemberGlance(
    long MemberId, string Name, MemberRole Role, string? TeamName,
    int OpenDeals, long OpenPipelineMinor, int SlippingDeals,
    int OpenFollowUps, int OverdueFollowUps, double OpenEffortHours,
    int ActivitiesThisWeek, int MinutesThisWeek);

public sealed record AttentionItem(long Id, string Title, long? MemberId, string? MemberName, DateTime? DueUtc, DateOnly? ExpectedClose, long? AmountMinor);
