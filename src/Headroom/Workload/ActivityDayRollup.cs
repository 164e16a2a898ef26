using System.Data.Common;
using System.Globalization;
using Headroom.Activities;
using Headroom.Data;
using Headroom.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Headroom.Workload;

// Keeps MemberActivityDay current. Every path that writes activities ends here: SaveChanges (the
// API, the pages, lead conversion) through AppDbContext, the importer and the demo generator
// after their bulk writes, and a change of a member's or the organization's time zone, which
// moves activities to other local days. The days touched are deleted and summed again from the
// activity rows in the writer's transaction, so the totals are never half-applied; on PostgreSQL
// the members' rows are locked first, so two writers for one member take turns and the second
// sums with the first one's rows.
public static class ActivityDayRollup
{
    // What a SaveChanges will make stale, read from the change tracker before it saves.
    internal sealed record Pending(long OrgId, ActivitySpans Spans, HashSet<long> WholeMembers, bool OrganizationZone);

    // Collects, entry by entry, what a save will make stale. AppDbContext feeds it the entries of
    // its one pass over the change tracker (each Entries() call detects changes over everything
    // tracked, on every save), together with the owner-change log's finder.
    internal sealed class Finder
    {
        private ActivitySpans? _spans;
        private HashSet<long>? _whole;
        private bool _organizationZone;

        public void Visit(Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry entry)
        {
            switch (entry.Entity)
            {
                case SalesActivity a when entry.State == EntityState.Added:
                    (_spans ??= new()).Add(a.MemberId, a.StartUtc);
                    break;
                case SalesActivity when entry.State == EntityState.Deleted:
                    (_spans ??= new()).Add(Original<long>(entry, nameof(SalesActivity.MemberId)), Original<DateTime>(entry, nameof(SalesActivity.StartUtc)));
                    break;
                case SalesActivity a when entry.State == EntityState.Modified && Counted.Any(p => entry.Property(p).IsModified):
                    _spans ??= new();
                    _spans.Add(Original<long>(entry, nameof(SalesActivity.MemberId)), Original<DateTime>(entry, nameof(SalesActivity.StartUtc)));
                    _spans.Add(a.MemberId, a.StartUtc);
                    break;
                case Member m when ZoneChanged(entry, m.TimeZoneId):
                    (_whole ??= []).Add(m.Id);
                    break;
                case Organization o when ZoneChanged(entry, o.TimeZoneId):
                    _organizationZone = true;
                    break;
            }
        }

        public Pending? Result(AppDbContext db) =>
            _spans is null && _whole is null && !_organizationZone
                ? null
                : new Pending(db.Tenant.RequireOrgId(), _spans ?? new(), _whole ?? [], _organizationZone);
    }

    private static readonly string[] Counted =
    [
        nameof(SalesActivity.MemberId), nameof(SalesActivity.StartUtc), nameof(SalesActivity.DurationMinutes),
        nameof(SalesActivity.Type), nameof(SalesActivity.Outcome),
    ];

    private static bool ZoneChanged(Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry entry, string? zone) =>
        entry.State == EntityState.Modified && entry.Property(nameof(Member.TimeZoneId)) is { IsModified: true } property
        && (string?)property.OriginalValue != zone;

    private static T Original<T>(Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry entry, string property) =>
        (T)entry.Property(property).OriginalValue!;

    internal static async Task ApplyAsync(AppDbContext db, Pending pending, CancellationToken cancellationToken)
    {
        var whole = pending.WholeMembers;
        if (pending.OrganizationZone)
        {
            whole.UnionWith(await db.Members.IgnoreQueryFilters()
                .Where(m => m.OrgId == pending.OrgId && m.TimeZoneId == null).Select(m => m.Id).ToListAsync(cancellationToken));
        }
        if (whole.Count > 0)
        {
            await RebuildAsync(db, pending.OrgId, whole, cancellationToken: cancellationToken);
        }
        var spans = new ActivitySpans();
        foreach (var (member, span) in pending.Spans.Members.Where(s => !whole.Contains(s.Key)))
        {
            spans.Add(member, span.From);
            spans.Add(member, span.To);
        }
        await RefreshAsync(db, pending.OrgId, spans, cancellationToken);
    }

