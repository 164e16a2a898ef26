using Headroom.Data;
using Headroom.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Headroom.Goals;

// Who a goal cascades to and with which weights; GoalCascade does the arithmetic. The children of
// the organization are its top-level teams, of a team its direct sub-teams; cascading to members
// goes to the active reps of the whole subtree. By capacity, a child weighs the hours of its reps
// in the period, pro-rated for leave and ramp-up; by last period's share, its actual value in the
// period before; by territory potential, the potential of the territories its reps cover, each
// territory shared among the reps of the parent who cover it (TerritoryWeights).
public static class GoalCascadePlanner
{
    public static async Task<CascadePlan> PlanAsync(
        AppDbContext db, GoalContext context, Goal parent, GoalOwnerKind childKind, CascadeMethod method, CancellationToken cancellationToken = default)
    {
        var owners = await ChildOwnersAsync(db, parent, childKind, cancellationToken);
        var weights = new List<CascadeShare>();
        IReadOnlyList<string> uncovered = [];
        var allMembers = new Dictionary<long, List<long>>();
        if (method is CascadeMethod.Capacity or CascadeMethod.TerritoryPotential)
        {
            foreach (var owner in owners)
            {
                allMembers[owner.Key] = await GoalEvaluator.OwnerMembersAsync(db, childKind, owner.TeamId, owner.MemberId, cancellationToken);
            }
        }
        if (method == CascadeMethod.Capacity)
        {
            var capacity = await GoalCapacityQuery.LoadAsync(db, context, [.. allMembers.Values.SelectMany(m => m).Distinct()], parent.StartDate, parent.EndDate, cancellationToken);
            weights.AddRange(owners.Select(o => new CascadeShare(o.Key, Math.Round(allMembers[o.Key].Sum(m => capacity.TryGetValue(m, out var c) ? c.RampedHours : 0), 2))));
        }
        else if (method == CascadeMethod.TerritoryPotential)
        {
            var ids = allMembers.Values.SelectMany(m => m).Distinct().ToList();
            var territories = await db.Members.AsNoTracking().Where(m => ids.Contains(m.Id)).Select(m => new { m.Id, m.Territories }).ToListAsync(cancellationToken);
            var potentials = await db.TerritoryPotentials.AsNoTracking().ToDictionaryAsync(t => t.Territory, t => t.PotentialMinor, cancellationToken);
            var weighting = TerritoryWeights.Weigh(potentials, territories.ToDictionary(m => m.Id, m => (IReadOnlyList<string>)m.Territories));
            weights.AddRange(owners.Select(o => new CascadeShare(o.Key, Math.Round(allMembers[o.Key].Sum(m => weighting.Weights.GetValueOrDefault(m)), 2))));
            uncovered = weighting.Uncovered;
        }
        else if (method == CascadeMethod.LastPeriodShare)
        {
            var (start, end) = GoalPeriods.Previous(parent.PeriodKind, parent.StartDate, parent.EndDate);
            foreach (var owner in owners)
            {
                var subject = new GoalSubject(childKind, owner.TeamId, owner.MemberId, parent.Metric, parent.ActivityType, parent.PeriodKind, start, end);
                var actual = await GoalProgressQuery.LoadAsync(db, subject, context.Zone, cancellationToken);
                weights.Add(new CascadeShare(owner.Key, actual.Actual ?? 0));
            }
        }
        else
        {
            weights.AddRange(owners.Select(o => new CascadeShare(o.Key, 1)));
        }
        var split = GoalCascade.Split(parent.Target, method, weights, GoalMetrics.Of(parent.Metric).Additive);
        var existing = await db.Goals.Where(g => g.ParentGoalId == parent.Id)
            .Select(g => new { g.Id, g.OwnerKind, g.TeamId, g.MemberId, g.Status, g.Target })
            .ToListAsync(cancellationToken);
        var lines = owners.Zip(split.Parts, (owner, part) =>
        {
            var child = existing.FirstOrDefault(g => g.OwnerKind == childKind && g.TeamId == owner.TeamId && g.MemberId == owner.MemberId);
            return new CascadeLine(childKind, owner.TeamId, owner.MemberId, owner.Name, part.Weight, part.Target, child?.Id, child?.Target, child?.Status);
        }).ToList();
        return new CascadePlan(method, childKind, lines, split.FellBackToEven, GoalCascade.RollUp(parent.Target, [.. lines.Select(l => l.Target)], GoalMetrics.Of(parent.Metric)), uncovered);
    }

    private static async Task<List<ChildOwner>> ChildOwnersAsync(AppDbContext db, Goal parent, GoalOwnerKind childKind, CancellationToken cancellationToken)
    {
        if (childKind == GoalOwnerKind.Team)
        {
            return parent.OwnerKind switch
            {
                GoalOwnerKind.Organization => await db.Teams.Where(t => t.ParentTeamId == null).OrderBy(t => t.Name).ThenBy(t => t.Id)
                    .Select(t => new ChildOwner(t.Id, t.Id, null, t.Name)).ToListAsync(cancellationToken),
                GoalOwnerKind.Team => await db.Teams.Where(t => t.ParentTeamId == parent.TeamId).OrderBy(t => t.Name).ThenBy(t => t.Id)
                    .Select(t => new ChildOwner(t.Id, t.Id, null, t.Name)).ToListAsync(cancellationToken),
                _ => [],
            };
        }
        if (childKind == GoalOwnerKind.Member && parent.OwnerKind != GoalOwnerKind.Member)
        {
            var ids = await GoalEvaluator.OwnerMembersAsync(db, parent.OwnerKind, parent.TeamId, parent.MemberId, cancellationToken);
            return await db.Members.Where(m => ids.Contains(m.Id)).OrderBy(m => m.Name).ThenBy(m => m.Id)
                .Select(m => new ChildOwner(m.Id, null, m.Id, m.Name)).ToListAsync(cancellationToken);
        }
        return [];
    }

    private sealed record ChildOwner(long Key, long? TeamId, long? MemberId, string Name);
}

// One child: its owner, weight (hours, last period's actual, or 1), the target it would get, and
// the child goal already cascaded to that owner, if any.
public sealed record CascadeLine(
    GoalOwnerKind OwnerKind, long? TeamId, long? MemberId, string OwnerName, double Weight, long Target,
    long? ExistingGoalId, long? ExistingTarget, GoalStatus? ExistingStatus);

// UncoveredTerritories: by territory potential, the territories with potential that no child's rep covers.
public sealed record CascadePlan(
    CascadeMethod Method, GoalOwnerKind ChildKind, IReadOnlyList<CascadeLine> Lines, bool FellBackToEven, RollUp RollUp, IReadOnlyList<string> UncoveredTerritories);
