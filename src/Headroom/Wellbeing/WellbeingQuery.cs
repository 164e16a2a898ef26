using Headroom.Activities;
using Headroom.Data;
using Headroom.Organizations;
using Headroom.Workload;
using Microsoft.EntityFrameworkCore;

namespace Headroom.Wellbeing;

// Builds BurnoutRiskScorer's inputs for the active members a caller may see (AccessScope),
// optionally narrowed to named members. Activity is summed per member, local day and local hour
// in SQL, so the rows themselves are never loaded. Pulse answers are read only when the caller
// may see them: for their own member alone (docs/decisions/0019-burnout-risk.md).
public static class WellbeingQuery
{
    public static async Task<WellbeingInputs> LoadAsync(
        AppDbContext db,
        AccessScope scope,
        DateOnly asOf,
        IReadOnlyCollection<long>? memberIds = null,
        CancellationToken cancellationToken = default)
    {
        var orgId = db.Tenant.RequireOrgId();
        var organization = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == orgId, cancellationToken);
        var policy = new WorkingTimePolicy(organization.WorkingDays, organization.DailyHours, organization.TimeZoneId);

        var memberQuery = scope.Members(db).Where(m => m.Active);
        if (memberIds is not null)
        {
            var named = memberIds.ToList();
            memberQuery = memberQuery.Where(m => named.Contains(m.Id));
        }
        var members = await memberQuery.OrderBy(m => m.Name).ThenBy(m => m.Id)
            .Select(m => new MemberInput(m.Id, m.Name, m.TeamId, m.WeeklyCapacityHours, m.TimeZoneId, m.HireDate))
            .ToListAsync(cancellationToken);
        var ids = members.Select(m => m.Id).ToList();

        var first = asOf.AddDays(1 - BurnoutRiskScorer.WindowDays);
        var leaveFrom = asOf.AddDays(-BurnoutRiskScorer.LeaveLookbackDays - 1);
        var calendar = await db.CalendarDays.AsNoTracking()
            .Where(d => d.Date >= first && d.Date <= asOf)
            .Select(d => new CalendarException(d.Date, d.Kind))
            .ToListAsync(cancellationToken);
        var leave = await db.TimeOffs.AsNoTracking()
            .Where(t => ids.Contains(t.MemberId) && t.EndDate >= leaveFrom && t.StartDate <= asOf)
            .Select(t => new LeaveInput(t.MemberId, t.StartDate, t.EndDate))
            .ToListAsync(cancellationToken);
        var pulse = ids.Contains(scope.MemberId)
            ? await db.PulseResponses.AsNoTracking()
                .Where(p => p.MemberId == scope.MemberId && p.WeekStart >= first.AddDays(-6) && p.WeekStart <= asOf)
                .Select(p => new PulseInput(p.MemberId, p.WeekStart, p.Energy, p.Stress))
                .ToListAsync(cancellationToken)
            : [];

        // UTC bounds wide enough for every zone's local days of the window (±14 h).
        var fromUtc = first.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddHours(-14);
        var toUtc = asOf.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddHours(14);
        var activity = await ActivityHoursAsync(db, members, policy.TimeZoneId, fromUtc, toUtc, cancellationToken);

        return new WellbeingInputs
        {
            Policy = policy,
            WorkdayStart = organization.WorkdayStart,
            WorkdayEnd = organization.WorkdayEnd,
            Calendar = calendar,
            Members = members,
            Leave = leave,
            Activity = [.. activity.Where(a => a.Date >= first && a.Date <= asOf)],
            Pulse = pulse,
        };
    }

    // Logged minutes per member, local day and local hour: members grouped by zone, each zone's
    // span cut where its offset changes, and the local day and hour computed from epoch seconds
    // plus the offset (as WorkloadQuery does; docs/decisions/0018). The member ids come from the
    // caller's scope, so the access rule still holds.
    private static async Task<List<ActivityHour>> ActivityHoursAsync(
        AppDbContext db,
        List<MemberInput> members,
        string organizationZone,
        DateTime fromUtc,
        DateTime toUtc,
        CancellationToken cancellationToken)
    {
        var orgId = db.Tenant.RequireOrgId();
        var hours = new Dictionary<(long, DateOnly, int), int>();
        foreach (var zoneMembers in members.GroupBy(m => m.TimeZoneId ?? organizationZone))
        {
            var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneMembers.Key);
            var ids = zoneMembers.Select(m => m.Id).ToArray();
            foreach (var (from, to, offset) in ActivityDayRollup.OffsetIntervals(zone, fromUtc, toUtc))
            {
                var rows = await Rows(db, orgId, ids, from, to, (long)offset.TotalSeconds).ToListAsync(cancellationToken);
                foreach (var row in rows)
                {
                    var key = (row.MemberId, DateOnly.FromDayNumber(UnixEpochDayNumber + (int)row.Day), (int)row.Hour);
                    hours[key] = hours.GetValueOrDefault(key) + (int)row.Minutes;
                }
            }
        }
        return [.. hours.Select(h => new ActivityHour(h.Key.Item1, h.Key.Item2, h.Key.Item3, h.Value))
            .OrderBy(a => a.MemberId).ThenBy(a => a.Date).ThenBy(a => a.Hour)];
    }

    private static readonly int UnixEpochDayNumber = new DateOnly(1970, 1, 1).DayNumber;

    private static IQueryable<HourRow> Rows(AppDbContext db, long orgId, long[] ids, DateTime from, DateTime to, long offsetSeconds)
    {
        const int completed = (int)ActivityOutcome.Completed, noAnswer = (int)ActivityOutcome.NoAnswer;
        if (db.Database.IsSqlite())
        {
            var json = "[" + string.Join(',', ids) + "]";
            return db.Database.SqlQuery<HourRow>($"""
                SELECT "MemberId", (unixepoch("StartUtc") + {offsetSeconds}) / 86400 AS "Day",
                  ((unixepoch("StartUtc") + {offsetSeconds}) % 86400) / 3600 AS "Hour",
                  SUM("DurationMinutes") AS "Minutes"
                FROM "SalesActivities"
                WHERE "OrgId" = {orgId} AND "MemberId" IN (SELECT value FROM json_each({json}))
                  AND "StartUtc" >= {from} AND "StartUtc" < {to} AND "Outcome" IN ({completed}, {noAnswer})
                GROUP BY "MemberId", "Day", "Hour"
                """);
        }
        return db.Database.SqlQuery<HourRow>($"""
            SELECT "MemberId", CAST(floor((extract(epoch from "StartUtc") + {offsetSeconds}) / 86400) AS bigint) AS "Day",
              CAST(floor(mod(extract(epoch from "StartUtc") + {offsetSeconds}, 86400) / 3600) AS bigint) AS "Hour",
              CAST(SUM("DurationMinutes") AS bigint) AS "Minutes"
            FROM "SalesActivities"
            WHERE "OrgId" = {orgId} AND "MemberId" = ANY({ids})
              AND "StartUtc" >= {from} AND "StartUtc" < {to} AND "Outcome" IN ({completed}, {noAnswer})
            GROUP BY "MemberId", "Day", "Hour"
            """);
    }

    private sealed class HourRow
    {
        public long MemberId { get; init; }
        public long Day { get; init; }
        public long Hour { get; init; }
        public long Minutes { get; init; }
    }
}
