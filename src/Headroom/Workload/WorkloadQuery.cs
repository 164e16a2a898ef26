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
        var activity = await ActivityDaysAsync(db, members, policy.TimeZoneId, fromUtc, toUtc, cancellationToken);

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
    // changes (daylight saving); within a piece the offset is one number SQL can add. The day is
    // computed as whole days since 1970 from the epoch seconds: SQLite stores times as text, and
    // its date functions (what EF translates DateTime.AddMinutes().Date to) cost twice as much as
    // the read itself. The member ids come from the caller's scope, so the rule still holds.
    private static async Task<List<ActivityDay>> ActivityDaysAsync(
        AppDbContext db,
        List<MemberInput> members,
        string organizationZone,
        DateTime fromUtc,
        DateTime toUtc,
        CancellationToken cancellationToken)
    {
        var orgId = db.Tenant.RequireOrgId();
        var days = new Dictionary<(long, DateOnly), ActivityDay>();
        void Add(ActivityDayRow row)
        {
            var key = (row.MemberId, DateOnly.FromDayNumber(UnixEpochDayNumber + (int)row.Day));
            var day = new ActivityDay(row.MemberId, key.Item2, (int)row.Actual, (int)row.MeetingMinutes, (int)row.Meetings, (int)row.VisitMinutes, (int)row.Visits);
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
        var sqlite = db.Database.IsSqlite();
        if (sqlite)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
        }
        // On PostgreSQL the planner expects far fewer member-days than a large organization has,
        // so the hash aggregate spills to disk under the default work_mem (4 MB; 5 batches and
        // 120 MB written for 2,000 members), JIT-compiles for longer than it saves, and judges a
        // parallel aggregate not worth starting; with the costs below it reads the rows on every
        // core with a partial hash aggregate each (1.5 s to 1.0 s for 2,000 members on 2 cores).
        // All of it is set for this transaction only.
        await using var transaction = !sqlite && db.Database.CurrentTransaction is null
            ? await db.Database.BeginTransactionAsync(cancellationToken)
            : null;
        if (transaction is not null)
        {
            await db.Database.ExecuteSqlRawAsync(
                "SET LOCAL work_mem = '128MB'; SET LOCAL jit = off; SET LOCAL parallel_setup_cost = 0; SET LOCAL parallel_tuple_cost = 0.001",
                cancellationToken);
        }
        try
        {
            foreach (var zoneMembers in members.GroupBy(m => m.TimeZoneId ?? organizationZone))
            {
                var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneMembers.Key);
                var ids = zoneMembers.Select(m => m.Id).ToArray();
                foreach (var (from, to, offset) in OffsetIntervals(zone, fromUtc, toUtc))
                {
                    var seconds = (long)offset.TotalSeconds;
                    if (sqlite)
                    {
                        await SqliteActivityDayRowsAsync(db, orgId, ids, from, to, seconds, Add, cancellationToken);
                    }
                    else
                    {
                        foreach (var row in await PostgresActivityDayRows(db, orgId, ids, from, to, seconds).ToListAsync(cancellationToken))
                        {
                            Add(row);
                        }
                    }
                }
            }
        }
        finally
        {
            if (sqlite)
            {
                await db.Database.CloseConnectionAsync();
            }
        }
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }
        return [.. days.Values];
    }

    private static readonly int UnixEpochDayNumber = new DateOnly(1970, 1, 1).DayNumber;

    private const int Completed = (int)ActivityOutcome.Completed, NoAnswer = (int)ActivityOutcome.NoAnswer, Cancelled = (int)ActivityOutcome.Cancelled;
    private const int Meeting = (int)ActivityType.Meeting, Demo = (int)ActivityType.Demo, Visit = (int)ActivityType.Visit;

    // On SQLite one prepared statement per member: a GROUP BY member and day over everyone has to
    // sort every row in a temporary B-tree (twice the time of reading them), while one member's
    // rows come in index order and their few dozen days group in memory.
    private static async Task SqliteActivityDayRowsAsync(
        AppDbContext db, long orgId, long[] ids, DateTime from, DateTime to, long offsetSeconds, Action<ActivityDayRow> add, CancellationToken cancellationToken)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = $"""
            SELECT (unixepoch("StartUtc") + $offset) / 86400 AS "Day",
              SUM(CASE WHEN "Outcome" IN ({Completed}, {NoAnswer}) THEN "DurationMinutes" ELSE 0 END),
              SUM(CASE WHEN "Type" IN ({Meeting}, {Demo}) AND "Outcome" <> {Cancelled} THEN "DurationMinutes" ELSE 0 END),
              SUM(CASE WHEN "Type" IN ({Meeting}, {Demo}) AND "Outcome" <> {Cancelled} THEN 1 ELSE 0 END),
              SUM(CASE WHEN "Type" = {Visit} AND "Outcome" <> {Cancelled} THEN "DurationMinutes" ELSE 0 END),
              SUM(CASE WHEN "Type" = {Visit} AND "Outcome" <> {Cancelled} THEN 1 ELSE 0 END)
            FROM "SalesActivities"
            WHERE "OrgId" = $org AND "MemberId" = $member AND "StartUtc" >= $from AND "StartUtc" < $to
            GROUP BY "Day"
            """;
        var member = Parameter(command, "$member", 0L);
        Parameter(command, "$org", orgId);
        Parameter(command, "$offset", offsetSeconds);
        // The text form EF Core's SQLite provider stores DateTime in, so the comparison is ordinal.
        Parameter(command, "$from", from.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture));
        Parameter(command, "$to", to.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture));
        await command.PrepareAsync(cancellationToken);
        foreach (var id in ids)
        {
            member.Value = id;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                add(new ActivityDayRow
                {
                    MemberId = id, Day = reader.GetInt64(0), Actual = reader.GetInt64(1), MeetingMinutes = reader.GetInt64(2),
                    Meetings = reader.GetInt64(3), VisitMinutes = reader.GetInt64(4), Visits = reader.GetInt64(5),
                });
            }
        }
    }

    private static DbParameter Parameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
        return parameter;
    }

    private static IQueryable<ActivityDayRow> PostgresActivityDayRows(AppDbContext db, long orgId, long[] ids, DateTime from, DateTime to, long offsetSeconds) =>
        db.Database.SqlQuery<ActivityDayRow>($"""
            SELECT "MemberId", CAST(floor((date_part('epoch', "StartUtc") + {offsetSeconds}) / 86400) AS bigint) AS "Day",
              SUM(CASE WHEN "Outcome" IN ({Completed}, {NoAnswer}) THEN "DurationMinutes" ELSE 0 END) AS "Actual",
              SUM(CASE WHEN "Type" IN ({Meeting}, {Demo}) AND "Outcome" <> {Cancelled} THEN "DurationMinutes" ELSE 0 END) AS "MeetingMinutes",
              SUM(CASE WHEN "Type" IN ({Meeting}, {Demo}) AND "Outcome" <> {Cancelled} THEN 1 ELSE 0 END) AS "Meetings",
              SUM(CASE WHEN "Type" = {Visit} AND "Outcome" <> {Cancelled} THEN "DurationMinutes" ELSE 0 END) AS "VisitMinutes",
              SUM(CASE WHEN "Type" = {Visit} AND "Outcome" <> {Cancelled} THEN 1 ELSE 0 END) AS "Visits"
            FROM "SalesActivities"
            WHERE "OrgId" = {orgId} AND "MemberId" = ANY({ids})
              AND "StartUtc" >= {from} AND "StartUtc" < {to}
            GROUP BY "MemberId", "Day"
            """);

    private sealed class ActivityDayRow
    {
        public long MemberId { get; init; }
        public long Day { get; init; }
        public long Actual { get; init; }
        public long MeetingMinutes { get; init; }
        public long Meetings { get; init; }
        public long VisitMinutes { get; init; }
        public long Visits { get; init; }
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
}
