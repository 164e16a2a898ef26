using Headroom.Accounts;
using Headroom.Activities;
using Headroom.Data;
using Headroom.Deals;
using Headroom.FollowUps;
using Headroom.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Headroom.Workload;

// Builds WorkloadScorer's inputs from the database for the active members a caller may see
// (AccessScope), optionally narrowed to a team with its sub-teams or to named members. Activity
// is summed per member and local day in SQL, so the rows themselves are never loaded.
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
            var teams = await TeamWithSubTeamsAsync(db, team, cancellationToken);
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
        var followUps = await scope.FollowUps(db).AsNoTracking()
            .Where(f => f.AssigneeId != null && ids.Contains(f.AssigneeId.Value))
            .Where(f => f.Status == FollowUpStatus.Open
                || (f.Status == FollowUpStatus.Done && f.CompletedUtc >= fromUtc && f.CompletedUtc < toUtc))
            .Select(f => new FollowUpInput(f.AssigneeId!.Value, f.DueUtc, f.EffortHours, f.Priority, f.Status, f.CompletedUtc))
            .ToListAsync(cancellationToken);
        var deals = await scope.Deals(db).AsNoTracking()
            .Where(d => d.Outcome == DealOutcome.Open && d.OwnerId != null && ids.Contains(d.OwnerId.Value))
            .Select(d => new DealInput(d.OwnerId!.Value, d.StageId, d.Stage!.WinProbability, d.CreatedUtc))
            .ToListAsync(cancellationToken);
        var accounts = await scope.Accounts(db).AsNoTracking()
            .Where(a => (a.Status == AccountStatus.Active || a.Status == AccountStatus.Prospect) && a.OwnerId != null && ids.Contains(a.OwnerId.Value))
            .Select(a => new AccountInput(a.OwnerId!.Value, a.Tier, a.CreatedUtc))
            .ToListAsync(cancellationToken);
        var activity = await ActivityDaysAsync(db, scope, members, policy.TimeZoneId, fromUtc, toUtc, cancellationToken);

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

    // Activity minutes per member and local day. A local day is the UTC time plus the zone's
    // offset, so the members are grouped by zone and each zone's span is cut where its offset
    // changes (daylight saving); within a piece the offset is one number SQL can add.
    private static async Task<List<ActivityDay>> ActivityDaysAsync(
        AppDbContext db,
        AccessScope scope,
        List<MemberInput> members,
        string organizationZone,
        DateTime fromUtc,
        DateTime toUtc,
        CancellationToken cancellationToken)
    {
        var days = new Dictionary<(long, DateOnly), ActivityDay>();
        foreach (var zoneMembers in members.GroupBy(m => m.TimeZoneId ?? organizationZone))
        {
            var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneMembers.Key);
            var ids = zoneMembers.Select(m => m.Id).ToList();
            foreach (var (from, to, offset) in OffsetIntervals(zone, fromUtc, toUtc))
            {
                var minutes = (int)offset.TotalMinutes;
                var rows = await scope.Activities(db)
                    .Where(a => ids.Contains(a.MemberId) && a.StartUtc >= from && a.StartUtc < to)
                    .GroupBy(a => new { a.MemberId, Day = a.StartUtc.AddMinutes(minutes).Date })
                    .Select(g => new
                    {
                        g.Key.MemberId,
                        g.Key.Day,
                        Actual = g.Sum(a => a.Outcome == ActivityOutcome.Completed || a.Outcome == ActivityOutcome.NoAnswer ? a.DurationMinutes : 0),
                        MeetingMinutes = g.Sum(a => (a.Type == ActivityType.Meeting || a.Type == ActivityType.Demo) && a.Outcome != ActivityOutcome.Cancelled ? a.DurationMinutes : 0),
                        Meetings = g.Sum(a => (a.Type == ActivityType.Meeting || a.Type == ActivityType.Demo) && a.Outcome != ActivityOutcome.Cancelled ? 1 : 0),
                        VisitMinutes = g.Sum(a => a.Type == ActivityType.Visit && a.Outcome != ActivityOutcome.Cancelled ? a.DurationMinutes : 0),
                        Visits = g.Sum(a => a.Type == ActivityType.Visit && a.Outcome != ActivityOutcome.Cancelled ? 1 : 0),
                    })
                    .ToListAsync(cancellationToken);
                foreach (var row in rows)
                {
                    var key = (row.MemberId, DateOnly.FromDateTime(row.Day));
                    var day = new ActivityDay(row.MemberId, key.Item2, row.Actual, row.MeetingMinutes, row.Meetings, row.VisitMinutes, row.Visits);
                    days[key] = days.TryGetValue(key, out var earlier)
                        ? earlier with
                        {
                            ActualMinutes = earlier.ActualMinutes + day.ActualMinutes,
                            MeetingMinutes = earlier.MeetingMinutes + day.MeetingMinutes,
                            Meetings = earlier.Meetings + day.Meetings,
                            VisitMinutes = earlier.VisitMinutes + day.VisitMinutes,
                            Visits = earlier.Visits + day.Visits,
                        }
                        : day;
                }
            }
        }
        return [.. days.Values];
    }

    // Pieces of [fromUtc, toUtc) in which the zone's UTC offset is constant. Offsets change on a
    // quarter hour of UTC in every zone in use, so that is the step.
    internal static IEnumerable<(DateTime FromUtc, DateTime ToUtc, TimeSpan Offset)> OffsetIntervals(TimeZoneInfo zone, DateTime fromUtc, DateTime toUtc)
    {
        var start = fromUtc;
        var offset = zone.GetUtcOffset(start);
        for (var t = fromUtc.AddMinutes(15); t < toUtc; t = t.AddMinutes(15))
        {
            var next = zone.GetUtcOffset(t);
            if (next != offset)
            {
                yield return (start, t, offset);
                start = t;
                offset = next;
            }
        }
        yield return (start, toUtc, offset);
    }

    private static async Task<HashSet<long>> TeamWithSubTeamsAsync(AppDbContext db, long teamId, CancellationToken cancellationToken)
    {
        var teams = await db.Teams.Select(t => new { t.Id, t.ParentTeamId }).ToListAsync(cancellationToken);
        var children = teams.Where(t => t.ParentTeamId is not null).ToLookup(t => t.ParentTeamId!.Value, t => t.Id);
        var found = new HashSet<long>();
        var pending = new Stack<long>([teamId]);
        while (pending.TryPop(out var id))
        {
            if (found.Add(id))
            {
                foreach (var child in children[id])
                {
                    pending.Push(child);
                }
            }
        }
        return found;
    }
}
