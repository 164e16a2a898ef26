using System.Diagnostics;
using Google.OrTools.Graph;

namespace Headroom.Assignment;

// The primal method of the balanced strategy (stages 2 to 4 of AssignmentOptimizer). Every step
// is deterministic given the instance and the seed; the passes are bounded by count.
internal sealed class BalancedSearch(PlanState state, AssignmentOptimizerOptions options, Stopwatch clock)
{
    private readonly CandidateGraph _g = state.Graph;
    private readonly Random _random = new(options.Seed);

    public PlanState State => state;

    private bool OutOfTime => clock.Elapsed > options.TimeLimit;

    // Largest item first onto the candidate with the lowest utilization after it. Returns the
    // reason for each item left out (null for placed ones).
    public UnplacedReason?[] Place()
    {
        var n = _g.Items;
        var reasons = new UnplacedReason?[n];
        var size = new int[n];
        for (var i = 0; i < n; i++)
        {
            var min = int.MaxValue;
            for (var k = _g.Start[i]; k < _g.Start[i + 1]; k++)
            {
                min = Math.Min(min, _g.Effort[k]);
            }
            size[i] = -min;
        }
        var order = Enumerable.Range(0, n).ToArray();
        Array.Sort((int[])size.Clone(), order);
        foreach (var i in order)
        {
            if (_g.Start[i] == _g.Start[i + 1])
            {
                reasons[i] = UnplacedReason.NoEligibleRep;
                continue;
            }
            var best = -1;
            var bestUtil = double.PositiveInfinity;
            for (var k = _g.Start[i]; k < _g.Start[i + 1]; k++)
            {
                var r = _g.Rep[k];
                if (!state.HasRoom(r))
                {
                    continue;
                }
                var util = (state.Load[r] + _g.Effort[k]) / _g.Capacity[r];
                if (util < bestUtil || (util == bestUtil && _g.Cost[k] < _g.Cost[best]))
                {
                    best = k;
                    bestUtil = util;
                }
            }
            if (best >= 0)
            {
                state.Place(i, best);
            }
            else if (!Augment(i))
            {
                reasons[i] = UnplacedReason.EligibleRepsFull;
            }
        }
        if (reasons.Any(r => r == UnplacedReason.EligibleRepsFull))
        {
            PlaceByFlow(reasons);
        }
        return reasons;
    }

    // Item caps bind: the greedy may leave out more than it must, so solve "place the most effort
    // within the item caps" exactly as a min-cost flow (source -> item at minus its effort -> rep
    // -> sink within the cap, and a free source -> sink bypass) and start from that placement when
    // it places more. Only ever runs when some item was left out for caps.
    private void PlaceByFlow(UnplacedReason?[] reasons)
    {
        int n = _g.Items, m = _g.Reps;
        int source = n + m, sink = n + m + 1;
        var flow = new MinCostFlow();
        var itemArcs = new int[_g.Rep.Length];
        for (var i = 0; i < n; i++)
        {
            if (_g.Start[i + 1] == _g.Start[i])
            {
                continue;
            }
            flow.AddArcWithCapacityAndUnitCost(source, i, 1, -_g.StandardEffort[i]);
            for (var k = _g.Start[i]; k < _g.Start[i + 1]; k++)
            {
                itemArcs[k] = flow.AddArcWithCapacityAndUnitCost(i, n + _g.Rep[k], 1, 0);
            }
        }
        for (var r = 0; r < m; r++)
        {
            flow.AddArcWithCapacityAndUnitCost(n + r, sink, Math.Min(_g.MaxItems[r], n), 0);
        }
        flow.AddArcWithCapacityAndUnitCost(source, sink, n, 0);
        flow.SetNodeSupply(source, n);
        flow.SetNodeSupply(sink, -n);
        if (flow.Solve() != MinCostFlowBase.Status.OPTIMAL)
        {
            return;
        }
        long placedNow = 0;
        for (var i = 0; i < n; i++)
        {
            placedNow += state.Slot[i] >= 0 ? _g.StandardEffort[i] : 0;
        }
        if (-flow.OptimalCost() <= placedNow)
        {
            return;
        }
        for (var i = 0; i < n; i++)
        {
            if (state.Slot[i] >= 0)
            {
                state.Remove(i);
            }
        }
        for (var i = 0; i < n; i++)
        {
            for (var k = _g.Start[i]; k < _g.Start[i + 1]; k++)
            {
                if (flow.Flow(itemArcs[k]) > 0)
                {
                    state.Place(i, k);
                }
            }
            if (_g.Start[i + 1] > _g.Start[i])
            {
                reasons[i] = state.Slot[i] >= 0 ? null : UnplacedReason.EligibleRepsFull;
            }
        }
    }

