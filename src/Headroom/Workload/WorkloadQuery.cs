using System.Data.Common;
using System.Globalization;
using Headroom.Accounts;
using Headroom.Activities;
using Headroom.Data;
using Headroom.Deals;
using Headroom.FollowUps;
using Headroom.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Headroom.Workload;

// Builds WorkloadScorer's inputs from the database for the active members a caller may see
// (AccessScope), optionally narrowed to a team with its sub-teams or to named members. Logged
// activity comes summed per member and local day from MemberActivityDay.
public static class WorkloadQuery
{
    public static async Task<WorkloadInputs> LoadAsync(
        AppDbContext db,
        AccessScope scope,
        WorkloadRequest request,
        long? teamId = null,
        IReadOnlyCollection<long>? memberIds = null,
        CancellationToken cancellationToken = default)
    {
        var orgId = db.Tenant.RequireOrgId();
        var organization = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == orgId, cancellationToken);
        var policy = new WorkingTimePolicy(organization.WorkingDays, organization.DailyHours, organization.TimeZoneId);

        var memberQuery = scope.Members(db).Where(m => m.Active);
        if (teamId is { } team)
        {
            var teams = await AccessScope.TeamsBelowAsync(db, [team], cancellationToken);
            memberQuery = memberQuery.Where(m => m.TeamId != null && teams.Contains(m.TeamId.Value));
        }
        if (memberIds is not null)
        {
            var named = memberIds.ToList();
            memberQuery = memberQuery.Where(m => named.Contains(m.Id));
        }
        var members = await memberQuery.OrderBy(m => m.Name).ThenBy(m => m.Id)
            .Select(m => new MemberInput(m.Id, m.Name, m.TeamId, m.WeeklyCapacityHours, m.TimeZoneId, m.HireDate))
            .ToListAsync(cancellationToken);
        var ids = members.Select(m => m.Id).ToList();

        // UTC bounds wide enough for every zone's local days of the scored periods (±14 h).
        var fromUtc = request.HistoryStart.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddHours(-14);
        var toUtc = request.LastPeriodEnd.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddHours(14);
        var firstDay = request.HistoryStart.AddDays(-1);

        var effort = await db.OrganizationEffortModels.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        var calendar = await db.CalendarDays.AsNoTracking()
            .Select(d => new CalendarException(d.Date, d.Kind))
            .ToListAsync(cancellationToken);
        var leave = await db.TimeOffs.AsNoTracking()
            .Where(t => ids.Contains(t.MemberId) && t.EndDate >= firstDay)
            .Select(t => new LeaveInput(t.MemberId, t.StartDate, t.EndDate))
            .ToListAsync(cancellationToken);
        var scored = scope.FollowUps(db).AsNoTracking()
            .Where(f => f.Status == FollowUpStatus.Open
                || (f.Status == FollowUpStatus.Done && f.CompletedUtc >= fromUtc && f.CompletedUtc < toUtc));
        var followUps = await scored
            .Where(f => f.AssigneeId != null && ids.Contains(f.AssigneeId.Value) && f.CoverMemberId == null)
            .Select(f => new FollowUpInput(f.AssigneeId!.Value, f.DueUtc, f.EffortHours, f.Priority, f.Status, f.CompletedUtc))
            .ToListAsync(cancellationToken);
        // A follow-up covered while its owner is on leave counts for the cover member, not the
        // owner (docs/decisions/0029); few rows, found by the cover member's index.
        followUps.AddRange(await scored
            .Where(f => f.CoverMemberId != null && ids.Contains(f.CoverMemberId.Value))
            .Select(f => new FollowUpInput(f.CoverMemberId!.Value, f.DueUtc, f.EffortHours, f.Priority, f.Status, f.CompletedUtc))
            .ToListAsync(cancellationToken));
        // Deals and accounts from before the range all start counting on its first day, so they
        // are read as counts per owner and stage or tier; those created since, one row each.
        var openDeals = scope.Deals(db).AsNoTracking()
            .Where(d => d.Outcome == DealOutcome.Open && d.OwnerId != null && ids.Contains(d.OwnerId.Value));
        var deals = await openDeals.Where(d => d.CreatedUtc < fromUtc)
            .GroupBy(d => new { d.OwnerId, d.StageId, d.Stage!.WinProbability })
            .Select(g => new DealInput(g.Key.OwnerId!.Value, g.Key.StageId, g.Key.WinProbability, fromUtc, g.Count()))
            .ToListAsync(cancellationToken);
        deals.AddRange(await openDeals.Where(d => d.CreatedUtc >= fromUtc)
            .Select(d => new DealInput(d.OwnerId!.Value, d.StageId, d.Stage!.WinProbability, d.CreatedUtc, 1))
            .ToListAsync(cancellationToken));
        var heldAccounts = scope.Accounts(db).AsNoTracking()
            .Where(a => (a.Status == AccountStatus.Active || a.Status == AccountStatus.Prospect) && a.OwnerId != null && ids.Contains(a.OwnerId.Value));
        var accounts = await heldAccounts.Where(a => a.CreatedUtc < fromUtc)
            .GroupBy(a => new { a.OwnerId, a.Tier })
            .Select(g => new AccountInput(g.Key.OwnerId!.Value, g.Key.Tier, fromUtc, g.Count()))
            .ToListAsync(cancellationToken);
        accounts.AddRange(await heldAccounts.Where(a => a.CreatedUtc >= fromUtc)
            .Select(a => new AccountInput(a.OwnerId!.Value, a.Tier, a.CreatedUtc, 1))
            .ToListAsync(cancellationToken));
        var activity = await ActivityDaysAsync(db, ids, request.HistoryStart, request.LastPeriodEnd, cancellationToken);

        return new WorkloadInputs
        {
            Policy = policy,
            Effort = effort?.Read() ?? EffortModel.Default,
            Calendar = calendar,
            Members = members,
            Leave = leave,
            FollowUps = followUps,
            Deals = deals,
            Accounts = accounts,
            Activity = activity,
        };
    }

    // Logged activity per member and local day, from the rollup kept by ActivityDayRollup: the
    // activity rows themselves (thousands per member and quarter) are never read here.
    private static async Task<List<ActivityDay>> ActivityDaysAsync(
        AppDbContext db, List<long> ids, DateOnly firstDay, DateOnly lastDay, CancellationToken cancellationToken)
    {
        var days = db.MemberActivityDays.AsNoTracking().Where(d => d.Day >= firstDay && d.Day <= lastDay);
        // Past a few hundred members a list of ids costs more to send and match than the rows of
        // the organization's other members cost to skip.
        var wanted = ids.ToHashSet();
        var filtered = wanted.Count <= 500 ? days.Where(d => ids.Contains(d.MemberId)) : days;
        var rows = await filtered
            .Select(d => new ActivityDay(d.MemberId, d.Day, d.ActualMinutes, d.MeetingMinutes, d.Meetings, d.VisitMinutes, d.Visits, d.Activities))
            .ToListAsync(cancellationToken);
        return wanted.Count <= 500 ? rows : [.. rows.Where(r => wanted.Contains(r.MemberId))];
    }
}
