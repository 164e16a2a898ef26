namespace Headroom.Assignment;

// Lagrangian lower bounds for the two LP relaxations (x in [0, 1], each placed item split freely
// over its candidates). Every figure returned is a valid bound whatever the prices, because it is
// the Lagrangian function evaluated exactly; the prices are only searched for a high one.
//
// Max utilization: LP min U s.t. L_r + Σ_i e_ir x_ir <= U c_r. For prices λ >= 0 with
// Σ_r λ_r c_r = 1, g(λ) = Σ_r λ_r L_r + Σ_i min_{r ∈ cand(i)} λ_r e_ir <= U*.
// Cost at a utilization cap U: g(μ) = Σ_i min_r (cost_ir + μ_r e_ir) - Σ_r μ_r (U c_r - L_r).
// Optimization-internal doubles; the cost bound is rounded up to whole cost units at the end.
internal sealed class AssignmentBounds(PlanState state, int workers)
{
    // Fixed chunks, summed in order, so the figures do not depend on the number of threads.
    private const int Chunks = 8;

    // The start is already near optimal, so the exponent begins high. One exponent for half the
    // passes: at 100k × 1k seed 1 the bound was still rising at the end of 50 passes at 16 while
    // 64 and 256 added nothing; 75 passes at 16 gave a higher bound than 50 each at 16, 64 and 256
    // on five of eight instances (100k seed 1: 0.9162 → 0.9165; 10k seeds 1-4) and the same on
    // three, in half the time (ADR 0024, session 10).
    private static readonly int[] Powers = [16];

    // First multiplier of the Polyak step (target: the plan's cost).
    private const double CostStep = 0.25;

    private readonly CandidateGraph _g = state.Graph;

    public double[] CostPrices { get; private set; } = [];

    public double UtilizationBound(int iterations)
    {
        var m = _g.Reps;
        var util = new double[m];
        var hasCapacity = new bool[m];
        var best = 0.0;
        for (var r = 0; r < m; r++)
        {
            hasCapacity[r] = _g.Capacity[r] > 0;
            util[r] = state.Utilization(r);
            if (hasCapacity[r])
            {
                best = Math.Max(best, _g.BaseLoad[r] / _g.Capacity[r]);
            }
        }

        // Level sets of the plan's utilization: the reps above a level and the items that can only
        // go to them (a Hall-type bound, exact when efforts do not depend on the rep).
        best = Math.Max(best, LevelSetBound(util, hasCapacity));

        // Prices rising steeply with the plan's utilization (c_r u_r^p): the complementary-slackness
        // shape of an optimal dual when the plan is near optimal.
        var maxUtil = util.Max();
        var prices = new double[m];
        var loads = new double[m];
        if (maxUtil > 0)
        {
            foreach (var power in (int[])[1, 2, 4, 8, 16, 32, 64, 128, 256, 512])
            {
                for (var r = 0; r < m; r++)
                {
                    prices[r] = hasCapacity[r] ? Math.Pow(util[r] / maxUtil, power) : 0;
                }
                var value = EvaluateUtilization(prices, hasCapacity, loads);
                best = Math.Max(best, value);
            }
        }

        // Frank-Wolfe on the fractional problem min Σ c_r u_r^p / p, started from the plan, with p
        // rising: its gradient u_r^(p-1) tends to an optimal dual of the min-max LP as p grows, and
        // the linear step is the same pass that evaluates the bound at those prices.
        var current = new double[m];
        for (var r = 0; r < m; r++)
        {
            current[r] = hasCapacity[r] ? state.Load[r] / _g.Capacity[r] : 0;
        }
        var target = new double[m];
        foreach (var power in Powers)
        {
            for (var t = 0; t < iterations / 2 / Powers.Length; t++)
            {
                var top = current.Max();
                if (!(top > 0))
                {
                    return best;
                }
                for (var r = 0; r < m; r++)
                {
                    prices[r] = hasCapacity[r] ? Math.Pow(current[r] / top, power - 1) : 0;
                }
                var value = EvaluateUtilization(prices, hasCapacity, loads);
                best = Math.Max(best, value);
                for (var r = 0; r < m; r++)
                {
                    target[r] = hasCapacity[r] ? loads[r] / _g.Capacity[r] : 0;
                }
                var step = LineSearch(current, target, hasCapacity, power, top);
                for (var r = 0; r < m; r++)
                {
                    current[r] += step * (target[r] - current[r]);
                }
            }
        }
        return best;
    }