    // Every candidate of the item is at its item cap: move one of a candidate's items to one of
    // its own candidates with room, and take the freed place.
    private bool Augment(int item)
    {
        for (var k = _g.Start[item]; k < _g.Start[item + 1]; k++)
        {
            var s = _g.Rep[k];
            foreach (var j in state.Members(s))
            {
                for (var k2 = _g.Start[j]; k2 < _g.Start[j + 1]; k2++)
                {
                    var t = _g.Rep[k2];
                    if (t != s && state.HasRoom(t))
                    {
                        state.Place(j, k2);
                        state.Place(item, k);
                        return true;
                    }
                }
            }
        }
        return false;
    }

    public void Balance()
    {
        var order = Enumerable.Range(0, _g.Items).ToArray();
        _random.Shuffle(order);
        // An item's best move depends only on the loads and item counts of its candidates, so an
        // item that found none is skipped until one of them changes: the same moves in the same
        // order, without re-pricing the items that later passes cannot move (most of them).
        var changedAt = new long[_g.Reps];
        var settledAt = new long[_g.Items];
        Array.Fill(settledAt, -1);
        long tick = 0;
        for (var pass = 0; pass < options.BalancePasses && !OutOfTime; pass++)
        {
            var moved = 0;
            foreach (var i in order)
            {
                var slot = state.Slot[i];
                if (slot < 0 || _g.Start[i + 1] - _g.Start[i] < 2 || Settled(i, settledAt[i], changedAt))
                {
                    continue;
                }
                var r = _g.Rep[slot];
                double lr = state.Load[r], er = _g.Effort[slot];
                var gain = Penalty(lr, _g.Capacity[r]) - Penalty(lr - er, _g.Capacity[r]);
                var best = -1;
                var bestDelta = -1e-9 * gain - 1e-12;
                for (var k = _g.Start[i]; k < _g.Start[i + 1]; k++)
                {
                    var s = _g.Rep[k];
                    if (s == r || !state.HasRoom(s))
                    {
                        continue;
                    }
                    double ls = state.Load[s], es = _g.Effort[k];
                    var delta = Penalty(ls + es, _g.Capacity[s]) - Penalty(ls, _g.Capacity[s]) - gain;
                    if (delta < bestDelta)
                    {
                        bestDelta = delta;
                        best = k;
                    }
                }
                if (best >= 0)
                {
                    state.Place(i, best);
                    moved++;
                    tick++;
                    changedAt[r] = changedAt[_g.Rep[best]] = tick;
                }
                else
                {
                    settledAt[i] = tick;
                }
            }
            if (moved == 0)
            {
                break;
            }
        }
        LowerMaximum();
    }

    private bool Settled(int i, long settledAt, long[] changedAt)
    {
        if (settledAt < 0)
        {
            return false;
        }
        for (var k = _g.Start[i]; k < _g.Start[i + 1]; k++)
        {
            if (changedAt[_g.Rep[k]] > settledAt)
            {
                return false;
            }
        }
        return true;
    }

    // c·u⁸: convex in the load, and much steeper than c·u² at the top, where the maximum is
    // decided (u² and u⁴ left the maximum 0.7 % and 0.4 % above the bound at 100k × 1k; u⁸ 0.4 %).
    private static double Penalty(double load, double capacity)
    {
        var u = load / capacity;
        var square = u * u;
        var fourth = square * square;
        return capacity * fourth * fourth;
    }

    // Takes work off the most utilized rep with single moves, else two-step chains (its item to a
    // rep that passes one of its own items on), until neither lowers the maximum.
    private void LowerMaximum(double floor = 0)
    {
        for (var iteration = 0; iteration < 50 * _g.Reps && !OutOfTime; iteration++)
        {
            var top = 0;
            for (var r = 1; r < _g.Reps; r++)
            {
                if (state.Utilization(r) > state.Utilization(top))
                {
                    top = r;
                }
            }
            if (state.Utilization(top) <= floor)
            {
                return;
            }
            var ceiling = state.Utilization(top) - 1e-12;
            if (!MoveOff(top, ceiling) && !ChainOff(top, ceiling))
            {
                return;
            }
        }
    }

