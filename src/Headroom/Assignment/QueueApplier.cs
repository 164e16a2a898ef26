using Headroom.Data;
using Headroom.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Headroom.Assignment;

// Applies a queue's dry run, possibly edited (lines left out, a lead re-routed to another rep who
// meets its requirements), in one SaveChanges: each lead gets its owner and a Routing entry in the
// assignment log, or — when any line is refused — nothing changes. The lead stays New: being
// given an owner is not being worked, and "New" is how the rep sees what they have not touched.
public static class QueueApplier
{
    public static async Task<ApplyOutcome> ApplyAsync(
        AppDbContext db,
        AssignmentQueue queue,
        AssignmentActor actor,
        IReadOnlyList<QueueLine> lines,
        DateTimeOffset now,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(queue);
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(lines);
        var teams = await AccessScope.TeamsBelowAsync(db, [queue.TeamId], cancellationToken);
        var ids = lines.Select(l => l.LeadId).Distinct().ToList();
        // The leads of the team's pool area (its teams' pools and the organization's), owned or not:
        // one that was taken since the preview is stale, one outside it is not the queue's.
        var leads = await db.Leads.Where(l => ids.Contains(l.Id) && (l.PoolTeamId == null || teams.Contains(l.PoolTeamId.Value)))
            .ToDictionaryAsync(l => l.Id, cancellationToken);
        var (reps, _) = await QueueQuery.RepsAsync(db, queue, now, cancellationToken);
        var instance = new QueueInstance(queue, reps, []);
        var repIndex = reps.Select((r, i) => (r.MemberId, i)).ToDictionary(x => x.MemberId, x => x.i);

        var problems = new List<ApplyProblem>();
        var seen = new HashSet<long>();
        for (var index = 0; index < lines.Count; index++)
        {
            var line = lines[index];
            if (!seen.Add(line.LeadId))
            {
                problems.Add(new ApplyProblem(index, RebalanceItemKind.Lead, line.LeadId, ApplyProblemKind.Duplicate, null));
                continue;
            }
            if (!leads.TryGetValue(line.LeadId, out var lead))
            {
                problems.Add(new ApplyProblem(index, RebalanceItemKind.Lead, line.LeadId, ApplyProblemKind.NotFound, null));
                continue;
            }
            if (lead.Version != line.LeadVersion || !QueueQuery.Takes(queue, teams, lead))
            {
                problems.Add(new ApplyProblem(index, RebalanceItemKind.Lead, line.LeadId, ApplyProblemKind.Stale, lead.Name));
                continue;
            }
            // Any rep who meets the lead's hard requirements, even above the queue's limits: the
            // manager may decide to overload someone, not to break a rule.
            if (!repIndex.TryGetValue(line.ToMemberId, out var rep) || !instance.Unbounded.IsEligible(instance.ItemFor(QueueQuery.ToQueueLead(lead)), rep))
            {
                problems.Add(new ApplyProblem(index, RebalanceItemKind.Lead, line.LeadId, ApplyProblemKind.BadReceiver, null));
            }
        }
        if (problems.Count > 0)
        {
            return new ApplyOutcome(Guid.Empty, [], problems);
        }

        var batch = Guid.NewGuid();
        var entries = new List<AssignmentLogEntry>(lines.Count);
        foreach (var line in lines)
        {
            var lead = leads[line.LeadId];
            lead.OwnerId = line.ToMemberId;
            entries.Add(Entry(lead.Id, lead.Name, line.ToMemberId, actor, line.Reason, now, batch));
        }
        db.AssignmentLog.AddRange(entries);
        await db.SaveChangesAsync(cancellationToken);
        return new ApplyOutcome(batch, entries, []);
    }

    internal static AssignmentLogEntry Entry(long leadId, string label, long to, AssignmentActor actor, string? reason, DateTimeOffset now, Guid batch)
    {
        var text = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim()[..Math.Min(reason.Trim().Length, 1000)];
        return new AssignmentLogEntry
        {
            AtUtc = now.UtcDateTime, ActorMemberId = actor.MemberId, ActorName = actor.Name, ItemKind = RebalanceItemKind.Lead, ItemId = leadId,
            ItemLabel = label, FromMemberId = null, ToMemberId = to, Reason = text, Source = AssignmentSource.Routing, BatchId = batch,
        };
    }
}

// One line of a queue's dry run to apply: the lead at the version previewed and its new owner.
public sealed record QueueLine(long LeadId, long LeadVersion, long ToMemberId, string? Reason = null);