    // Golden-section search for the step in [0, 1] minimizing Σ c_r ((1-γ) u_r + γ v_r)^p.
    private double LineSearch(double[] from, double[] to, bool[] hasCapacity, int power, double scale)
    {
        double Objective(double step)
        {
            var sum = 0.0;
            for (var r = 0; r < _g.Reps; r++)
            {
                if (hasCapacity[r])
                {
                    sum += _g.Capacity[r] * Math.Pow((from[r] + step * (to[r] - from[r])) / scale, power);
                }
            }
            return sum;
        }
        double low = 0, high = 1;
        var ratio = (Math.Sqrt(5) - 1) / 2;
        double a = high - ratio * (high - low), b = low + ratio * (high - low);
        double fa = Objective(a), fb = Objective(b);
        for (var k = 0; k < 40; k++)
        {
            if (fa < fb)
            {
                high = b;
                (b, fb) = (a, fa);
                a = high - ratio * (high - low);
                fa = Objective(a);
            }
            else
            {
                low = a;
                (a, fa) = (b, fb);
                b = low + ratio * (high - low);
                fb = Objective(b);
            }
        }
        var step = (low + high) / 2;
        return Objective(step) < Objective(0) ? step : 0;
    }

    // start: prices to begin from (zero if null); with one iteration, the bound at exactly those prices.
    public long CostBound(double[] capacityLoad, long primalCost, int iterations, double[]? start = null, int ascentSweeps = 0)
    {
        var m = _g.Reps;
        var prices = start is null ? new double[m] : (double[])start.Clone();
        if (ascentSweeps > 0)
        {
            AscendCost(prices, capacityLoad, ascentSweeps);
        }
        var loads = new double[m];
        var best = double.NegativeInfinity;
        var bestPrices = new double[m];
        var theta = CostStep;
        var sinceBest = 0;
        for (var t = 0; t < iterations; t++)
        {
            var value = EvaluateCost(prices, capacityLoad, loads);
            if (value > best)
            {
                best = value;
                Array.Copy(prices, bestPrices, m);
                sinceBest = 0;
            }
            else if (++sinceBest >= 5)
            {
                // Polyak steps against a loose upper bound overshoot: halve and go back to the best.
                theta /= 2;
                sinceBest = 0;
                Array.Copy(bestPrices, prices, m);
                value = EvaluateCost(prices, capacityLoad, loads);
            }
            var norm = 0.0;
            for (var r = 0; r < m; r++)
            {
                var s = loads[r] - capacityLoad[r];
                if (prices[r] > 0 || s > 0)
                {
                    norm += s * s;
                }
            }
            if (norm <= 0 || primalCost - value <= 1e-9 * Math.Max(1, Math.Abs(value)) || theta < 1e-4)
            {
                break;
            }
            var stepSize = theta * (primalCost - value) / norm;
            for (var r = 0; r < m; r++)
            {
                prices[r] = Math.Max(0, prices[r] + stepSize * (loads[r] - capacityLoad[r]));
            }
        }
        CostPrices = bestPrices;
        return (long)Math.Ceiling(best - 1e-9 * Math.Abs(best) - 1e-6);
    }