    private bool MoveOff(int top, double ceiling)
    {
        var bestItem = -1;
        var bestSlot = -1;
        var bestPeak = ceiling;
        foreach (var i in state.Members(top))
        {
            var after = (state.Load[top] - _g.Effort[state.Slot[i]]) / _g.Capacity[top];
            for (var k = _g.Start[i]; k < _g.Start[i + 1]; k++)
            {
                var s = _g.Rep[k];
                if (s == top || !state.HasRoom(s))
                {
                    continue;
                }
                var peak = Math.Max(after, (state.Load[s] + _g.Effort[k]) / _g.Capacity[s]);
                if (peak < bestPeak)
                {
                    bestPeak = peak;
                    bestItem = i;
                    bestSlot = k;
                }
            }
        }
        if (bestItem < 0)
        {
            return false;
        }
        state.Place(bestItem, bestSlot);
        return true;
    }

    private bool ChainOff(int top, double ceiling)
    {
        foreach (var i in state.Members(top))
        {
            if ((state.Load[top] - _g.Effort[state.Slot[i]]) / _g.Capacity[top] >= ceiling)
            {
                continue;
            }
            for (var k = _g.Start[i]; k < _g.Start[i + 1]; k++)
            {
                var s = _g.Rep[k];
                if (s == top)
                {
                    continue;
                }
                var incoming = state.Load[s] + _g.Effort[k];
                foreach (var j in state.Members(s))
                {
                    var out1 = _g.Effort[state.Slot[j]];
                    if ((incoming - out1) / _g.Capacity[s] >= ceiling)
                    {
                        continue;
                    }
                    for (var k2 = _g.Start[j]; k2 < _g.Start[j + 1]; k2++)
                    {
                        var t = _g.Rep[k2];
                        if (t == s || t == top || !state.HasRoom(t) || (state.Load[t] + _g.Effort[k2]) / _g.Capacity[t] >= ceiling)
                        {
                            continue;
                        }
                        state.Place(j, k2);
                        state.Place(i, k);
                        return true;
                    }
                }
            }
        }
        return false;
    }

    // A fresh start for the cost stage: the items placed in the balanced plan, largest first, each
    // to its cheapest candidate (the least utilized afterwards among equally cheap ones); then the
    // reps above capacityLoad shed work by the moves that add the least cost, and if that gets
    // stuck, by moves that only lower the maximum. False when the cap is not reached or an item
    // cap blocks an item the balanced plan placed.
    public bool PlaceByCost(int[] placed, double[] capacityLoad, double cap)
    {
        var n = _g.Items;
        var size = new int[n];
        for (var i = 0; i < n; i++)
        {
            size[i] = placed[i] < 0 ? 0 : -_g.Effort[placed[i]];
        }
        var order = Enumerable.Range(0, n).ToArray();
        Array.Sort(size, order);
        foreach (var i in order)
        {
            if (placed[i] < 0)
            {
                continue;
            }
            var chosen = -1;
            var chosenUtil = double.PositiveInfinity;
            for (var k = _g.Start[i]; k < _g.Start[i + 1]; k++)
            {
                var r = _g.Rep[k];
                if (!state.HasRoom(r))
                {
                    continue;
                }
                var util = (state.Load[r] + _g.Effort[k]) / _g.Capacity[r];
                if (chosen < 0 || _g.Cost[k] < _g.Cost[chosen] || (_g.Cost[k] == _g.Cost[chosen] && util < chosenUtil))
                {
                    chosen = k;
                    chosenUtil = util;
                }
            }
            if (chosen < 0)
            {
                return false;
            }
            state.Place(i, chosen);
        }
        return ShedToCap(capacityLoad, cap, null);
    }

