namespace Headroom.Assignment;

// Turns a finished PlanState into an AssignmentPlan. Loads, cost, moves and violations are
// recomputed from the instance itself (not from the candidate lists the strategies used), so a
// bug in building candidates shows up as a violation instead of hiding.
internal static class PlanReport
{
    public static AssignmentExplanation[] ExplainBalanced(PlanState state, double[] capacityLoad, UnplacedReason?[] reasons)
    {
        var g = state.Graph;
        var explanations = new AssignmentExplanation[g.Items];
        for (var i = 0; i < g.Items; i++)
        {
            var eligible = g.Start[i + 1] - g.Start[i];
            var slot = state.Slot[i];
            if (slot < 0)
            {
                explanations[i] = new AssignmentExplanation(i, null, null, eligible, 0, 0, AssignmentDecision.NotPlaced,
                    reasons[i] ?? UnplacedReason.EligibleRepsFull);
                continue;
            }
            var rep = g.Rep[slot];
            if (eligible == 1)
            {
                explanations[i] = new AssignmentExplanation(i, rep, null, 1, g.BaseLoad[rep], state.Load[rep], AssignmentDecision.OnlyEligibleRep);
                continue;
            }
            int fitting = -1, closest = -1;
            var closestUtil = double.PositiveInfinity;
            for (var k = g.Start[i]; k < g.Start[i + 1]; k++)
            {
                var s = g.Rep[k];
                if (s == rep)
                {
                    continue;
                }
                var after = (state.Load[s] + g.Effort[k]) / g.Capacity[s];
                if (after < closestUtil)
                {
                    closestUtil = after;
                    closest = s;
                }
                if (state.HasRoom(s) && state.Load[s] + g.Effort[k] <= capacityLoad[s]
                    && (fitting < 0 || g.Cost[k] < g.Cost[fitting]))
                {
                    fitting = k;
                }
            }
            var decision = fitting < 0 ? AssignmentDecision.Utilization
                : g.Cost[slot] < g.Cost[fitting] ? AssignmentDecision.Cost
                : AssignmentDecision.Balance;
            var runnerUp = fitting < 0 ? closest : g.Rep[fitting];
            explanations[i] = new AssignmentExplanation(i, rep, runnerUp, eligible, g.BaseLoad[rep], state.Load[rep], decision);
        }
        return explanations;
    }

    public static AssignmentPlan Build(AssignmentInstance instance, AssignmentStrategy strategy, PlanState state,
        AssignmentExplanation[] explanations, double? utilizationBound, long? costBound, double[] prices, double cap, TimeSpan elapsed)
    {
        var n = instance.Items.Count;
        var m = instance.Reps.Count;
        var repOfItem = new int[n];
        var load = new long[m];
        var count = new int[m];
        for (var r = 0; r < m; r++)
        {
            load[r] = instance.Reps[r].CurrentLoadMinutes;
        }
        long cost = 0, unplacedEffort = 0;
        int moves = 0, unplaced = 0, violations = 0;
        for (var i = 0; i < n; i++)
        {
            var rep = repOfItem[i] = state.RepOf(i);
            var item = instance.Items[i];
            if (rep < 0)
            {
                unplaced++;
                unplacedEffort += item.EffortMinutes;
                continue;
            }
            if (!instance.IsEligible(i, rep))
            {
                violations++;
            }
            load[rep] += instance.EffortOf(i, rep);
            count[rep]++;
            cost += instance.CostOf(i, rep);
            if (item.IncumbentRep is { } incumbent && incumbent != rep)
            {
                moves++;
            }
        }
        var utilizations = new List<double>(m);
        for (var r = 0; r < m; r++)
        {
            if (count[r] > instance.Reps[r].MaxItems)
            {
                violations++;
            }
            if (instance.Reps[r].AvailableMinutes > 0)
            {
                utilizations.Add((double)load[r] / instance.Reps[r].AvailableMinutes);
            }
        }
        var max = utilizations.Count == 0 ? 0 : utilizations.Max();
        var mean = utilizations.Count == 0 ? 0 : utilizations.Average();
        var variance = utilizations.Count == 0 ? 0 : utilizations.Sum(u => (u - mean) * (u - mean)) / utilizations.Count;
        var cv = mean > 0 ? Math.Sqrt(variance) / mean : 0;
        var metrics = new PlanMetrics(max, cv, cost, moves, unplaced, unplacedEffort, violations, utilizationBound, costBound, elapsed);
        return new AssignmentPlan(strategy, repOfItem, load, explanations, metrics, prices, cap);
    }
}
