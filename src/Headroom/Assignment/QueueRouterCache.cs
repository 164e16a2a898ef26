using System.Collections.Concurrent;
using Headroom.Data;
using Headroom.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Headroom.Assignment;

// One router per queue, kept between requests so routing a new lead costs microseconds instead of
// a workload computation for the whole team (docs/decisions/0028). A router is rebuilt when the
// queue's rules change (its version), after a run is applied, and after MaxAge, so loads that
// changed elsewhere (new deals, follow-ups done) are picked up within minutes.
public sealed class QueueRouterCache(TimeProvider clock)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<(long OrgId, long QueueId), Entry> _entries = new();

    public void Invalidate(long orgId, long queueId) => _entries.TryRemove((orgId, queueId), out _);

    // Routes one lead with the queue's router, building the router first when needed; the
    // explanation's rep indexes are into the reps returned.
    public async Task<(AssignmentExplanation Explanation, IReadOnlyList<QueueRep> Reps)> RouteAsync(AppDbContext db, AssignmentQueue queue, QueueLead lead, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(queue);
        var key = (queue.OrgId, queue.Id);
        var now = clock.GetUtcNow();
        if (!_entries.TryGetValue(key, out var entry) || entry.Version != queue.Version || now - entry.BuiltAt > MaxAge)
        {
            entry = new Entry(queue.Version, now, await BuildAsync(db, queue, now, cancellationToken));
            _entries[key] = entry;
        }
        lock (entry)
        {
            return (entry.Router.Route(lead), entry.Router.Queue.Reps);
        }
    }

    private static async Task<QueueRouter> BuildAsync(AppDbContext db, AssignmentQueue queue, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (reps, horizon) = await QueueQuery.RepsAsync(db, queue, now, cancellationToken);
        var instance = new QueueInstance(queue, reps, [], await QueueQuery.AccountOwnersAsync(db, queue, reps, cancellationToken));
        // The rotation goes on from the routing log: leads routed to each rep since the horizon
        // began, and the last one routed.
        var ids = reps.Select(r => (long?)r.MemberId).ToList();
        var zone = TimeZoneInfo.FindSystemTimeZoneById(await db.Organizations.Where(o => o.Id == queue.OrgId).Select(o => o.TimeZoneId).SingleAsync(cancellationToken));
        var since = TimeZoneInfo.ConvertTimeToUtc(horizon.From.ToDateTime(TimeOnly.MinValue), zone);
        var routing = db.AssignmentLog.AsNoTracking()
            .Where(e => e.Source == AssignmentSource.Routing && e.ItemKind == RebalanceItemKind.Lead && ids.Contains(e.ToMemberId));
        var counts = await routing.Where(e => e.AtUtc >= since).GroupBy(e => e.ToMemberId!.Value)
            .Select(g => new { Member = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Member, g => g.Count, cancellationToken);
        var last = await routing.OrderByDescending(e => e.Id).Select(e => e.ToMemberId).FirstOrDefaultAsync(cancellationToken);
        var index = reps.Select((r, i) => (r.MemberId, i)).ToDictionary(x => x.MemberId, x => x.i);
        return new QueueRouter(
            instance, queue.Strategy,
            [.. reps.Select(r => counts.GetValueOrDefault(r.MemberId))],
            last is { } member && index.TryGetValue(member, out var at) ? at : null);
    }

    private sealed record Entry(long Version, DateTimeOffset BuiltAt, QueueRouter Router);
}
