using System.Collections.Concurrent;
using System.Data.Common;
using System.IO.Hashing;
using System.Runtime.InteropServices;
using System.Text;
using Headroom.Activities;
using Headroom.Data;
using Headroom.Workload;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Headroom.Importing;

// Activities can run to millions of rows, so they stream and never go through EF change tracking.
// One pass validates every row and classifies it as new, changed or unchanged against the
// organization's existing activities (held as 128-bit key hash -> id and content hash, ~44 bytes a
// row, instead of the rows); rows already seen in the file are a set of 128-bit key hashes (~28
// bytes a row; the first row of a rare duplicate is found by reading the file again). Past a few
// million keys the work is split into passes by key hash, so memory does not grow with the file.
// New rows go straight to BulkInserter (prepared INSERTs on SQLite, binary COPY on PostgreSQL)
// inside one transaction, which is rolled back if any row had an error. Changed rows, if any, are
// updated in a further pass (prepared UPDATE) before the commit.
// Matching: ExternalId; rows without one match on member + start + type + account.
internal static class ActivityImporter
{
    private readonly record struct Stored(long Id, ulong Content);

    // A 128-bit key hash as two ulongs: UInt128 is 16-byte aligned, which pads every dictionary
    // entry to 48 bytes; this keeps a HashSet entry at 24 and memory per row small.
    private readonly record struct Key(ulong Low, ulong High)
    {
        public static Key From(UInt128 hash) => new((ulong)hash, (ulong)(hash >> 64));

        public override int GetHashCode() => (int)Low;
    }