    // A fresh start from the transportation step: each item on the candidate that carried most of
    // its flow (its cheapest candidate with room if that rep is at its item cap), then the same
    // repair as PlaceByCost, its chains also charged for the minutes they move at the given prices
    // (cost units per real minute of each rep).
    public bool PlaceBySlots(int[] placed, int[] slots, double[] capacityLoad, double cap, double[]? prices = null)
    {
        for (var i = 0; i < _g.Items; i++)
        {
            if (placed[i] < 0)
            {
                continue;
            }
            var chosen = slots[i] >= 0 && state.HasRoom(_g.Rep[slots[i]]) ? slots[i] : -1;
            if (chosen < 0)
            {
                for (var k = _g.Start[i]; k < _g.Start[i + 1]; k++)
                {
                    if (state.HasRoom(_g.Rep[k]) && (chosen < 0 || _g.Cost[k] < _g.Cost[chosen]))
                    {
                        chosen = k;
                    }
                }
            }
            if (chosen < 0)
            {
                return false;
            }
            state.Place(i, chosen);
        }
        return ShedToCap(capacityLoad, cap, prices);
    }

    // PlaceBySlots, and where its repair cannot bring some reps within their limits, the same again
    // with the balanced plan's slots for every item that the balanced plan or the slots put on
    // such a rep: those reps get back exactly their balanced work, which fits, and the rest of the
    // plan keeps the slots. The region grows by the reps still over after each try.
    public bool PlaceBySlotsOrBalanced(int[] placed, int[] slots, int[] balanced, double[] capacityLoad, double cap, double[]? prices)
    {
        if (PlaceBySlots(placed, slots, capacityLoad, cap, prices))
        {
            return true;
        }
        var region = new bool[_g.Reps];
        var mixed = new int[_g.Items];
        for (var round = 0; round < 4; round++)
        {
            var grown = false;
            for (var r = 0; r < _g.Reps; r++)
            {
                if (!region[r] && (state.Load[r] > capacityLoad[r] || state.Utilization(r) > cap))
                {
                    region[r] = grown = true;
                }
            }
            if (!grown)
            {
                return false;
            }
            for (var i = 0; i < _g.Items; i++)
            {
                mixed[i] = slots[i] >= 0 && !region[_g.Rep[slots[i]]] && (balanced[i] < 0 || !region[_g.Rep[balanced[i]]]) ? slots[i] : balanced[i];
                if (state.Slot[i] >= 0)
                {
                    state.Remove(i);
                }
            }
            if (PlaceBySlots(placed, mixed, capacityLoad, cap, prices))
            {
                return true;
            }
        }
        return false;
    }

    private bool ShedToCap(double[] capacityLoad, double cap, double[]? prices)
    {
        for (var r = 0; r < _g.Reps && !OutOfTime; r++)
        {
            while (state.Load[r] > capacityLoad[r] && (RepairChain(r, capacityLoad, prices) || ShedCheapest(r, capacityLoad)))
            {
            }
        }
        LowerMaximum(cap);
        // Every rep within its own limit (the cost stage's limits may be below the cap).
        for (var r = 0; r < _g.Reps; r++)
        {
            if (state.Load[r] > capacityLoad[r])
            {
                return false;
            }
        }
        return state.MaxUtilization() <= cap;
    }

    // The cheapest ejection chain that takes work off rep r, which is over its limit: r passes on
    // any of its items, the rep receiving it passes one on in turn if that puts it over its own
    // limit (an item that frees at least that excess), up to RepairChainDepth moves, until a rep with
    // room takes the last one. Best first by the cost the chain adds, each rep entered once per
    // search; the caller repeats while r is still over. Rounding the transportation flow leaves
    // many reps a little over; at the cap their neighbors are full too, and a chain of fillers
    // (items that cost the same anywhere) often costs nothing where shedding straight to a rep with
    // room breaks a relationship. Measured on six sales instances it lowered the final cost by
    // 1.4-2.1 % on four and raised it by at most 0.5 % on two (ADR 0024); requiring the first item
    // to free the whole excess was worse.
    private readonly List<RepairNode> _repair = [];

    private readonly PriorityQueue<int, double> _repairQueue = new();

    private readonly record struct RepairNode(int Rep, double Need, double Added, int Parent, int Item, int Slot, int Depth);

