using System.Diagnostics;

namespace Headroom.Assignment;

// Runs the strategy a manager picked for a queue. Round robin, weighted round robin and least
// loaded hand out items one by one in list order (the order they arrived), skipping reps that are
// not eligible or are at their item cap; balanced is AssignmentOptimizer. Weighted round robin
// hands out in proportion to the given weights per rep (by default, to capacity).
public static class StrategyAssigner
{
    public static AssignmentPlan Assign(AssignmentInstance instance, AssignmentStrategy strategy, AssignmentOptimizerOptions? options = null, IReadOnlyList<double>? weights = null)
    {
        ArgumentNullException.ThrowIfNull(instance);
        if (strategy == AssignmentStrategy.Balanced)
        {
            return AssignmentOptimizer.Plan(instance, options);
        }
        if (weights is not null && (weights.Count != instance.Reps.Count || weights.Any(w => !(w > 0))))
        {
            throw new ArgumentException("One positive weight per rep.", nameof(weights));
        }
        var clock = Stopwatch.StartNew();
        var graph = CandidateGraph.Build(instance, options?.Workers ?? new AssignmentOptimizerOptions().Workers);
        var state = new PlanState(graph);
        var explanations = new AssignmentExplanation[graph.Items];
        var next = 0;
        for (var i = 0; i < graph.Items; i++)
        {
            var eligible = graph.Start[i + 1] - graph.Start[i];
            int best = -1, second = -1;
            double bestKey = double.PositiveInfinity, secondKey = double.PositiveInfinity;
            for (var k = graph.Start[i]; k < graph.Start[i + 1]; k++)
            {
                var r = graph.Rep[k];
                if (!state.HasRoom(r))
                {
                    continue;
                }
                // Distance in the rotation breaks ties for every strategy, so equal keys rotate too.
                var turn = (r - next + graph.Reps) % graph.Reps;
                var key = strategy switch
                {
                    AssignmentStrategy.RoundRobin => turn,
                    AssignmentStrategy.WeightedRoundRobin => (state.Count[r] + 1) / (weights?[r] ?? graph.Capacity[r]) + turn * 1e-12,
                    _ => state.Utilization(r) + turn * 1e-12,
                };
                if (key < bestKey)
                {
                    (second, secondKey) = (best, bestKey);
                    (best, bestKey) = (k, key);
                }
                else if (key < secondKey)
                {
                    (second, secondKey) = (k, key);
                }
            }
            if (best < 0)
            {
                explanations[i] = new AssignmentExplanation(i, null, null, eligible, 0, 0, AssignmentDecision.NotPlaced,
                    eligible == 0 ? UnplacedReason.NoEligibleRep : UnplacedReason.EligibleRepsFull);
                continue;
            }
            state.Place(i, best);
            var rep = graph.Rep[best];
            next = (rep + 1) % graph.Reps;
            var decision = eligible == 1 ? AssignmentDecision.OnlyEligibleRep
                : strategy == AssignmentStrategy.LeastLoaded ? AssignmentDecision.LeastLoaded
                : AssignmentDecision.RoundRobinTurn;
            explanations[i] = new AssignmentExplanation(i, rep, second < 0 ? null : graph.Rep[second], eligible, graph.BaseLoad[rep], 0, decision);
        }
        for (var i = 0; i < graph.Items; i++)
        {
            if (explanations[i].Rep is { } rep)
            {
                explanations[i] = explanations[i] with { LoadAfterMinutes = state.Load[rep] };
            }
        }
        return PlanReport.Build(instance, strategy, state, explanations, null, null, new double[graph.Reps], state.MaxUtilization(), clock.Elapsed);
    }
}
