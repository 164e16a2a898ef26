namespace Headroom.Assignment;

// Routes single new items between plans, in microseconds: among the eligible reps with room under
// the last plan's utilization cap, the one with the lowest cost plus capacity price × effort (the
// prices of the plan's cost stage); when none has room under the cap, the one least utilized
// afterwards. Loads carry over from item to item. One router serves one queue; not thread-safe.
public sealed class OnlineRouter
{
    private readonly AssignmentInstance _instance;
    private readonly RepIndex _index;
    private readonly long[] _load;
    private readonly int[] _count;
    private readonly double[] _prices;
    private readonly double _cap;
    private readonly List<int> _eligible = [];
    private int _routed;

    public OnlineRouter(AssignmentInstance instance, AssignmentPlan plan)
    {
        ArgumentNullException.ThrowIfNull(instance);
        ArgumentNullException.ThrowIfNull(plan);
        _instance = instance;
        _index = new RepIndex(instance);
        _load = (long[])plan.LoadMinutes.Clone();
        _count = new int[instance.Reps.Count];
        foreach (var rep in plan.RepOfItem)
        {
            if (rep >= 0)
            {
                _count[rep]++;
            }
        }
        _prices = plan.CapacityPrices.Length == instance.Reps.Count ? plan.CapacityPrices : new double[instance.Reps.Count];
        _cap = plan.UtilizationCap;
    }

    public long LoadOf(int rep) => _load[rep];

    public AssignmentExplanation Route(AssignmentItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var number = _instance.Items.Count + _routed++;
        _eligible.Clear();
        _index.EligibleReps(item, _eligible);
        int best = -1, second = -1, bestEffort = 0;
        var bestFits = false;
        double bestScore = 0, bestCost = 0, bestAfter = 0, secondScore = 0, secondCost = 0, secondAfter = 0;
        var secondFits = false;
        foreach (var r in _eligible)
        {
            if (_count[r] >= _instance.Reps[r].MaxItems)
            {
                continue;
            }
            var effort = _instance.EffortOf(item, r);
            var cost = _instance.CostOf(item, r);
            var after = (_load[r] + effort) / (double)_instance.Reps[r].AvailableMinutes;
            var fits = after <= _cap;
            var score = fits ? cost + _prices[r] * effort : after;
            if (best < 0 || Better(fits, score, after, bestFits, bestScore, bestAfter))
            {
                (second, secondFits, secondScore, secondCost, secondAfter) = (best, bestFits, bestScore, bestCost, bestAfter);
                (best, bestFits, bestScore, bestCost, bestAfter, bestEffort) = (r, fits, score, cost, after, effort);
            }
            else if (second < 0 || Better(fits, score, after, secondFits, secondScore, secondAfter))
            {
                (second, secondFits, secondScore, secondCost, secondAfter) = (r, fits, score, cost, after);
            }
        }
        if (best < 0)
        {
            return new AssignmentExplanation(number, null, null, _eligible.Count, 0, 0, AssignmentDecision.NotPlaced,
                _eligible.Count == 0 ? UnplacedReason.NoEligibleRep : UnplacedReason.EligibleRepsFull);
        }
        var before = _load[best];
        _load[best] += bestEffort;
        _count[best]++;
        var decision = _eligible.Count == 1 ? AssignmentDecision.OnlyEligibleRep
            : !bestFits || second < 0 || !secondFits ? AssignmentDecision.Utilization
            : bestCost < secondCost ? AssignmentDecision.Cost
            : AssignmentDecision.Balance;
        return new AssignmentExplanation(number, best, second < 0 ? null : second, _eligible.Count, before, _load[best], decision);
    }

    // Reps under the cap come first, by score; the rest by utilization afterwards. Equal scores
    // go to the rep less utilized afterwards.
    private static bool Better(bool fits, double score, double after, bool otherFits, double otherScore, double otherAfter) =>
        fits != otherFits ? fits : score != otherScore ? score < otherScore : after < otherAfter;
}