    private bool RepairChain(int r, double[] capacityLoad, double[]? prices)
    {
        if (_chainMark.Length != _g.Reps)
        {
            _chainMark = new int[_g.Reps];
        }
        _chainSearch++;
        _repair.Clear();
        _repairQueue.Clear();
        _repair.Add(new RepairNode(r, state.Load[r] - capacityLoad[r], 0, -1, -1, -1, 0));
        _repairQueue.Enqueue(0, 0);
        for (var expanded = 0; _repairQueue.TryDequeue(out var head, out var added) && expanded < options.RepairChainExpansions;)
        {
            var node = _repair[head];
            if (node.Item >= 0 && node.Need <= 0)
            {
                for (var n = head; _repair[n].Item >= 0; n = _repair[n].Parent)
                {
                    state.Place(_repair[n].Item, _repair[n].Slot);
                }
                return true;
            }
            if (_chainMark[node.Rep] == _chainSearch)
            {
                continue;
            }
            _chainMark[node.Rep] = _chainSearch;
            expanded++;
            var v = node.Rep;
            foreach (var j in state.Members(v))
            {
                var jSlot = state.Slot[j];
                if (head > 0 && _g.Effort[jSlot] < node.Need)
                {
                    continue;
                }
                for (var k = _g.Start[j]; k < _g.Start[j + 1]; k++)
                {
                    var t = _g.Rep[k];
                    if (t == v || _chainMark[t] == _chainSearch)
                    {
                        continue;
                    }
                    var need = state.Load[t] + _g.Effort[k] - capacityLoad[t];
                    if (need <= 0 ? !state.HasRoom(t) : node.Depth + 1 >= options.RepairChainDepth)
                    {
                        continue;
                    }
                    var cost = added + _g.Cost[k] - _g.Cost[jSlot]
                        + (prices is null ? 0 : options.RepairPriceWeight * (prices[t] * _g.Effort[k] - prices[v] * _g.Effort[jSlot]));
                    _repair.Add(new RepairNode(t, need, cost, head, j, k, node.Depth + 1));
                    _repairQueue.Enqueue(_repair.Count - 1, cost);
                }
            }
        }
        return false;
    }

    private bool ShedCheapest(int r, double[] capacityLoad)
    {
        int bestItem = -1, bestSlot = -1, bestEffort = 0;
        var bestDelta = long.MaxValue;
        foreach (var i in state.Members(r))
        {
            var slot = state.Slot[i];
            for (var k = _g.Start[i]; k < _g.Start[i + 1]; k++)
            {
                var s = _g.Rep[k];
                if (s == r || !state.HasRoom(s) || state.Load[s] + _g.Effort[k] > capacityLoad[s])
                {
                    continue;
                }
                var delta = _g.Cost[k] - _g.Cost[slot];
                if (delta < bestDelta || (delta == bestDelta && _g.Effort[slot] > bestEffort))
                {
                    bestDelta = delta;
                    bestItem = i;
                    bestSlot = k;
                    bestEffort = _g.Effort[slot];
                }
            }
        }
        if (bestItem < 0)
        {
            return false;
        }
        state.Place(bestItem, bestSlot);
        return true;
    }

    // Lowers cost while every rep stays within capacityLoad (minutes): single moves to a cheaper
    // candidate with room, pairs where an item of the cheaper rep moves on to make room, and
    // longer ejection chains.
    public void LowerCost(double[] capacityLoad)
    {
        var order = Enumerable.Range(0, _g.Items).ToArray();
        _random.Shuffle(order);
        for (var pass = 0; pass < options.CostPasses && !OutOfTime; pass++)
        {
            var improved = 0;
            foreach (var i in order)
            {
                var slot = state.Slot[i];
                if (slot < 0)
                {
                    continue;
                }
                if (CheaperMove(i, slot, capacityLoad) || CheaperPair(i, slot, capacityLoad) || CheaperChain(i, slot, capacityLoad))
                {
                    improved++;
                }
            }
            if (improved == 0)
            {
                break;
            }
        }
    }

    private bool CheaperMove(int i, int slot, double[] capacityLoad)
    {
        var r = _g.Rep[slot];
        var best = -1;
        for (var k = _g.Start[i]; k < _g.Start[i + 1]; k++)
        {
            var s = _g.Rep[k];
            if (s == r || _g.Cost[k] >= _g.Cost[slot] || (best >= 0 && _g.Cost[k] >= _g.Cost[best])
                || !state.HasRoom(s) || state.Load[s] + _g.Effort[k] > capacityLoad[s])
            {
                continue;
            }
            best = k;
        }
        if (best < 0)
        {
            return false;
        }
        state.Place(i, best);
        return true;
    }

