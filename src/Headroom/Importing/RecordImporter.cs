using Headroom.Common;
using Headroom.Data;
using Microsoft.EntityFrameworkCore;

namespace Headroom.Importing;

// Imports the smaller kinds (teams … feedback) through EF: every row is validated and bound onto a
// new or existing tracked record; only when no row has an error are the changes saved, in one
// transaction. Matching: ExternalId when the row has one, else the natural key of the kind.
internal static class RecordImporter
{
    public static async Task RunAsync<T>(
        AppDbContext db, ImportContext context, RecordSpec<T> spec, CancellationToken cancellationToken)
        where T : TenantEntity, IExternallyIdentified
    {
        var existing = await spec.Existing(db).ToListAsync(cancellationToken);
        var byExternalId = existing.Where(e => e.ExternalId is not null).ToDictionary(e => e.ExternalId!, StringComparer.Ordinal);
        var byKey = new Dictionary<string, T>(StringComparer.OrdinalIgnoreCase);
        var sharedKeys = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var record in existing)
        {
            if (spec.NaturalKey(record) is { } key && !byKey.TryAdd(key, record))
            {
                sharedKeys.Add(key);
            }
        }

        var seenExternal = new Dictionary<string, int>(StringComparer.Ordinal);
        var seenKeys = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var created = new List<T>();
        var matched = new List<T>();
        var matchedSet = new HashSet<T>(ReferenceEqualityComparer.Instance);
        var row = context.Row;
        using var reader = context.OpenReader();
        while (reader.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            context.ReportProgress(reader, "Checking");
            row.Load(reader);
            var candidate = spec.Create();
            spec.Bind(row, candidate);
            if (row.HasErrors)
            {
                continue;
            }
            var externalId = candidate.ExternalId;
            var naturalKey = spec.NaturalKey(candidate);
            if (externalId is not null)
            {
                if (seenExternal.TryGetValue(externalId, out var firstRow))
                {
                    row.Error("ExternalId", ImportProblem.DuplicateExternalId, externalId, firstRow);
                    continue;
                }
                seenExternal[externalId] = row.Number;
            }
            else if (naturalKey is not null)
            {
                if (seenKeys.TryGetValue(naturalKey, out var firstRow))
                {
                    row.Error(spec.KeyField, ImportProblem.DuplicateKey, spec.What, naturalKey, firstRow);
                    continue;
                }
                seenKeys[naturalKey] = row.Number;
            }

            T? target = null;
            if (externalId is not null && byExternalId.TryGetValue(externalId, out var byId))
            {
                target = byId;
            }
            else if (naturalKey is not null && byKey.TryGetValue(naturalKey, out var byName))
            {
                if (sharedKeys.Contains(naturalKey) && externalId is null)
                {
                    row.Error(spec.KeyField, ImportProblem.AmbiguousExisting, spec.What, naturalKey);
                    continue;
                }
                if (byName.ExternalId is null || externalId is null)
                {
                    target = byName;
                }
                else if (spec.NaturalKeyUnique?.Invoke(byName) == true)
                {
                    row.Error(spec.KeyField, ImportProblem.KeyOfOtherRecord, spec.What, naturalKey, byName.ExternalId);
                    continue;
                }
            }

            if (target is null)
            {
                db.Add(candidate);
                created.Add(candidate);
                continue;
            }
            if (!matchedSet.Add(target))
            {
                row.Error(spec.KeyField, ImportProblem.MatchesSameExisting, spec.What, (naturalKey ?? externalId)!);
                continue;
            }
            var keepExternalId = target.ExternalId;
            row.Muted = true;
            spec.Bind(row, target);
            row.Muted = false;
            target.ExternalId = externalId ?? keepExternalId;
            matched.Add(target);
        }
        context.ReportProgress(reader, "Checking", done: true);
        spec.AfterRows?.Invoke([.. existing, .. created]);

        var updated = 0;
        foreach (var target in matched)
        {
            var entry = db.Entry(target);
            entry.DetectChanges();
            if (entry.State == EntityState.Modified)
            {
                updated++;
            }
        }
        context.Result.Created = created.Count;
        context.Result.Updated = updated;
        context.Result.Unchanged = matched.Count - updated;

        if (context.Errors.Count > 0 || context.Request.DryRun || (created.Count == 0 && updated == 0))
        {
            db.ChangeTracker.Clear();
            return;
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        if (spec.AfterInsert is { } afterInsert)
        {
            await afterInsert(db, created, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        context.Result.Written = true;
    }
}