    public static async Task RunAsync(AppDbContext db, ImportContext context, CancellationToken cancellationToken)
    {
        // Key sets grow with the file and the organization's activities; past KeysPerPass keys the
        // rows are split by key hash into partitions handled one pass each (a row and its
        // duplicates always share a partition), so memory stays flat whatever the size, at the
        // price of reading the file once more per extra partition.
        var partitions = await CountPartitionsAsync(db, context, cancellationToken);
        context.Passes = partitions;
        await using var transaction = context.Request.DryRun ? null : await db.Database.BeginTransactionAsync(cancellationToken);
        var counts = new Counts();
        for (var partition = 0; partition < partitions; partition++)
        {
            var part = new Partition(partition, partitions);
            var existing = await LoadExistingAsync(db, part, cancellationToken);
            var updatedBefore = counts.Updated;
            await CheckAndInsertAsync(db, context, existing, counts, part, transaction is null ? null : context.Clock, cancellationToken);
            if (transaction is not null && context.Errors.Count == 0 && counts.Updated > updatedBefore)
            {
                context.Passes++;
                await UpdateChangedAsync(db, context, existing, part, counts.Spans, cancellationToken);
            }
        }
        context.Result.Created = counts.Created;
        context.Result.Updated = counts.Updated;
        context.Result.Unchanged = counts.Unchanged;
        if (transaction is null || context.Errors.Count > 0)
        {
            return;
        }
        await ActivityDayRollup.RefreshAsync(db, context.Organization.Id, counts.Spans, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        context.Result.Written = counts.Created > 0 || counts.Updated > 0;
        // A bulk load changes the table's size enough for the planner to need new statistics.
        if (counts.Created >= 10_000)
        {
            await DatabaseSetup.RefreshStatisticsAsync(db, cancellationToken);
        }
    }

    // Which rows a pass handles: those whose key hash falls in its partition.
    private readonly record struct Partition(int Index, int Count)
    {
        public bool Holds(Key key) => Count == 1 || (int)(key.High % (ulong)Count) == Index;
    }

    private static async Task<int> CountPartitionsAsync(AppDbContext db, ImportContext context, CancellationToken cancellationToken)
    {
        long fileRows;
        using (var reader = context.OpenReader())
        {
            // About 90 bytes a row in a typical CSV export; XLSX is compressed to about a fifth.
            fileRows = reader.Length / (reader is XlsxTabularReader ? 18 : 90);
        }
        var keys = fileRows + await db.SalesActivities.LongCountAsync(cancellationToken);
        return (int)Math.Max(1, (keys + context.Request.KeysPerPass - 1) / context.Request.KeysPerPass);
    }

    // One pass reads, checks and classifies every row of the partition on a worker thread and hands
    // new rows through a bounded queue to the bulk writer on this thread, so parsing and writing
    // overlap and no more than a queue's worth of rows is held. The first error stops the hand-over;
    // the pass goes on to report every error, and the transaction is rolled back. Without a clock
    // (a dry run) nothing is written.
    private static async Task CheckAndInsertAsync(
        AppDbContext db, ImportContext context, Dictionary<Key, Stored> existing, Counts counts, Partition partition, TimeProvider? writeClock,
        CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var queue = new BlockingCollection<SalesActivity>(boundedCapacity: 8192);
        var checking = Task.Run(() =>
        {
            try
            {
                Check(context, existing, counts, partition, writeClock is null ? null : queue, stop.Token);
            }
            finally
            {
                queue.CompleteAdding();
            }
        }, stop.Token);
        try
        {
            if (writeClock is not null)
            {
                await BulkInserter.InsertAsync(db, queue.GetConsumingEnumerable(stop.Token), writeClock, stop.Token);
            }
            await checking;
        }
        catch
        {
            await stop.CancelAsync();
            await Task.WhenAny(checking);
            throw;
        }
    }

    // Read with a plain data reader rather than EF materialization: a million rows load in about
    // a second instead of four. The tenant condition is explicit because the query filter is EF's.
    private static async Task<Dictionary<Key, Stored>> LoadExistingAsync(AppDbContext db, Partition partition, CancellationToken cancellationToken)
    {
        var existing = new Dictionary<Key, Stored>();
        var hasher = new XxHash3();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = """
                SELECT "Id", "ExternalId", "Type", "MemberId", "AccountId", "DealId", "LeadId", "StartUtc", "DurationMinutes", "Outcome", "Notes"
                FROM "SalesActivities" WHERE "OrgId" = @org
                """;
            var org = command.CreateParameter();
            org.ParameterName = "@org";
            org.Value = db.Tenant.RequireOrgId();
            command.Parameters.Add(org);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var a = new SalesActivity
                {
                    Id = reader.GetInt64(0),
                    ExternalId = reader.IsDBNull(1) ? null : reader.GetString(1),
                    Type = (ActivityType)reader.GetInt32(2),
                    MemberId = reader.GetInt64(3),
                    AccountId = reader.IsDBNull(4) ? null : reader.GetInt64(4),
                    DealId = reader.IsDBNull(5) ? null : reader.GetInt64(5),
                    LeadId = reader.IsDBNull(6) ? null : reader.GetInt64(6),
                    StartUtc = reader.GetDateTime(7),
                    DurationMinutes = reader.GetInt32(8),
                    Outcome = (ActivityOutcome)reader.GetInt32(9),
                    Notes = reader.IsDBNull(10) ? null : reader.GetString(10),
                };
                if (KeyOf(a) is var key && partition.Holds(key))
                {
                    existing[key] = new Stored(a.Id, Content(hasher, a));
                }
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        return existing;
    }

    private sealed class Counts
    {
        public long Created;
        public long Updated;
        public long Unchanged;

        // The members and times of the rows written, for the activity rollup.
        public ActivitySpans Spans { get; } = new();
    }

    private static void Check(
        ImportContext context, Dictionary<Key, Stored> existing, Counts counts, Partition partition, BlockingCollection<SalesActivity>? writer,
        CancellationToken cancellationToken)
    {
        var hasher = new XxHash3();
        var row = context.Row;
        using var reader = context.OpenReader();
        // About 90 bytes a row in a typical export; presizing saves rehashing a large set.
        var seen = new HashSet<Key>((int)Math.Min(reader.Length / 90 / partition.Count, 16_000_000));
        // Every pass parses every row; only the first reports the rows' own errors.
        row.Muted = partition.Index > 0;
        var duplicates = new List<(int Row, Key Key, string? ExternalId)>();
        while (reader.Read())
        {
            if ((row.Number & 0x3FF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                context.ReportProgress(reader, "Importing");
            }
            row.Load(reader);
            if (Parse(row, context.Lookups) is not { } activity)
            {
                continue;
            }
            var key = KeyOf(activity);
            if (!partition.Holds(key))
            {
                continue;
            }
            if (!seen.Add(key))
            {
                // Reported once the pass is over, when the row it repeats has been found.
                duplicates.Add((row.Number, key, activity.ExternalId));
                continue;
            }
            if (!existing.TryGetValue(key, out var stored))
            {
                counts.Created++;
                if (writer is not null && context.Errors.Count == 0 && duplicates.Count == 0)
                {
                    counts.Spans.Add(activity.MemberId, activity.StartUtc);
                    writer.Add(activity, cancellationToken);
                }
            }
            else if (stored.Content == Content(hasher, activity))
            {
                counts.Unchanged++;
            }
            else
            {
                counts.Updated++;
            }
        }
        context.ReportProgress(reader, "Importing", done: true);
        row.Muted = false;
        if (duplicates.Count > 0)
        {
            ReportDuplicates(context, duplicates, cancellationToken);
        }
    }

    // Reads the file again up to the last duplicate to name the row each one repeats.
    private static void ReportDuplicates(ImportContext context, List<(int Row, Key Key, string? ExternalId)> duplicates, CancellationToken cancellationToken)
    {
        var firstRows = duplicates.Select(d => d.Key).Distinct().ToDictionary(k => k, _ => 0);
        var last = duplicates.Max(d => d.Row);
        var row = context.Row;
        row.Muted = true;
        try
        {
            using var reader = context.OpenReader();
            while (reader.Read() && reader.Row < last)
            {
                cancellationToken.ThrowIfCancellationRequested();
                row.Load(reader);
                if (Parse(row, context.Lookups) is { } activity && KeyOf(activity) is var key && firstRows.TryGetValue(key, out var first) && first == 0)
                {
                    firstRows[key] = row.Number;
                }
            }
        }
        finally
        {
            row.Muted = false;
        }
        foreach (var (number, key, externalId) in duplicates)
        {
            var first = firstRows[key];
            if (externalId is not null)
            {
                row.ErrorAt(number, "ExternalId", ImportMessage.Of(ImportProblem.DuplicateExternalId, externalId, first));
            }
            else
            {
                row.ErrorAt(number, "Start", ImportMessage.Of(ImportProblem.DuplicateActivity, first));
            }
        }
    }

    private static async Task UpdateChangedAsync(
        AppDbContext db, ImportContext context, Dictionary<Key, Stored> existing, Partition partition, ActivitySpans spans,
        CancellationToken cancellationToken)
    {
        var hasher = new XxHash3();
        var connection = db.Database.GetDbConnection();
        // The row's member and start before the change, for the activity rollup.
        await using var before = connection.CreateCommand();
        before.Transaction = db.Database.CurrentTransaction!.GetDbTransaction();
        before.CommandText = """SELECT "MemberId", "StartUtc" FROM "SalesActivities" WHERE "Id" = @id AND "OrgId" = @org""";
        var beforeId = before.CreateParameter();
        beforeId.ParameterName = "@id";
        before.Parameters.Add(beforeId);
        var beforeOrg = before.CreateParameter();
        beforeOrg.ParameterName = "@org";
        beforeOrg.Value = context.Organization.Id;
        before.Parameters.Add(beforeOrg);
        await using var command = connection.CreateCommand();
        command.Transaction = db.Database.CurrentTransaction!.GetDbTransaction();
        command.CommandText = """
            UPDATE "SalesActivities" SET "Type" = @type, "MemberId" = @member, "AccountId" = @account, "DealId" = @deal,
                "LeadId" = @lead, "StartUtc" = @start, "DurationMinutes" = @duration, "Outcome" = @outcome, "Notes" = @notes,
                "UpdatedUtc" = @now, "Version" = "Version" + 1
            WHERE "Id" = @id AND "OrgId" = @org
            """;
        var parameters = new[] { "type", "member", "account", "deal", "lead", "start", "duration", "outcome", "notes", "now", "id", "org" }
            .ToDictionary(name => name, name =>
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = "@" + name;
                command.Parameters.Add(parameter);
                return parameter;
            });
        parameters["now"].Value = context.Clock.GetUtcNow().UtcDateTime;
        parameters["org"].Value = context.Organization.Id;

        var row = context.Row;
        using var reader = context.OpenReader();
        while (reader.Read())
        {
            context.ReportProgress(reader, "Updating");
            row.Load(reader);
            var activity = Parse(row, context.Lookups) ?? throw FileChanged(context);
            var key = KeyOf(activity);
            if (!partition.Holds(key) || !existing.TryGetValue(key, out var stored) || stored.Content == Content(hasher, activity))
            {
                continue;
            }
            Set(parameters["type"], (int)activity.Type);
            Set(parameters["member"], activity.MemberId);
            Set(parameters["account"], activity.AccountId);
            Set(parameters["deal"], activity.DealId);
            Set(parameters["lead"], activity.LeadId);
            Set(parameters["start"], activity.StartUtc);
            Set(parameters["duration"], activity.DurationMinutes);
            Set(parameters["outcome"], (int)activity.Outcome);
            Set(parameters["notes"], activity.Notes);
            Set(parameters["id"], stored.Id);
            beforeId.Value = stored.Id;
            await using (var old = await before.ExecuteReaderAsync(cancellationToken))
            {
                if (await old.ReadAsync(cancellationToken))
                {
                    spans.Add(old.GetInt64(0), old.GetDateTime(1));
                }
            }
            spans.Add(activity.MemberId, activity.StartUtc);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        context.ReportProgress(reader, "Updating", done: true);
    }

    private static void Set(DbParameter parameter, object? value) => parameter.Value = value ?? DBNull.Value;

    private static InvalidOperationException FileChanged(ImportContext context) =>
        new($"{context.Errors.File} changed while it was being imported; nothing was written.");

    internal static SalesActivity? Parse(ImportRow row, ImportLookups lookups)
    {
        var a = new SalesActivity();
        if (row.TryText("ExternalId", 200, out var externalId)) a.ExternalId = externalId;
        if (row.TryEnum<ActivityType>("Type", out var type, required: true)) a.Type = type!.Value;
        if (row.TryReference("Member", lookups.Members, out var member, required: true)) a.MemberId = member!.Value;
        if (row.TryReference("Account", lookups.Accounts, out var account)) a.AccountId = account;
        if (row.TryReference("Deal", lookups.Deals, out var deal)) a.DealId = deal;
        if (row.TryReference("Lead", lookups.Leads, out var lead)) a.LeadId = lead;
        if (row.TryUtc("Start", out var start, required: true)) a.StartUtc = start!.Value;
        if (row.TryInt("DurationMinutes", 0, 7 * 24 * 60, out var duration)) a.DurationMinutes = duration ?? 0;
        // Imported history: an activity without an outcome took place.
        a.Outcome = ActivityOutcome.Completed;
        if (row.TryEnum<ActivityOutcome>("Outcome", out var outcome)) a.Outcome = outcome ?? ActivityOutcome.Completed;
        if (row.TryText("Notes", 4000, out var notes)) a.Notes = notes;
        return row.HasErrors ? null : a;
    }

    private static Key KeyOf(SalesActivity a) => Key.From(KeyHash(a));

    private static UInt128 KeyHash(SalesActivity a)
    {
        Span<byte> buffer = stackalloc byte[1024];
        if (a.ExternalId is { } externalId)
        {
            buffer[0] = (byte)'x';
            var length = Encoding.UTF8.GetBytes(externalId, buffer[1..]);
            return XxHash128.HashToUInt128(buffer[..(length + 1)]);
        }
        buffer[0] = (byte)'n';
        var fields = MemoryMarshal.Cast<byte, long>(buffer.Slice(8, 32));
        fields[0] = a.MemberId;
        fields[1] = a.StartUtc.Ticks;
        fields[2] = (long)a.Type;
        fields[3] = a.AccountId ?? -1;
        return XxHash128.HashToUInt128(buffer[..40]);
    }

    private static ulong Content(XxHash3 hasher, SalesActivity a)
    {
        Span<long> fields =
        [
            (long)a.Type, a.MemberId, a.AccountId ?? -1, a.DealId ?? -1, a.LeadId ?? -1, a.StartUtc.Ticks, a.DurationMinutes, (long)a.Outcome,
            a.Notes is null ? -1 : a.Notes.Length,
        ];
        hasher.Reset();
        hasher.Append(MemoryMarshal.AsBytes(fields));
        if (a.Notes is not null)
        {
            hasher.Append(MemoryMarshal.AsBytes(a.Notes.AsSpan()));
        }
        return hasher.GetCurrentHashAsUInt64();
    }
}
