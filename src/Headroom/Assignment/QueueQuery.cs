using Headroom.Data;
using Headroom.Leads;
using Headroom.Organizations;
using Headroom.Workload;
using Microsoft.EntityFrameworkCore;

namespace Headroom.Assignment;

// Reads what a queue plans with: the leads it takes and the reps of its team (with sub-teams)
// with their capacity and planned load over the rebalance horizon from the workload index. The
// caller has checked that it may run the queue; reps are read with the team's own scope.
public static class QueueQuery
{
    public const int DefaultLimit = 200, MaxLimit = 1000;

    // Unowned New leads in the team's pool (the team or one below it) or the organization's,
    // narrowed by the queue's source and region, oldest first.
    public static IQueryable<Lead> MatchingLeads(AppDbContext db, AssignmentQueue queue, IReadOnlyCollection<long> teams)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(queue);
        var query = db.Leads.Where(l => l.OwnerId == null && l.Status == LeadStatus.New
            && (l.PoolTeamId == null || teams.Contains(l.PoolTeamId.Value)));
#pragma warning disable CA1862 // lower() in SQL; the StringComparison overload has no SQL translation.
        if (queue.LeadSource is { } source)
        {
            var lower = source.ToLowerInvariant();
            query = query.Where(l => l.Source != null && l.Source.ToLower() == lower);
        }
        if (queue.LeadRegion is { } region)
        {
            var lower = region.ToLowerInvariant();
            query = query.Where(l => l.Region != null && l.Region.ToLower() == lower);
        }
#pragma warning restore CA1862
        return query;
    }

    // Whether one lead (already read) is one the queue takes: the same rule as MatchingLeads.
    public static bool Takes(AssignmentQueue queue, IReadOnlyCollection<long> teams, Lead lead)
    {
        ArgumentNullException.ThrowIfNull(queue);
        ArgumentNullException.ThrowIfNull(lead);
        return lead.OwnerId is null && lead.Status == LeadStatus.New
            && (lead.PoolTeamId is not { } pool || teams.Contains(pool))
            && (queue.LeadSource is not { } source || string.Equals(source, lead.Source, StringComparison.OrdinalIgnoreCase))
            && (queue.LeadRegion is not { } region || string.Equals(region, lead.Region, StringComparison.OrdinalIgnoreCase));
    }

    public static QueueLead ToQueueLead(Lead lead)
    {
        ArgumentNullException.ThrowIfNull(lead);
        return new QueueLead(lead.Id, lead.Name, lead.Company, lead.Source, lead.Region, lead.Language, lead.RequiredSkill, lead.RequiredSkillLevel, lead.Version);
    }

    public static async Task<(IReadOnlyList<QueueLead> Leads, int Waiting)> LeadsAsync(
        AppDbContext db, AssignmentQueue queue, int limit, CancellationToken cancellationToken = default)
    {
        var teams = await AccessScope.TeamsBelowAsync(db, [queue.TeamId], cancellationToken);
        var matching = MatchingLeads(db, queue, teams).AsNoTracking();
        var leads = await matching.OrderBy(l => l.CreatedUtc).ThenBy(l => l.Id).Take(limit)
            .Select(l => new QueueLead(l.Id, l.Name, l.Company, l.Source, l.Region, l.Language, l.RequiredSkill, l.RequiredSkillLevel, l.Version))
            .ToListAsync(cancellationToken);
        var total = leads.Count < limit ? leads.Count : await matching.CountAsync(cancellationToken);
        return (leads, total - leads.Count);
    }

    // Active reps of the team and its sub-teams, by name. Capacity over the horizon already has
    // leave and holidays taken off (WorkloadScorer); a rep on leave today takes nothing.
    public static async Task<(IReadOnlyList<QueueRep> Reps, RebalanceHorizon Horizon)> RepsAsync(
        AppDbContext db, AssignmentQueue queue, DateTimeOffset asOf, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(queue);
        var horizon = await RebalanceQuery.HorizonAsync(db, asOf, RebalanceQuery.DefaultWeeks, cancellationToken);
        var request = new WorkloadRequest(horizon.From, horizon.To, WorkloadPeriod.Week, asOf, TrendPeriods: 0);
        var scope = await AccessScope.ForTeamAsync(db, queue.TeamId, cancellationToken);
        var workload = await WorkloadQuery.LoadAsync(db, scope, request, queue.TeamId, cancellationToken: cancellationToken);
        var ids = workload.Members.Select(m => m.Id).ToList();
        var repIds = await db.Members.AsNoTracking().Where(m => ids.Contains(m.Id) && m.Role == MemberRole.Rep).Select(m => m.Id).ToListAsync(cancellationToken);
        var fits = await MemberFitQuery.LoadAsync(db, repIds, cancellationToken);
        var openLeads = await db.Leads.AsNoTracking()
            .Where(l => l.OwnerId != null && ids.Contains(l.OwnerId.Value) && (l.Status == LeadStatus.New || l.Status == LeadStatus.Working || l.Status == LeadStatus.Qualified))
            .GroupBy(l => l.OwnerId!.Value).Select(g => new { Owner = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Owner, g => g.Count, cancellationToken);
        var onLeave = workload.Leave.Where(l => l.Start <= horizon.Today && l.End >= horizon.Today).Select(l => l.MemberId).ToHashSet();
        var weights = queue.ReadWeights();
        var scored = WorkloadScorer.Score(workload, request);
        var reps = scored.Members.Where(m => fits.ContainsKey(m.MemberId)).Select(m =>
        {
            var fit = fits[m.MemberId];
            return new QueueRep(
                m.MemberId, m.Name, m.Periods.Sum(p => p.CapacityHours), m.Periods.Sum(p => p.Load.Total),
                openLeads.GetValueOrDefault(m.MemberId), onLeave.Contains(m.MemberId),
                weights.TryGetValue(m.MemberId, out var weight) ? weight : null,
                fit.Territories, fit.Languages, fit.Skills);
        }).ToList();
        return (reps, horizon);
    }

    // The accounts the reps own, by name (trimmed, ignoring case), for lead-to-account matching: a
    // lead whose company is one of them prefers its owner under the balanced strategy (null for the
    // other strategies, which do not read it). A name two reps own accounts under is left out: it
    // does not say whose customer the lead is.
    public static async Task<IReadOnlyDictionary<string, long>?> AccountOwnersAsync(
        AppDbContext db, AssignmentQueue queue, IReadOnlyList<QueueRep> reps, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(queue);
        ArgumentNullException.ThrowIfNull(reps);
        if (queue.Strategy != AssignmentStrategy.Balanced)
        {
            return null;
        }
        var ids = reps.Select(r => r.MemberId).ToList();
        var owned = await db.Accounts.AsNoTracking()
            .Where(a => a.OwnerId != null && ids.Contains(a.OwnerId.Value))
            .Select(a => new { a.Name, Owner = a.OwnerId!.Value })
            .ToListAsync(cancellationToken);
        return owned.GroupBy(a => a.Name.Trim(), StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Select(a => a.Owner).Distinct().Count() == 1)
            .ToDictionary(g => g.Key, g => g.First().Owner, StringComparer.OrdinalIgnoreCase);
    }

    // A dry run: the queue's strategy on the leads waiting (at most limit, oldest first). The seed
    // is fixed, so the same database gives the same plan.
    public static async Task<QueuePreview> PreviewAsync(
        AppDbContext db, AssignmentQueue queue, DateTimeOffset asOf, int limit = DefaultLimit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(queue);
        var teamName = await db.Teams.Where(t => t.Id == queue.TeamId).Select(t => t.Name).SingleAsync(cancellationToken);
        var (reps, horizon) = await RepsAsync(db, queue, asOf, cancellationToken);
        var (leads, waiting) = await LeadsAsync(db, queue, limit, cancellationToken);
        var instance = new QueueInstance(queue, reps, leads, await AccountOwnersAsync(db, queue, reps, cancellationToken));
        var plan = StrategyAssigner.Assign(instance.Instance, queue.Strategy, new AssignmentOptimizerOptions { Workers = 1 }, instance.Weights);
        return QueuePreview.From(queue, teamName, horizon, instance, plan, waiting);
    }
}