    // Recomputes the local days of the given spans. A few members are done one by one, each over
    // its own span; many (an import) over the span that covers them all, in one pass per zone.
    public static async Task RefreshAsync(AppDbContext db, long orgId, ActivitySpans spans, CancellationToken cancellationToken = default)
    {
        if (spans.IsEmpty)
        {
            return;
        }
        if (spans.Members.Count <= 16)
        {
            foreach (var (member, span) in spans.Members.OrderBy(s => s.Key))
            {
                await RecomputeAsync(db, orgId, [member], span.From, span.To, cancellationToken);
            }
            return;
        }
        var from = spans.Members.Values.Min(s => s.From);
        var to = spans.Members.Values.Max(s => s.To);
        await RecomputeAsync(db, orgId, [.. spans.Members.Keys.Order()], from, to, cancellationToken);
    }

    // Recomputes every day of the given members (all of the organization's when null): after a
    // zone change, a bulk load, or an upgrade from a version without the rollup.
    public static async Task RebuildAsync(
        AppDbContext db, long orgId, IReadOnlyCollection<long>? memberIds, Action<int, int>? progress = null, CancellationToken cancellationToken = default)
    {
        var members = db.Members.IgnoreQueryFilters().Where(m => m.OrgId == orgId);
        if (memberIds is not null)
        {
            var ids = memberIds.ToList();
            members = members.Where(m => ids.Contains(m.Id));
        }
        var all = await members.OrderBy(m => m.Id).Select(m => m.Id).ToListAsync(cancellationToken);
        // In slices, so that a large organization's days are never all in memory at once.
        var done = 0;
        progress?.Invoke(0, all.Count);
        foreach (var slice in all.Chunk(256))
        {
            progress?.Invoke(done, all.Count);
            done += slice.Length;
            var activities = db.SalesActivities.IgnoreQueryFilters().Where(a => a.OrgId == orgId && slice.Contains(a.MemberId));
            var first = await activities.MinAsync(a => (DateTime?)a.StartUtc, cancellationToken);
            var last = await activities.MaxAsync(a => (DateTime?)a.StartUtc, cancellationToken);
            if (first is null || last is null)
            {
                await DeleteAsync(db, orgId, slice, DateOnly.MinValue, DateOnly.MaxValue, cancellationToken);
                continue;
            }
            await RecomputeAsync(db, orgId, slice, first.Value, last.Value, cancellationToken);
        }
        progress?.Invoke(all.Count, all.Count);
    }

