using Headroom.Data;
using Headroom.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Headroom.Goals;

// Puts the queries and the engines together for one goal: its actual value and pace, and, for
// the editor, the SMART check with the owner's history, rates and capacity. Sequential queries
// on the one DbContext of the request.
public static class GoalEvaluator
{
    public const int HistoryPeriods = 4;

    public static async Task<GoalStanding> StandingAsync(AppDbContext db, GoalContext context, GoalSubject goal, long target, DateOnly today, CancellationToken cancellationToken = default)
    {
        var actuals = await GoalProgressQuery.LoadAsync(db, goal, context.Zone, cancellationToken);
        return Standing(context, goal, target, today, actuals);
    }

    // The pace from actuals the caller has counted already (the dashboard has the period's figures).
    public static GoalStanding Standing(GoalContext context, GoalSubject goal, long target, DateOnly today, GoalActuals actuals)
    {
        var flags = context.WorkingDays(goal.Start, goal.End);
        var (total, elapsed) = GoalPacer.WorkingDays(flags, goal.Start, today);
        var pace = GoalPacer.Pace(new PaceInputs(GoalMetrics.Of(goal.Metric), target, actuals.Actual, total, elapsed, Ended: today > goal.End, actuals.WeightedPipeline));
        return new GoalStanding(actuals, pace);
    }

    public static async Task<SmartResult> SmartAsync(
        AppDbContext db, GoalContext context, GoalSubject goal, long target, string? description, string? strategyNote, bool hasParent, DateOnly today,
        CancellationToken cancellationToken = default)
    {
        var history = await GoalProgressQuery.HistoryAsync(db, goal, HistoryPeriods, context.Zone, cancellationToken);
        var rates = await GoalProgressQuery.RatesAsync(db, goal, goal.Start, context.Zone, cancellationToken);
        var members = await OwnerMembersAsync(db, goal.OwnerKind, goal.TeamId, goal.MemberId, cancellationToken);
        var capacity = await GoalCapacityQuery.LoadAsync(db, context, members, goal.Start, goal.End, cancellationToken);
        return SmartCheck.Check(new SmartInputs(
            description, goal.Metric, target, goal.Start, goal.End, today, hasParent, strategyNote, history, rates,
            capacity.Values.Sum(c => c.RampedHours)));
    }

    // The members who carry an owner's goal: the member, or the active reps of a team with every
    // sub-team or of the whole organization (managers and admins carry no quota of their own).
    public static async Task<List<long>> OwnerMembersAsync(AppDbContext db, GoalOwnerKind kind, long? teamId, long? memberId, CancellationToken cancellationToken = default)
    {
        switch (kind)
        {
            case GoalOwnerKind.Member:
                return memberId is { } id ? [id] : [];
            case GoalOwnerKind.Team:
                var teams = await AccessScope.TeamsBelowAsync(db, [teamId ?? 0], cancellationToken);
                return await db.Members.Where(m => m.Active && m.Role == MemberRole.Rep && m.TeamId != null && teams.Contains(m.TeamId.Value)).Select(m => m.Id).ToListAsync(cancellationToken);
            default:
                return await db.Members.Where(m => m.Active && m.Role == MemberRole.Rep).Select(m => m.Id).ToListAsync(cancellationToken);
        }
    }
}

public sealed record GoalStanding(GoalActuals Actuals, GoalPace Pace);