    // Coordinate ascent on the cost Lagrangian: each rep's price in turn is set to the value that
    // maximizes g with every other price fixed. As a function of one price μ_r, g is concave and
    // piecewise linear: item i takes rep r while cost_ir + μ_r e_ir is below its best elsewhere, so
    // the slope is the effort of the items whose threshold (best elsewhere - cost_ir) / e_ir is
    // above μ_r, minus r's room; the best μ_r is the threshold where that effort passes the room.
    // Cheap (only the items r is near the cheapest for matter) and, from the transportation step's
    // duals, much closer to the LP than subgradient steps of the same time.
    private void AscendCost(double[] prices, double[] capacityLoad, int sweeps)
    {
        int m = _g.Reps, n = _g.Items;
        var itemOf = new int[_g.Start[n]];
        var arcStart = new int[m + 1];
        for (var i = 0; i < n; i++)
        {
            if (state.Slot[i] < 0)
            {
                continue;
            }
            for (var k = _g.Start[i]; k < _g.Start[i + 1]; k++)
            {
                itemOf[k] = i;
                arcStart[_g.Rep[k] + 1]++;
            }
        }
        for (var r = 0; r < m; r++)
        {
            arcStart[r + 1] += arcStart[r];
        }
        var arcs = new int[arcStart[m]];
        var fill = (int[])arcStart[..m].Clone();
        var best1 = new double[n];
        var best2 = new double[n];
        var bestArc = new int[n];
        var secondArc = new int[n];
        for (var i = 0; i < n; i++)
        {
            if (state.Slot[i] < 0)
            {
                continue;
            }
            for (var k = _g.Start[i]; k < _g.Start[i + 1]; k++)
            {
                arcs[fill[_g.Rep[k]]++] = k;
            }
            Rank(i, prices, best1, best2, bestArc, secondArc);
        }
        var thresholds = new double[64];
        var efforts = new double[64];
        for (var sweep = 0; sweep < sweeps; sweep++)
        {
            var changed = 0;
            for (var r = 0; r < m; r++)
            {
                var room = capacityLoad[r] - _g.BaseLoad[r];
                var count = 0;
                double demand = 0;
                for (var a = arcStart[r]; a < arcStart[r + 1]; a++)
                {
                    var k = arcs[a];
                    var i = itemOf[k];
                    var elsewhere = bestArc[i] == k ? best2[i] : best1[i];
                    var threshold = (elsewhere - _g.Cost[k]) / _g.Effort[k];
                    if (!(threshold > 0))
                    {
                        continue;
                    }
                    if (count == thresholds.Length)
                    {
                        Array.Resize(ref thresholds, 2 * count);
                        Array.Resize(ref efforts, 2 * count);
                    }
                    thresholds[count] = threshold;
                    efforts[count++] = _g.Effort[k];
                    demand += _g.Effort[k];
                }
                var price = 0.0;
                if (demand > room)
                {
                    // Descending thresholds: the price is the one at which the demand passes the room.
                    Array.Sort(thresholds, efforts, 0, count);
                    double taken = 0;
                    for (var q = count - 1; q >= 0; q--)
                    {
                        taken += efforts[q];
                        if (taken > room)
                        {
                            price = thresholds[q];
                            break;
                        }
                    }
                }
                if (double.IsPositiveInfinity(price) || price == prices[r])
                {
                    continue;
                }
                prices[r] = price;
                changed++;
                for (var a = arcStart[r]; a < arcStart[r + 1]; a++)
                {
                    // Only an item whose two cheapest values this arc held or now enters changes.
                    var k = arcs[a];
                    var i = itemOf[k];
                    if (bestArc[i] == k || secondArc[i] == k || _g.Cost[k] + price * _g.Effort[k] < best2[i])
                    {
                        Rank(i, prices, best1, best2, bestArc, secondArc);
                    }
                }
            }
            if (changed == 0)
            {
                break;
            }
        }
    }

    // The item's cheapest and second cheapest priced cost, and their arcs.
    private void Rank(int i, double[] prices, double[] best1, double[] best2, int[] bestArc, int[] secondArc)
    {
        double b1 = double.PositiveInfinity, b2 = double.PositiveInfinity;
        int arc1 = -1, arc2 = -1;
        for (var k = _g.Start[i]; k < _g.Start[i + 1]; k++)
        {
            var v = _g.Cost[k] + prices[_g.Rep[k]] * _g.Effort[k];
            if (v < b1)
            {
                (b2, arc2) = (b1, arc1);
                (b1, arc1) = (v, k);
            }
            else if (v < b2)
            {
                (b2, arc2) = (v, k);
            }
        }
        best1[i] = b1;
        best2[i] = b2;
        bestArc[i] = arc1;
        secondArc[i] = arc2;
    }