    private bool CheaperPair(int i, int slot, double[] capacityLoad)
    {
        var r = _g.Rep[slot];
        for (var k = _g.Start[i]; k < _g.Start[i + 1]; k++)
        {
            var s = _g.Rep[k];
            var saving = _g.Cost[slot] - _g.Cost[k];
            if (s == r || saving <= 0)
            {
                continue;
            }
            var need = state.Load[s] + _g.Effort[k] - capacityLoad[s];
            foreach (var j in state.Members(s))
            {
                var jSlot = state.Slot[j];
                if (_g.Effort[jSlot] < need)
                {
                    continue;
                }
                for (var k2 = _g.Start[j]; k2 < _g.Start[j + 1]; k2++)
                {
                    var t = _g.Rep[k2];
                    if (t == s || _g.Cost[k2] - _g.Cost[jSlot] >= saving)
                    {
                        continue;
                    }
                    var tLoad = state.Load[t] + _g.Effort[k2] - (t == r ? _g.Effort[slot] : 0);
                    if (tLoad > capacityLoad[t] || (t != r && !state.HasRoom(t)))
                    {
                        continue;
                    }
                    state.Place(j, k2);
                    state.Place(i, k);
                    return true;
                }
            }
        }
        return false;
    }

    // Ejection chains (ADR 0024): the item moves to a cheaper rep s that is full; s passes one of
    // its items on to a rep t, which passes one on in turn, up to CostChainDepth items, until a rep
    // with room takes the last one. Each ejected item must free at least the minutes its rep is
    // over, and the chain's added costs must stay below the saving. Breadth first over reps, each
    // rep entered once per search, so the shortest chain is taken; at the cap almost every rep is
    // full, so most chains pass on items that cost the same anywhere (a filler for a costly item).
    private readonly List<ChainNode> _chain = [];

    private int[] _chainMark = [];

    private int _chainSearch;

    private readonly record struct ChainNode(int Rep, double Need, long Budget, int Parent, int Item, int Slot, int Depth);

    private bool CheaperChain(int i, int slot, double[] capacityLoad)
    {
        if (_chainMark.Length != _g.Reps)
        {
            _chainMark = new int[_g.Reps];
        }
        var r = _g.Rep[slot];
        for (var k = _g.Start[i]; k < _g.Start[i + 1]; k++)
        {
            var s = _g.Rep[k];
            var saving = _g.Cost[slot] - _g.Cost[k];
            if (s == r || saving <= 0)
            {
                continue;
            }
            _chainSearch++;
            _chainMark[r] = _chainSearch;
            _chainMark[s] = _chainSearch;
            _chain.Clear();
            _chain.Add(new ChainNode(s, state.Load[s] + _g.Effort[k] - capacityLoad[s], saving, -1, i, k, 0));
            for (var head = 0; head < _chain.Count && head < options.CostChainExpansions; head++)
            {
                var end = Expand(head, r, _g.Effort[slot], capacityLoad);
                if (end >= 0)
                {
                    for (var node = end; node >= 0; node = _chain[node].Parent)
                    {
                        state.Place(_chain[node].Item, _chain[node].Slot);
                    }
                    return true;
                }
            }
        }
        return false;
    }

    // Tries every item of the node's rep that frees enough minutes; returns the index of a node
    // that closes the chain (its rep has room), else -1 after queuing the open ones.
    private int Expand(int head, int origin, int freed, double[] capacityLoad)
    {
        var node = _chain[head];
        var v = node.Rep;
        foreach (var j in state.Members(v))
        {
            var jSlot = state.Slot[j];
            if (_g.Effort[jSlot] < node.Need)
            {
                continue;
            }
            for (var k2 = _g.Start[j]; k2 < _g.Start[j + 1]; k2++)
            {
                var t = _g.Rep[k2];
                var budget = node.Budget - (_g.Cost[k2] - _g.Cost[jSlot]);
                if (t == v || budget <= 0 || (_chainMark[t] == _chainSearch && t != origin))
                {
                    continue;
                }
                var need = state.Load[t] + _g.Effort[k2] - capacityLoad[t] - (t == origin ? freed : 0);
                if (need <= 0 && (t == origin || state.HasRoom(t)))
                {
                    _chain.Add(new ChainNode(t, need, budget, head, j, k2, node.Depth + 1));
                    return _chain.Count - 1;
                }
                if (t != origin && node.Depth + 1 < options.CostChainDepth)
                {
                    _chainMark[t] = _chainSearch;
                    _chain.Add(new ChainNode(t, need, budget, head, j, k2, node.Depth + 1));
                }
            }
        }
        return -1;
    }
}