    private static async Task RecomputeAsync(AppDbContext db, long orgId, long[] memberIds, DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken)
    {
        // Every local day an activity in [fromUtc, toUtc] can fall on, in any zone (±14 h); each
        // of those days is summed whole, from every activity whose local day it is.
        var firstDay = DateOnly.FromDateTime(fromUtc.AddHours(-14));
        var lastDay = DateOnly.FromDateTime(toUtc.AddHours(14));
        var ownTransaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            var organizationZone = await db.Organizations.AsNoTracking().Where(o => o.Id == orgId).Select(o => o.TimeZoneId).SingleAsync(cancellationToken);
            var members = await db.Members.IgnoreQueryFilters().AsNoTracking()
                .Where(m => m.OrgId == orgId && memberIds.Contains(m.Id))
                .Select(m => new { m.Id, m.TimeZoneId })
                .ToListAsync(cancellationToken);
            var ids = members.Select(m => m.Id).Order().ToArray();
            if (db.Database.IsNpgsql() && ids.Length > 0)
            {
                await db.Database.ExecuteSqlAsync(
                    $"""SELECT 1 FROM "Members" WHERE "OrgId" = {orgId} AND "Id" = ANY({ids}) ORDER BY "Id" FOR NO KEY UPDATE""",
                    cancellationToken);
            }
            await DeleteAsync(db, orgId, ids, firstDay, lastDay, cancellationToken);
            var days = await SumAsync(
                db, orgId, members.Select(m => (m.Id, m.TimeZoneId ?? organizationZone)),
                firstDay.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddHours(-14),
                lastDay.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddHours(14),
                cancellationToken);
            await InsertAsync(db, orgId, days.Where(d => d.Date >= firstDay && d.Date <= lastDay), cancellationToken);
            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(cancellationToken);
            }
        }
        finally
        {
            if (ownTransaction is not null)
            {
                await ownTransaction.DisposeAsync();
            }
        }
    }

    private static Task<int> DeleteAsync(AppDbContext db, long orgId, long[] memberIds, DateOnly firstDay, DateOnly lastDay, CancellationToken cancellationToken) =>
        db.MemberActivityDays.IgnoreQueryFilters()
            .Where(d => d.OrgId == orgId && memberIds.Contains(d.MemberId) && d.Day >= firstDay && d.Day <= lastDay)
            .ExecuteDeleteAsync(cancellationToken);

    // A day with nothing to count (only cancelled or planned calls, say) is left out.
    private static async Task InsertAsync(AppDbContext db, long orgId, IEnumerable<ActivityDay> days, CancellationToken cancellationToken)
    {
        var rows = days.Where(d => d.ActualMinutes != 0 || d.MeetingMinutes != 0 || d.Meetings != 0 || d.VisitMinutes != 0 || d.Visits != 0 || d.Activities != 0)
            .OrderBy(d => d.MemberId).ThenBy(d => d.Date).ToList();
        if (rows.Count == 0)
        {
            return;
        }
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var connection = db.Database.GetDbConnection();
            var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            if (connection is NpgsqlConnection)
            {
                // One statement per slice, the columns as arrays.
                foreach (var slice in rows.Chunk(50_000))
                {
                    await using var command = connection.CreateCommand();
                    command.Transaction = transaction;
                    command.CommandText = """
                        INSERT INTO "MemberActivityDays" ("OrgId", "MemberId", "Day", "ActualMinutes", "MeetingMinutes", "Meetings", "VisitMinutes", "Visits", "Activities", "Calls", "Emails", "Demos", "Messages", "Others")
                        SELECT @org, * FROM unnest(@member, @day, @actual, @meetingMinutes, @meetings, @visitMinutes, @visits, @activities, @calls, @emails, @demos, @messages, @others)
                        """;
                    command.Parameters.Add(new NpgsqlParameter("org", orgId));
                    command.Parameters.Add(new NpgsqlParameter("member", slice.Select(d => d.MemberId).ToArray()));
                    command.Parameters.Add(new NpgsqlParameter("day", NpgsqlDbType.Array | NpgsqlDbType.Date) { Value = slice.Select(d => d.Date).ToArray() });
                    command.Parameters.Add(new NpgsqlParameter("actual", slice.Select(d => d.ActualMinutes).ToArray()));
                    command.Parameters.Add(new NpgsqlParameter("meetingMinutes", slice.Select(d => d.MeetingMinutes).ToArray()));
                    command.Parameters.Add(new NpgsqlParameter("meetings", slice.Select(d => d.Meetings).ToArray()));
                    command.Parameters.Add(new NpgsqlParameter("visitMinutes", slice.Select(d => d.VisitMinutes).ToArray()));
                    command.Parameters.Add(new NpgsqlParameter("visits", slice.Select(d => d.Visits).ToArray()));
                    command.Parameters.Add(new NpgsqlParameter("activities", slice.Select(d => d.Activities).ToArray()));
                    command.Parameters.Add(new NpgsqlParameter("calls", slice.Select(d => d.Calls).ToArray()));
                    command.Parameters.Add(new NpgsqlParameter("emails", slice.Select(d => d.Emails).ToArray()));
                    command.Parameters.Add(new NpgsqlParameter("demos", slice.Select(d => d.Demos).ToArray()));
                    command.Parameters.Add(new NpgsqlParameter("messages", slice.Select(d => d.Messages).ToArray()));
                    command.Parameters.Add(new NpgsqlParameter("others", slice.Select(d => d.Others).ToArray()));
                    await command.ExecuteNonQueryAsync(cancellationToken);
                }
                return;
            }
            await using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = """
                INSERT INTO "MemberActivityDays" ("OrgId", "MemberId", "Day", "ActualMinutes", "MeetingMinutes", "Meetings", "VisitMinutes", "Visits", "Activities", "Calls", "Emails", "Demos", "Messages", "Others")
                VALUES ($org, $member, $day, $actual, $meetingMinutes, $meetings, $visitMinutes, $visits, $activities, $calls, $emails, $demos, $messages, $others)
                """;
            Parameter(insert, "$org", orgId);
            var member = Parameter(insert, "$member", 0L);
            var day = Parameter(insert, "$day", "");
            var actual = Parameter(insert, "$actual", 0);
            var meetingMinutes = Parameter(insert, "$meetingMinutes", 0);
            var meetings = Parameter(insert, "$meetings", 0);
            var visitMinutes = Parameter(insert, "$visitMinutes", 0);
            var visits = Parameter(insert, "$visits", 0);
            var activities = Parameter(insert, "$activities", 0);
            var calls = Parameter(insert, "$calls", 0);
            var emails = Parameter(insert, "$emails", 0);
            var demos = Parameter(insert, "$demos", 0);
            var messages = Parameter(insert, "$messages", 0);
            var others = Parameter(insert, "$others", 0);
            await insert.PrepareAsync(cancellationToken);
            foreach (var row in rows)
            {
                member.Value = row.MemberId;
                // The text form EF Core's SQLite provider stores DateOnly in.
                day.Value = row.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                actual.Value = row.ActualMinutes;
                meetingMinutes.Value = row.MeetingMinutes;
                meetings.Value = row.Meetings;
                visitMinutes.Value = row.VisitMinutes;
                visits.Value = row.Visits;
                activities.Value = row.Activities;
                calls.Value = row.Calls;
                emails.Value = row.Emails;
                demos.Value = row.Demos;
                messages.Value = row.Messages;
                others.Value = row.Others;
                await insert.ExecuteNonQueryAsync(cancellationToken);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    // Activity minutes per member and local day, summed from the activity rows. A local day is
    // the UTC time plus the zone's offset, so the members are grouped by zone and each zone's span
    // is cut where its offset changes (daylight saving); within a piece the offset is one number
    // SQL can add. The day is computed as whole days since 1970 from the epoch seconds: SQLite
    // stores times as text, and its date functions cost twice as much as the read itself.
    internal static async Task<List<ActivityDay>> SumAsync(
        AppDbContext db,
        long orgId,
        IEnumerable<(long Id, string Zone)> members,
        DateTime fromUtc,
        DateTime toUtc,
        CancellationToken cancellationToken)
    {
        var days = new Dictionary<(long, DateOnly), ActivityDay>();
        void Add(ActivityDay day)
        {
            var key = (day.MemberId, day.Date);
            days[key] = days.TryGetValue(key, out var earlier)
                ? earlier with
                {
                    ActualMinutes = earlier.ActualMinutes + day.ActualMinutes,
                    MeetingMinutes = earlier.MeetingMinutes + day.MeetingMinutes,
                    Meetings = earlier.Meetings + day.Meetings,
                    VisitMinutes = earlier.VisitMinutes + day.VisitMinutes,
                    Visits = earlier.Visits + day.Visits,
                    Activities = earlier.Activities + day.Activities,
                    Calls = earlier.Calls + day.Calls,
                    Emails = earlier.Emails + day.Emails,
                    Demos = earlier.Demos + day.Demos,
                    Messages = earlier.Messages + day.Messages,
                    Others = earlier.Others + day.Others,
                }
                : day;
        }
        var sqlite = db.Database.IsSqlite();
        await db.Database.OpenConnectionAsync(cancellationToken);
        // On PostgreSQL the planner expects far fewer member-days than a large organization has,
        // so the hash aggregate spills to disk under the default work_mem (4 MB), JIT-compiles for
        // longer than it saves, and judges a parallel aggregate not worth starting; a bulk rebuild
        // (the only caller that starts its own transaction here) sets better values for itself.
        await using var transaction = !sqlite && db.Database.CurrentTransaction is null
            ? await db.Database.BeginTransactionAsync(cancellationToken)
            : null;
        try
        {
            if (transaction is not null)
            {
                await db.Database.ExecuteSqlRawAsync(
                    "SET LOCAL work_mem = '128MB'; SET LOCAL jit = off; SET LOCAL parallel_setup_cost = 0; SET LOCAL parallel_tuple_cost = 0.001",
                    cancellationToken);
            }
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            command.CommandText = sqlite ? SqliteSum : PostgresSum;
            Parameter(command, sqlite ? "$org" : "org", orgId);
            var member = sqlite ? Parameter(command, "$member", 0L) : Parameter(command, "members", Array.Empty<long>());
            var offset = Parameter(command, sqlite ? "$offset" : "offset", 0L);
            var from = Parameter(command, sqlite ? "$from" : "from", fromUtc);
            var to = Parameter(command, sqlite ? "$to" : "to", toUtc);
            foreach (var zoneMembers in members.GroupBy(m => m.Zone))
            {
                var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneMembers.Key);
                var ids = zoneMembers.Select(m => m.Id).Order().ToArray();
                foreach (var (pieceFrom, pieceTo, pieceOffset) in OffsetIntervals(zone, fromUtc, toUtc))
                {
                    offset.Value = (long)pieceOffset.TotalSeconds;
                    // SQLite compares the text form EF Core's provider stores DateTime in, ordinally.
                    from.Value = sqlite ? SqliteTime(pieceFrom) : pieceFrom;
                    to.Value = sqlite ? SqliteTime(pieceTo) : pieceTo;
                    // On SQLite one member at a time: a GROUP BY member and day over everyone has to
                    // sort every row in a temporary B-tree (twice the time of reading them), while
                    // one member's rows come in index order and their days group in memory.
                    foreach (var batch in sqlite ? ids.Select(id => new[] { id }) : [ids])
                    {
                        member.Value = sqlite ? batch[0] : batch;
                        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                        while (await reader.ReadAsync(cancellationToken))
                        {
                            Add(Read(reader));
                        }
                    }
                }
            }
            if (transaction is not null)
            {
                await transaction.CommitAsync(cancellationToken);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        return [.. days.Values];
    }

    // One row of Sums, in its order, after the member and the day number.
    private static ActivityDay Read(DbDataReader reader)
    {
        int At(int i) => (int)reader.GetInt64(i);
        return new ActivityDay(
            reader.GetInt64(0), DateOnly.FromDayNumber(UnixEpochDayNumber + (int)reader.GetInt64(1)), At(2), At(3), At(4), At(5), At(6), At(7),
            At(8), At(9), At(10), At(11), At(12));
    }

    private static string SqliteTime(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);

    private static readonly int UnixEpochDayNumber = new DateOnly(1970, 1, 1).DayNumber;

    private const int Completed = (int)ActivityOutcome.Completed, NoAnswer = (int)ActivityOutcome.NoAnswer, Cancelled = (int)ActivityOutcome.Cancelled;
    private const int Meeting = (int)ActivityType.Meeting, Demo = (int)ActivityType.Demo, Visit = (int)ActivityType.Visit;
    private const int Call = (int)ActivityType.Call, Email = (int)ActivityType.Email, Message = (int)ActivityType.Message, Other = (int)ActivityType.Other;

    private static readonly string Sums = $"""
          SUM(CASE WHEN "Outcome" IN ({Completed}, {NoAnswer}) THEN "DurationMinutes" ELSE 0 END),
          SUM(CASE WHEN "Type" IN ({Meeting}, {Demo}) AND "Outcome" <> {Cancelled} THEN "DurationMinutes" ELSE 0 END),
          SUM(CASE WHEN "Type" IN ({Meeting}, {Demo}) AND "Outcome" <> {Cancelled} THEN 1 ELSE 0 END),
          SUM(CASE WHEN "Type" = {Visit} AND "Outcome" <> {Cancelled} THEN "DurationMinutes" ELSE 0 END),
          SUM(CASE WHEN "Type" = {Visit} AND "Outcome" <> {Cancelled} THEN 1 ELSE 0 END),
          SUM(CASE WHEN "Outcome" <> {Cancelled} THEN 1 ELSE 0 END),
          SUM(CASE WHEN "Type" = {Call} AND "Outcome" <> {Cancelled} THEN 1 ELSE 0 END),
          SUM(CASE WHEN "Type" = {Email} AND "Outcome" <> {Cancelled} THEN 1 ELSE 0 END),
          SUM(CASE WHEN "Type" = {Demo} AND "Outcome" <> {Cancelled} THEN 1 ELSE 0 END),
          SUM(CASE WHEN "Type" = {Message} AND "Outcome" <> {Cancelled} THEN 1 ELSE 0 END),
          SUM(CASE WHEN "Type" = {Other} AND "Outcome" <> {Cancelled} THEN 1 ELSE 0 END)
        """;

    private static readonly string SqliteSum = $"""
        SELECT $member, (unixepoch("StartUtc") + $offset) / 86400 AS "Day",
        {Sums}
        FROM "SalesActivities"
        WHERE "OrgId" = $org AND "MemberId" = $member AND "StartUtc" >= $from AND "StartUtc" < $to
        GROUP BY "Day"
        """;

    private static readonly string PostgresSum = $"""
        SELECT "MemberId", CAST(floor((date_part('epoch', "StartUtc") + @offset) / 86400) AS bigint) AS "Day",
        {Sums}
        FROM "SalesActivities"
        WHERE "OrgId" = @org AND "MemberId" = ANY(@members) AND "StartUtc" >= @from AND "StartUtc" < @to
        GROUP BY "MemberId", "Day"
        """;

    private static DbParameter Parameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
        return parameter;
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