    private double EvaluateUtilization(double[] prices, bool[] hasCapacity, double[] loads)
    {
        var m = _g.Reps;
        var norm = 0.0;
        for (var r = 0; r < m; r++)
        {
            if (hasCapacity[r])
            {
                norm += prices[r] * _g.Capacity[r];
            }
        }
        if (!(norm > 0))
        {
            return 0;
        }
        var sums = new double[Chunks];
        var chunkLoads = new double[Chunks][];
        Parallel.For(0, Chunks, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, workers) }, c =>
        {
            var local = chunkLoads[c] = new double[m];
            var (from, to) = ChunkRange(c);
            var sum = 0.0;
            for (var i = from; i < to; i++)
            {
                if (state.Slot[i] < 0)
                {
                    continue;
                }
                var bestK = -1;
                var bestValue = double.PositiveInfinity;
                for (var k = _g.Start[i]; k < _g.Start[i + 1]; k++)
                {
                    var v = prices[_g.Rep[k]] * _g.Effort[k];
                    if (v < bestValue)
                    {
                        bestValue = v;
                        bestK = k;
                    }
                }
                sum += bestValue;
                local[_g.Rep[bestK]] += _g.Effort[bestK];
            }
            sums[c] = sum;
        });
        var total = 0.0;
        for (var r = 0; r < m; r++)
        {
            loads[r] = _g.BaseLoad[r];
            if (hasCapacity[r])
            {
                total += prices[r] * _g.BaseLoad[r];
            }
        }
        for (var c = 0; c < Chunks; c++)
        {
            total += sums[c];
            for (var r = 0; r < m; r++)
            {
                loads[r] += chunkLoads[c][r];
            }
        }
        return total / norm;
    }

    private double EvaluateCost(double[] prices, double[] capacityLoad, double[] loads)
    {
        var m = _g.Reps;
        var sums = new double[Chunks];
        var chunkLoads = new double[Chunks][];
        Parallel.For(0, Chunks, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, workers) }, c =>
        {
            var local = chunkLoads[c] = new double[m];
            var (from, to) = ChunkRange(c);
            var sum = 0.0;
            for (var i = from; i < to; i++)
            {
                if (state.Slot[i] < 0)
                {
                    continue;
                }
                var bestK = -1;
                var bestValue = double.PositiveInfinity;
                for (var k = _g.Start[i]; k < _g.Start[i + 1]; k++)
                {
                    var v = _g.Cost[k] + prices[_g.Rep[k]] * _g.Effort[k];
                    if (v < bestValue)
                    {
                        bestValue = v;
                        bestK = k;
                    }
                }
                sum += bestValue;
                local[_g.Rep[bestK]] += _g.Effort[bestK];
            }
            sums[c] = sum;
        });
        var total = 0.0;
        for (var r = 0; r < m; r++)
        {
            loads[r] = _g.BaseLoad[r];
            total -= prices[r] * (capacityLoad[r] - _g.BaseLoad[r]);
        }
        for (var c = 0; c < Chunks; c++)
        {
            total += sums[c];
            for (var r = 0; r < m; r++)
            {
                loads[r] += chunkLoads[c][r];
            }
        }
        return total;
    }

    private (int From, int To) ChunkRange(int chunk) =>
        ((int)((long)_g.Items * chunk / Chunks), (int)((long)_g.Items * (chunk + 1) / Chunks));

    private double LevelSetBound(double[] util, bool[] hasCapacity)
    {
        var m = _g.Reps;
        var order = Enumerable.Range(0, m).Where(r => hasCapacity[r]).OrderByDescending(r => util[r]).ThenBy(r => r).ToArray();
        var rank = new int[m];
        Array.Fill(rank, int.MaxValue);
        for (var k = 0; k < order.Length; k++)
        {
            rank[order[k]] = k;
        }
        var closedEffort = new double[order.Length];
        for (var i = 0; i < _g.Items; i++)
        {
            if (state.Slot[i] < 0)
            {
                continue;
            }
            var closes = 0;
            var minEffort = int.MaxValue;
            for (var k = _g.Start[i]; k < _g.Start[i + 1]; k++)
            {
                closes = Math.Max(closes, rank[_g.Rep[k]]);
                minEffort = Math.Min(minEffort, _g.Effort[k]);
            }
            closedEffort[closes] += minEffort;
        }
        double load = 0, effort = 0, capacity = 0, best = 0;
        for (var k = 0; k < order.Length; k++)
        {
            load += _g.BaseLoad[order[k]];
            capacity += _g.Capacity[order[k]];
            effort += closedEffort[k];
            best = Math.Max(best, (load + effort) / capacity);
        }
        return best;
    }
}
