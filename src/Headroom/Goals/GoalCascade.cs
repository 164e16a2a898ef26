namespace Headroom.Goals;

// Splits a parent target among child owners and says whether children add up to a parent. Pure:
// the weights (capacity hours, last period's actuals) are read by the caller.
public static class GoalCascade
{
    // Parts that sum exactly to the target, each in proportion to its weight: every part is first
    // rounded down, and the units left over go one each to the largest remainders (ties to the
    // earlier child), so nothing is lost or invented by rounding. When no child has any weight
    // (nobody has capacity, nobody sold last period) the target is split evenly and
    // FellBackToEven says so. Non-additive metrics (a win rate) give every child the parent's target.
    public static CascadeResult Split(long target, CascadeMethod method, IReadOnlyList<CascadeShare> children, bool additive = true)
    {
        if (children.Count == 0)
        {
            return new CascadeResult([], FellBackToEven: false);
        }
        if (!additive)
        {
            return new CascadeResult([.. children.Select(c => new CascadePart(c.Key, target, c.Weight))], FellBackToEven: false);
        }
        var weights = method == CascadeMethod.Even
            ? children.Select(_ => 1m).ToList()
            : children.Select(c => (decimal)Math.Max(0, c.Weight)).ToList();
        var fellBack = false;
        if (weights.Sum() == 0)
        {
            weights = [.. children.Select(_ => 1m)];
            fellBack = method != CascadeMethod.Even;
        }
        var total = weights.Sum();
        var parts = new long[children.Count];
        var remainders = new decimal[children.Count];
        var sign = target < 0 ? -1 : 1;
        var magnitude = Math.Abs((decimal)target);
        for (var i = 0; i < children.Count; i++)
        {
            var exact = magnitude * weights[i] / total;
            parts[i] = (long)Math.Floor(exact);
            remainders[i] = exact - parts[i];
        }
        var left = (long)magnitude - parts.Sum();
        foreach (var i in Enumerable.Range(0, children.Count).OrderByDescending(i => remainders[i]).ThenBy(i => i).Take((int)left))
        {
            parts[i]++;
        }
        return new CascadeResult(
            [.. children.Select((c, i) => new CascadePart(c.Key, sign * parts[i], c.Weight))],
            fellBack);
    }

    // Do the children's targets add up to the parent's? For ratios the question is whether each
    // child's target is at least as good as the parent's.
    public static RollUp RollUp(long parentTarget, IReadOnlyList<long> childTargets, GoalMetricInfo metric)
    {
        if (!metric.Additive)
        {
            var allMeet = childTargets.All(t => metric.LowerIsBetter ? t <= parentTarget : t >= parentTarget);
            return new RollUp(parentTarget, null, null, childTargets.Count > 0 && allMeet ? RollUpState.Covers : childTargets.Count == 0 ? RollUpState.NoChildren : RollUpState.Short);
        }
        if (childTargets.Count == 0)
        {
            return new RollUp(parentTarget, 0, -parentTarget, RollUpState.NoChildren);
        }
        var sum = childTargets.Sum();
        var difference = sum - parentTarget;
        var state = difference == 0 ? RollUpState.AddsUp : difference > 0 ? RollUpState.Over : RollUpState.Short;
        return new RollUp(parentTarget, sum, difference, state);
    }
}

public enum CascadeMethod
{
    Even = 0,
    Capacity = 1,
    LastPeriodShare = 2,
    TerritoryPotential = 3,
}

// Key is the child owner (a team or member id); Weight its capacity hours, last period's actual or
// territory potential.
public sealed record CascadeShare(long Key, double Weight);

public sealed record CascadePart(long Key, long Target, double Weight);

public sealed record CascadeResult(IReadOnlyList<CascadePart> Parts, bool FellBackToEven);

// ChildrenSum and Difference (children minus parent) only for additive metrics.
public sealed record RollUp(long ParentTarget, long? ChildrenSum, long? Difference, RollUpState State);

public enum RollUpState
{
    NoChildren = 0,
    AddsUp = 1,
    Short = 2,
    Over = 3,
    Covers = 4,
}
