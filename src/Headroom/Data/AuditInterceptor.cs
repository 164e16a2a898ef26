using Headroom.Assignment;
using Headroom.Common;
using Headroom.Deals;
using Headroom.Leads;
using Headroom.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Headroom.Data;

// Stamps OrgId, audit times and concurrency versions in one place, and refuses any write that
// would put a row into — or move a row out of — another organization than the current one.
public sealed class AuditInterceptor(TimeProvider clock) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Stamp(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Stamp(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Stamp(DbContext? context)
    {
        if (context is not AppDbContext db)
        {
            return;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        RefuseAppendOnlyChanges(db);
        RecordStageChanges(db, now);
        foreach (var entry in db.ChangeTracker.Entries().ToList())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified))
            {
                continue;
            }
            switch (entry.Entity)
            {
                case TenantEntity tenantRow:
                    StampTenantRow(db, entry.State, tenantRow, entry.Property(nameof(TenantEntity.OrgId)).OriginalValue);
                    // A creation time set by the caller is kept: imported and demo records carry the
                    // date they were created at the source, which cycle lengths and ages depend on.
                    if (entry.State == EntityState.Added && tenantRow.CreatedUtc == default)
                    {
                        tenantRow.CreatedUtc = now;
                    }
                    tenantRow.UpdatedUtc = now;
                    if (tenantRow is Lead lead)
                    {
                        StampStatusChange(entry, lead, now);
                    }
                    break;
                case Organization organization:
                    if (entry.State == EntityState.Added)
                    {
                        organization.CreatedUtc = now;
                    }
                    organization.UpdatedUtc = now;
                    break;
            }
            if (entry.State == EntityState.Modified && entry.Entity is IVersioned versioned)
            {
                versioned.Version++;
            }
        }
    }

    // A deal created, or moved to another stage, appends a DealStageChange. A caller that writes
    // the history itself (the demo generator, which makes up the path a closed deal took) adds
    // its rows with the deal, and then nothing is added for that deal.
    private static void RecordStageChanges(AppDbContext db, DateTime now)
    {
        var written = db.ChangeTracker.Entries<DealStageChange>()
            .Where(e => e.State == EntityState.Added)
            .Select(e => (object?)e.Entity.Deal ?? e.Entity.DealId)
            .ToHashSet();
        foreach (var entry in db.ChangeTracker.Entries<Deal>().ToList())
        {
            var deal = entry.Entity;
            if (entry.State == EntityState.Added && !written.Contains(deal) && !(deal.Id != 0 && written.Contains(deal.Id)))
            {
                db.DealStageChanges.Add(new DealStageChange
                {
                    Deal = deal, ToStageId = deal.StageId, ChangedUtc = deal.CreatedUtc == default ? now : deal.CreatedUtc,
                });
            }
            else if (entry.State == EntityState.Modified && entry.Property(d => d.StageId) is { IsModified: true } stage
                && (long)stage.OriginalValue! != deal.StageId && !written.Contains(deal.Id))
            {
                db.DealStageChanges.Add(new DealStageChange
                {
                    DealId = deal.Id, FromStageId = (long)stage.OriginalValue!, ToStageId = deal.StageId,
                    // A closed deal moves on the day it closed, when that is given.
                    ChangedUtc = deal.ClosedUtc is { } closed && deal.Outcome != DealOutcome.Open ? closed : now,
                });
            }
        }
    }

    // A caller that knows when the status changed (an import, the demo) sets it; otherwise a new
    // lead's status dates from its creation and a changed one from this save.
    private static void StampStatusChange(Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry entry, Lead lead, DateTime now)
    {
        if (entry.State == EntityState.Added)
        {
            lead.StatusChangedUtc ??= lead.CreatedUtc;
        }
        else if (entry.Property(nameof(Lead.Status)) is { IsModified: true } status && !Equals(status.OriginalValue, lead.Status)
            && !entry.Property(nameof(Lead.StatusChangedUtc)).IsModified)
        {
            lead.StatusChangedUtc = now;
        }
    }

    // The database refuses these too (triggers in the migration); this names the entity first.
    private static void RefuseAppendOnlyChanges(AppDbContext db)
    {
        foreach (var entry in db.ChangeTracker.Entries<IAppendOnly>())
        {
            if (entry.State is EntityState.Modified or EntityState.Deleted)
            {
                throw new AppendOnlyLogException(entry.Entity.GetType().Name);
            }
        }
    }

    private static void StampTenantRow(AppDbContext db, EntityState state, TenantEntity row, object? originalOrgId)
    {
        var orgId = db.Tenant.RequireOrgId();
        if (state == EntityState.Added)
        {
            if (row.OrgId != 0 && row.OrgId != orgId)
            {
                throw new CrossTenantWriteException(row.GetType().Name, row.OrgId, orgId);
            }
            row.OrgId = orgId;
        }
        else if (row.OrgId != orgId || (originalOrgId is long original && original != orgId))
        {
            throw new CrossTenantWriteException(row.GetType().Name, row.OrgId, orgId);
        }
    }
}
