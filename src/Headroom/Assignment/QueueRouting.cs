using Headroom.Data;
using Headroom.Leads;
using Headroom.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Headroom.Assignment;

// Online routing: a lead created without an owner goes at once to a rep of the first queue (by
// id) with auto-route on that takes it, among the queues of the teams the creator answers for,
// and the change goes to the assignment log. The lead and its log entry are written together.
public static class QueueRouting
{
    public sealed record Routed(AssignmentQueue Queue, long MemberId, string MemberName, string Reason);

    // Saves the new lead with the owner a queue gave it, or returns null (and writes nothing) when
    // no queue takes it or none has a rep for it.
    public static async Task<Routed?> CreateRoutedAsync(
        AppDbContext db, QueueRouterCache cache, AccessScope scope, Lead lead, AssignmentActor actor, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(cache);
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(lead);
        var routed = await FirstAsync(db, cache, await AutoQueuesAsync(db, scope, cancellationToken), lead, cancellationToken);
        if (routed is null)
        {
            return null;
        }
        // The log needs the lead's id, which the database gives on insert: two saves, one
        // transaction. The owner is set in the second, beside its Routing entry, so the save does
        // not also log the new lead's owner as a manual assignment (OwnerChangeLog).
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        lead.OwnerId = null;
        db.Leads.Add(lead);
        await db.SaveChangesAsync(cancellationToken);
        lead.OwnerId = routed.MemberId;
        db.AssignmentLog.Add(QueueApplier.Entry(lead.Id, lead.Name, routed.MemberId, actor, routed.Reason, now, Guid.NewGuid()));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return routed;
    }

    // Leads just saved without an owner (an import, in its transaction): each goes to the first
    // auto-routing queue that takes it and has a rep for it, with a Routing entry (one batch); the
    // caller saves. A lead no queue takes stays unowned. Returns how many were routed.
    public static async Task<int> RouteSavedAsync(
        AppDbContext db, QueueRouterCache cache, AccessScope scope, IEnumerable<Lead> leads, AssignmentActor actor, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(leads);
        var queues = await AutoQueuesAsync(db, scope, cancellationToken);
        var batch = Guid.NewGuid();
        var routed = 0;
        foreach (var lead in leads.Where(l => l.OwnerId is null))
        {
            if (await FirstAsync(db, cache, queues, lead, cancellationToken) is { } to)
            {
                lead.OwnerId = to.MemberId;
                db.AssignmentLog.Add(QueueApplier.Entry(lead.Id, lead.Name, to.MemberId, actor, to.Reason, now, batch));
                routed++;
            }
        }
        return routed;
    }

    // The auto-routing queues the member may see, by id, each with its team and the teams below.
    private static async Task<List<(AssignmentQueue Queue, IReadOnlyCollection<long> Teams)>> AutoQueuesAsync(AppDbContext db, AccessScope scope, CancellationToken cancellationToken)
    {
        var queues = await Visible(db, scope).AsNoTracking().Where(q => q.AutoRoute).OrderBy(q => q.Id).ToListAsync(cancellationToken);
        var found = new List<(AssignmentQueue, IReadOnlyCollection<long>)>(queues.Count);
        foreach (var queue in queues)
        {
            found.Add((queue, await AccessScope.TeamsBelowAsync(db, [queue.TeamId], cancellationToken)));
        }
        return found;
    }

    // The first queue that takes the lead and has a rep for it, with the rep and why.
    private static async Task<Routed?> FirstAsync(
        AppDbContext db, QueueRouterCache cache, List<(AssignmentQueue Queue, IReadOnlyCollection<long> Teams)> queues, Lead lead, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cache);
        foreach (var (queue, teams) in queues)
        {
            if (!QueueQuery.Takes(queue, teams, lead))
            {
                continue;
            }
            var (explanation, reps) = await cache.RouteAsync(db, queue, QueueQuery.ToQueueLead(lead), cancellationToken);
            if (explanation.Rep is not { } rep)
            {
                continue;
            }
            var chosen = reps[rep];
            return new Routed(queue, chosen.MemberId, chosen.Name, QueueExplanation.English(
                queue.Name, explanation.DecidedBy, chosen.Name, explanation.RunnerUp is { } second ? reps[second].Name : null,
                explanation.EligibleReps, explanation.LoadBeforeMinutes / 60.0, explanation.LoadAfterMinutes / 60.0));
        }
        return null;
    }

    // The queues a member may see: an admin every one, a manager those of the teams they answer
    // for, a rep those of their own team.
    public static IQueryable<AssignmentQueue> Visible(AppDbContext db, AccessScope scope)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(scope);
        if (scope.Role == MemberRole.Admin)
        {
            return db.AssignmentQueues;
        }
        var teams = scope.Teams(db).Select(t => t.Id);
        return db.AssignmentQueues.Where(q => teams.Contains(q.TeamId));
    }
}
