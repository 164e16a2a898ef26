using Headroom.Accounts;
using Headroom.Data;
using Headroom.Deals;
using Headroom.FollowUps;
using Headroom.Leads;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Headroom.Assignment;

// Every change of owner goes to the assignment log, not only those a rebalance or the pool makes:
// a lead, account, deal or follow-up saved new with an owner, or saved with another owner, gets a
// Manual entry in the same transaction (docs/decisions/0030). A save that already carries an entry
// for the item (rebalance, pool, routing, leave cover write their own, with their own source and
// reason) gets none from here. New rows have no id until they are written, so the entries are
// added by a second write after the first, inside one transaction.
public static class OwnerChangeLog
{
    internal sealed record Change(RebalanceItemKind Kind, object Item, long? From, long To);

    // Fed the entries of AppDbContext's one pass over the change tracker.
    internal sealed class Finder
    {
        private List<Change>? _changes;
        private HashSet<ItemRef>? _explicit;

        public void Visit(EntityEntry entry)
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified))
            {
                return;
            }
            (RebalanceItemKind? kind, string? owner) = entry.Entity switch
            {
                Lead => (RebalanceItemKind.Lead, nameof(Lead.OwnerId)),
                Account => (RebalanceItemKind.Account, nameof(Account.OwnerId)),
                Deal => (RebalanceItemKind.Deal, nameof(Deal.OwnerId)),
                FollowUp => (RebalanceItemKind.FollowUp, nameof(FollowUp.AssigneeId)),
                AssignmentLogEntry logged when entry.State == EntityState.Added => (logged.ItemKind, (string?)null),
                _ => ((RebalanceItemKind?)null, (string?)null),
            };
            if (kind is null)
            {
                return;
            }
            if (owner is null)
            {
                var logged = (AssignmentLogEntry)entry.Entity;
                (_explicit ??= []).Add(new ItemRef(logged.ItemKind, logged.ItemId));
                return;
            }
            var property = entry.Property(owner);
            if (property.CurrentValue is not long to)
            {
                return;
            }
            if (entry.State == EntityState.Added)
            {
                (_changes ??= []).Add(new Change(kind.Value, entry.Entity, null, to));
            }
            else if (property.IsModified && property.OriginalValue is var from && !Equals(from, to))
            {
                (_changes ??= []).Add(new Change(kind.Value, entry.Entity, (long?)from, to));
            }
        }

        public List<Change>? Result()
        {
            if (_changes is null || _explicit is null)
            {
                return _changes;
            }
            var left = _changes.Where(c => !_explicit.Contains(new ItemRef(c.Kind, Id(c.Item)))).ToList();
            return left.Count == 0 ? null : left;
        }
    }

    // After the first write: the new rows have their ids and their stamped times. A new row is
    // logged at its creation time (imported and demo records keep the date they were created at
    // the source), a changed one at the time of the save.
    internal static void Add(AppDbContext db, List<Change> changes)
    {
        var batch = Guid.NewGuid();
        foreach (var change in changes)
        {
            var (label, created, updated) = change.Item switch
            {
                Lead l => (l.Name, l.CreatedUtc, l.UpdatedUtc),
                Account a => (a.Name, a.CreatedUtc, a.UpdatedUtc),
                Deal d => (d.Name, d.CreatedUtc, d.UpdatedUtc),
                FollowUp f => (f.Title, f.CreatedUtc, f.UpdatedUtc),
                _ => throw new InvalidOperationException($"{change.Item.GetType().Name} has no owner to log."),
            };
            db.AssignmentLog.Add(new AssignmentLogEntry
            {
                AtUtc = change.From is null && created != default ? created : updated,
                ActorMemberId = db.Tenant.ActorMemberId,
                ActorName = db.Tenant.ActorName,
                ItemKind = change.Kind,
                ItemId = Id(change.Item),
                ItemLabel = label.Length > 300 ? label[..300] : label,
                FromMemberId = change.From,
                ToMemberId = change.To,
                Source = AssignmentSource.Manual,
                BatchId = batch,
            });
        }
    }

    private static long Id(object item) => ((Common.TenantEntity)item).Id;
}
