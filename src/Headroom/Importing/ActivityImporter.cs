using System.Data.Common;
using System.IO.Hashing;
using System.Runtime.InteropServices;
using System.Text;
using Headroom.Activities;
using Headroom.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Headroom.Importing;

// Activities can run to millions of rows, so they stream and never go through EF change tracking.
// Pass 1 reads the whole file, validates every row and classifies it as new, changed or unchanged
// against the organization's existing activities (held as 128-bit key hash -> id and content hash,
// ~50 bytes a row, instead of the rows). Only if pass 1 found no error are the file's changed rows
// updated (pass 2, prepared UPDATE) and its new rows inserted (pass 3, BulkInserter: batched
// prepared INSERTs on SQLite, binary COPY on PostgreSQL), all in one transaction.
// Matching: ExternalId; rows without one match on member + start + type + account.
internal static class ActivityImporter
{
    private readonly record struct Stored(long Id, ulong Content);

    public static async Task RunAsync(AppDbContext db, ImportContext context, CancellationToken cancellationToken)
    {
        var existing = new Dictionary<UInt128, Stored>();
        var hasher = new XxHash3();
        await foreach (var a in db.SalesActivities.AsNoTracking()
            .Select(a => new SalesActivity
            {
                Id = a.Id, ExternalId = a.ExternalId, Type = a.Type, MemberId = a.MemberId, AccountId = a.AccountId, DealId = a.DealId,
                LeadId = a.LeadId, StartUtc = a.StartUtc, DurationMinutes = a.DurationMinutes, Outcome = a.Outcome, Notes = a.Notes,
            })
            .AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            existing[Key(a)] = new Stored(a.Id, Content(hasher, a));
        }

        context.Passes = 1;
        var row = context.Row;
        long created = 0, updated = 0, unchanged = 0;
        using (var reader = context.OpenReader())
        {
            var seen = new Dictionary<UInt128, int>();
            while (reader.Read())
            {
                cancellationToken.ThrowIfCancellationRequested();
                context.ReportProgress(reader, "Checking");
                row.Load(reader);
                if (Parse(row, context.Lookups) is not { } activity)
                {
                    continue;
                }
                var key = Key(activity);
                if (seen.TryGetValue(key, out var first))
                {
                    if (activity.ExternalId is not null)
                    {
                        row.Error("ExternalId", $"duplicate external id '{activity.ExternalId}' (also on row {first})");
                    }
                    else
                    {
                        row.Error("Start", $"duplicate activity: same member, start, type and account as row {first}; give the rows external ids to import both");
                    }
                    continue;
                }
                seen[key] = row.Number;
                if (!existing.TryGetValue(key, out var stored))
                {
                    created++;
                }
                else if (stored.Content == Content(hasher, activity))
                {
                    unchanged++;
                }
                else
                {
                    updated++;
                }
            }
            context.ReportProgress(reader, "Checking", done: true);
        }
        context.Result.Created = created;
        context.Result.Updated = updated;
        context.Result.Unchanged = unchanged;
        if (context.Errors.Count > 0 || context.Request.DryRun || (created == 0 && updated == 0))
        {
            return;
        }

        context.Passes = 1 + (updated > 0 ? 1 : 0) + (created > 0 ? 1 : 0);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (updated > 0)
        {
            await UpdateChangedAsync(db, context, existing, hasher, cancellationToken);
        }
        if (created > 0)
        {
            await BulkInserter.InsertAsync(db, NewRows(context, existing), context.Clock, cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        context.Result.Written = true;
    }

    private static IEnumerable<SalesActivity> NewRows(ImportContext context, Dictionary<UInt128, Stored> existing)
    {
        var row = context.Row;
        using var reader = context.OpenReader();
        while (reader.Read())
        {
            context.ReportProgress(reader, "Writing");
            row.Load(reader);
            var activity = Parse(row, context.Lookups) ?? throw FileChanged(context);
            if (!existing.ContainsKey(Key(activity)))
            {
                yield return activity;
            }
        }
        context.ReportProgress(reader, "Writing", done: true);
    }

    private static async Task UpdateChangedAsync(
        AppDbContext db, ImportContext context, Dictionary<UInt128, Stored> existing, XxHash3 hasher, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
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
            if (!existing.TryGetValue(Key(activity), out var stored) || stored.Content == Content(hasher, activity))
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

    private static UInt128 Key(SalesActivity a)
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
