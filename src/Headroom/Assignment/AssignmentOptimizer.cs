using System.Diagnostics;

namespace Headroom.Assignment;

// The balanced strategy. Stages, each fixed before the next (see ADR 0024):
// 1. hard constraints are never broken: only candidate pairs are used, item caps are respected;
// 2. place as much effort as the item caps allow (largest first with one-step augmentation, and
//    an exact min-cost flow when that still leaves items out);
// 3. lower the maximum utilization: largest-first greedy onto the least utilized candidate, then
//    passes of single moves that lower Σ capacity × utilization⁸ (a convex penalty that evens
//    out the top), then moves and two-step chains that take work off the most utilized rep;
// 4. lower cost with every rep kept at or below the achieved maximum (plus a small tolerance, or
//    up to the utilization target when UtilizationTargetGap is set), and at or below the highest
//    of CostStageCeiling (1.0), the plan's mean and the rep's own utilization (plus the tolerance):
//    start again from the transportation step's flow (CostTransportation: the cost LP as a
//    min-cost flow, solved by NetworkSimplex, each item on the candidate carrying most of it) or,
//    without it, from every item on its cheapest candidate, the reps above the cap passing work on
//    by the ejection chain that adds the least cost (plus half the cost bound's price of the room
//    it takes; a second repair at a quarter of the price runs on the other core and the cheaper
//    plan is kept), else shedding it directly; the reps that still cannot get under their limits
//    take back their balanced work and the repair runs again (or, if that fails too, keep the
//    balanced plan), then
//    moves to cheaper candidates, pairs of moves that make room on a cheaper rep, and ejection
//    chains of up to CostChainDepth further moves (found breadth first over reps). Improving
//    the balanced plan instead was tried and always ended dearer (by 1.2-1.6x), in more time.
//    On small plans (CostExactPairs) CP-SAT then solves the stage exactly from that plan (CostExact).
// Lagrangian bounds measure how far stages 3 and 4 are from their LP relaxations; the cost bound
// starts from the flow's duals and a few sweeps of coordinate ascent.
public static class AssignmentOptimizer
{
    public static AssignmentPlan Plan(AssignmentInstance instance, AssignmentOptimizerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(instance);
        options ??= new AssignmentOptimizerOptions();
        var clock = Stopwatch.StartNew();
        var graph = CandidateGraph.Build(instance, options.Workers);
        var search = new BalancedSearch(new PlanState(graph), options, clock);
        var unplaced = search.Place();
        // The transportation step's sources and arcs do not depend on where the balancing passes
        // move items, so with two workers they are built on the other core meanwhile.
        var placed = (int[])search.State.Slot.Clone();
        var network = !options.CostFlow ? null
            : options.Workers > 1 ? Task.Run(() => CostTransportation.Prepare(graph, placed))
            : Task.FromResult(CostTransportation.Prepare(graph, placed));
        search.Balance();
        var bounds = new AssignmentBounds(search.State, options.Workers);
        // Without a utilization target the cap does not depend on the bound, so the bound is
        // computed on the other core, one thread, while the cost stage runs (the transportation
        // step is one thread too); it reads the balanced plan, which the cost stage leaves alone
        // unless it has to keep it, and then waits first.
        var balanced = search;
        var utilizationTask = options.UtilizationTargetGap > 0
            ? Task.FromResult(bounds.UtilizationBound(options.BoundIterations))
            : Task.Run(() => new AssignmentBounds(balanced.State, 1).UtilizationBound(options.BoundIterations));
        var cap = Math.Max(search.State.MaxUtilization() + options.UtilizationTolerance,
            options.UtilizationTargetGap > 0 ? utilizationTask.Result * (1 + options.UtilizationTargetGap) : 0);
        // Saving cost may not lift a rep above the ceiling (full utilization by default), the plan's
        // mean or their own balanced utilization, whichever is highest (plus the tolerance): when
        // one over-subscribed cluster sets a maximum above 100 %, the cost stage would otherwise
        // make everyone else overloaded for a cheaper plan.
        var level = Math.Max(options.CostStageCeiling, MeanUtilization(search.State));
        var capacityLoad = new double[graph.Reps];
        for (var r = 0; r < graph.Reps; r++)
        {
            var repCap = Math.Min(cap, Math.Max(search.State.Utilization(r), level) + options.UtilizationTolerance);
            // The balanced load (current load included) always fits: it is the fallback plan.
            capacityLoad[r] = Math.Max(search.State.Load[r], Math.Floor(repCap * graph.Capacity[r]));
        }
        // The transportation step's rounded flow if it repairs to the cap, else every item on its
        // cheapest candidate. The cost bound does not depend on the plan, so with the flow it is
        // computed first, from the flow's duals (any prices give a valid bound), and its prices
        // charge the repair for the room it uses: against the flow's own duals, better on two of six
        // instances (10k × 100 seed 1 by 1.7 %), worse on one (seed 3, 0.1 %), equal on three.
        var transport = network?.Result.Solve(search.State.Slot, capacityLoad);
        long? costBound = null;
        if (transport is { } flow)
        {
            // The subgradient method gains little after the flow's duals and the coordinate ascent
            // (at 100k × 1k, 10 and 50 steps give the same bound); its step aims at the rounded
            // flow's cost.
            var rounded = flow.Slot.Where(k => k >= 0).Sum(k => graph.Cost[k]);
            costBound = bounds.CostBound(capacityLoad, rounded, Math.Max(10, options.BoundIterations / 15), flow.Prices, options.CostAscentSweeps);
        }
        // The second repair reads only which items are placed, from the copy taken before balancing.
        // With one worker it runs first, on this thread: the plan does not depend on the workers.
        var balancedSlots = (int[])search.State.Slot.Clone();
        var second = transport is { } start && options.SecondRepairPriceWeight is { } weight
            ? SecondRepair(graph, options with { RepairPriceWeight = weight }, clock, placed, start.Slot, balancedSlots, capacityLoad, cap, bounds.CostPrices)
            : null;
        var fresh = new BalancedSearch(new PlanState(graph), options, clock);
        if (transport is { } t && fresh.PlaceBySlotsOrBalanced(search.State.Slot, t.Slot, balancedSlots, capacityLoad, cap, bounds.CostPrices))
        {
            search = fresh;
        }
        else if ((fresh = new BalancedSearch(new PlanState(graph), options, clock)).PlaceByCost(search.State.Slot, capacityLoad, cap))
        {
            search = fresh;
        }
        if (search == balanced)
        {
            utilizationTask.Wait();
        }
        search.LowerCost(capacityLoad);
        if (second?.Result is { } other && other.State.TotalCost() < search.State.TotalCost())
        {
            search = other;
        }
        // Small plans: the same stage solved exactly, from this plan.
        CostExact.Improve(search.State, capacityLoad, costBound, options, options.TimeLimit - clock.Elapsed);
        var utilizationBound = utilizationTask.Result;
        // From zero prices the subgradient method needs more passes: a third of BoundIterations.
        costBound ??= bounds.CostBound(capacityLoad, search.State.TotalCost(), Math.Max(20, options.BoundIterations / 3), null, options.CostAscentSweeps);
        var explanations = PlanReport.ExplainBalanced(search.State, capacityLoad, unplaced);
        return PlanReport.Build(instance, AssignmentStrategy.Balanced, search.State, explanations, utilizationBound, costBound.Value,
            bounds.CostPrices, cap, clock.Elapsed) with { CostLimitMinutes = capacityLoad };
    }

    private static Task<BalancedSearch?> SecondRepair(CandidateGraph graph, AssignmentOptimizerOptions options, Stopwatch clock,
        int[] placed, int[] slots, int[] balanced, double[] capacityLoad, double cap, double[] prices)
    {
        BalancedSearch? Repair()
        {
            var search = new BalancedSearch(new PlanState(graph), options, clock);
            if (!search.PlaceBySlotsOrBalanced(placed, slots, balanced, capacityLoad, cap, prices))
            {
                return null;
            }
            search.LowerCost(capacityLoad);
            return search;
        }
        return options.Workers > 1 ? Task.Run(Repair) : Task.FromResult(Repair());
    }

    private static double MeanUtilization(PlanState state)
    {
        double load = 0, capacity = 0;
        for (var r = 0; r < state.Graph.Reps; r++)
        {
            if (state.Graph.Capacity[r] > 0)
            {
                load += state.Load[r];
                capacity += state.Graph.Capacity[r];
            }
        }
        return capacity > 0 ? load / capacity : 0;
    }
}
