namespace Headroom.Assignment;

// What the engine plans: items to place, the reps who may take them, and the cost weights.
// Reps and items are referred to by their index in these lists.
public sealed record AssignmentInstance(IReadOnlyList<AssignmentItem> Items, IReadOnlyList<AssignmentRep> Reps, AssignmentCostWeights Weights)
{
    public bool IsEligible(int item, int rep) => IsEligible(Items[item], rep);

    public int EffortOf(int item, int rep) => EffortOf(Items[item], rep);

    public long CostOf(int item, int rep) => CostOf(Items[item], rep);

    // Hard requirements: the rep takes new work, is not on leave the whole horizon, and matches the
    // item's territory, team, language and skill level.
    public bool IsEligible(AssignmentItem item, int rep)
    {
        ArgumentNullException.ThrowIfNull(item);
        var r = Reps[rep];
        return TakesWork(r)
            && (item.Territory is not { } territory || r.Territory == territory)
            && (item.Team is not { } team || r.Team == team)
            && (item.Language is not { } language || (language is >= 0 and < 64 && (r.Languages & (1UL << language)) != 0))
            && (item.Skill is not { } skill || r.LevelIn(skill) >= Math.Max(1, item.SkillLevel));
    }

    public int EffortOf(AssignmentItem item, int rep)
    {
        ArgumentNullException.ThrowIfNull(item);
        return (int)((item.EffortMinutes * (long)Reps[rep].EffortPercent + 99) / 100) + TravelMinutesOf(item, rep);
    }

    public long CostOf(AssignmentItem item, int rep)
    {
        ArgumentNullException.ThrowIfNull(item);
        long cost = 0;
        if (item.IncumbentRep is { } incumbent && incumbent != rep)
        {
            cost += Weights.Relationship;
        }
        if (item.PreferredRep is { } preferred && preferred != rep)
        {
            cost += Weights.Preference;
        }
        return cost + Weights.TravelPerHour * TravelMinutesOf(item, rep) / 60;
    }

    internal static bool TakesWork(AssignmentRep rep) => !rep.OptedOut && rep.AvailableMinutes > 0 && rep.MaxItems > 0;

    private int TravelMinutesOf(AssignmentItem item, int rep) =>
        item.Location is { } location && Reps[rep].Location != location ? item.TravelMinutes : 0;
}
