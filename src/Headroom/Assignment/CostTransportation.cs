namespace Headroom.Assignment;

// The cost stage as a transportation problem (ADR 0024, session 7): items supply their standard
// effort in minutes, every rep takes at most its room under the cap, and an arc from an item to a
// candidate costs the pair's cost per standard minute; solved exactly with NetworkSimplex
// (3-6x faster than OR-Tools' cost-scaling MinCostFlow on this network, the same optimum).
// Two approximations keep it small and fast, and the local search repairs what they miss:
// - a rep's minutes are counted at one ratio of effort to standard effort: that of the work it
//   holds in the balanced plan (seniority and travel), or its least one when it holds none;
// - items with the same candidates and the same costs above their cheapest one are one source,
//   and so are items that cost the same on every candidate whatever their effort; items that cost
//   more on some candidates are grouped only with items of the same effort, so each arc's cost per
//   minute is exact (37k sources for 100k items at 100k × 1k; grouping those across efforts too,
//   13.7k sources, priced every minute at the group's average, and the plans cost 0.3-11 % more
//   on six of eight instances measured, 0.1 % and 2.2 % less on two).
// A vertex of a transportation problem splits few sources (its arcs form a forest), so a group's
// items, largest first, each go to the candidate with the most of the group's flow left.
internal sealed class CostTransportation
{
    // Unit costs are cost units per standard minute times this, rounded to whole numbers.
    private const long Scale = 10_000;

    private readonly CandidateGraph _g;
    private readonly List<List<int>> _groups;
    private readonly NetworkSimplex _flow;
    private readonly int[] _arcStart;
    private readonly List<(int Arc, int Rep, long Unit)> _arcs = [];
    private readonly double[] _leastRatio;
    private readonly bool[] _placed;
    private readonly long _supply;
    private readonly long _penalty;
    private bool _solved;

    // Slot: each placed item's candidate (-1 for the others); Prices: the flow's capacity duals in
    // cost units per real minute of each rep, for AssignmentBounds.CostBound; Overflow: standard
    // minutes no rep had room for; Split: sources whose flow went to more than one rep.
    public readonly record struct Result(int[] Slot, double[] Prices, long Overflow, int Split);

    // The sources and their arcs depend only on the costs and on which items are placed, so the
    // optimizer builds them on the other core while the balancing passes (which move items but
    // never place or unplace one) run; Solve then adds each rep's room under the cap.
    private CostTransportation(CandidateGraph g, int[] placed)
    {
        _g = g;
        int n = g.Items, m = g.Reps;
        _leastRatio = new double[m];
        Array.Fill(_leastRatio, double.PositiveInfinity);
        for (var i = 0; i < n; i++)
        {
            for (var k = g.Start[i]; k < g.Start[i + 1]; k++)
            {
                _leastRatio[g.Rep[k]] = Math.Min(_leastRatio[g.Rep[k]], (double)g.Effort[k] / g.StandardEffort[i]);
            }
        }
        _placed = [.. placed.Select(k => k >= 0)];
        _groups = Group(g, placed);
        _flow = new NetworkSimplex(_groups.Count + m + 1, g.Rep.Length + 2 * m);
        _arcStart = new int[_groups.Count + 1];
        for (var q = 0; q < _groups.Count; q++)
        {
            var first = _groups[q][0];
            long minutes = 0;
            foreach (var i in _groups[q])
            {
                minutes += g.StandardEffort[i];
            }
            var cheapest = Cheapest(g, first);
            _arcStart[q] = _arcs.Count;
            for (var k = g.Start[first]; k < g.Start[first + 1]; k++)
            {
                var unit = (long)Math.Round((double)(g.Cost[k] - cheapest) * Scale * _groups[q].Count / minutes);
                _arcs.Add((_flow.AddArc(q, _groups.Count + g.Rep[k], minutes, unit), g.Rep[k], unit));
            }
            _flow.SetSupply(q, minutes);
            _supply += minutes;
        }
        _arcStart[_groups.Count] = _arcs.Count;
        _penalty = 4 * _arcs.Select(a => a.Unit).DefaultIfEmpty(0).Max() + Scale;
    }

    public static CostTransportation Prepare(CandidateGraph g, int[] placed) => new(g, placed);

    public static Result? Solve(CandidateGraph g, int[] placed, double[] capacityLoad) => Prepare(g, placed).Solve(placed, capacityLoad);

    // placed: the plan whose ratios of effort to standard effort count each rep's minutes; it
    // must place the same items as the plan the sources were built from.
    public Result? Solve(int[] placed, double[] capacityLoad)
    {
        if (_solved)
        {
            throw new InvalidOperationException("The transportation step is solved once.");
        }
        _solved = true;
        var g = _g;
        int n = g.Items, m = g.Reps, sink = _groups.Count + m;
        var ratio = (double[])_leastRatio.Clone();
        // The least ratio alone undercounts travel, which left more reps over their limits after
        // rounding, and cost more to repair, on five of six instances measured (ADR 0024).
        var real = new double[m];
        var standard = new double[m];
        for (var i = 0; i < n; i++)
        {
            if (placed[i] >= 0 != _placed[i])
            {
                throw new InvalidOperationException($"Item {i} is placed in one plan and not in the other.");
            }
            if (placed[i] >= 0)
            {
                real[g.Rep[placed[i]]] += g.Effort[placed[i]];
                standard[g.Rep[placed[i]]] += g.StandardEffort[i];
            }
        }
        for (var r = 0; r < m; r++)
        {
            if (standard[r] > 0)
            {
                ratio[r] = real[r] / standard[r];
            }
        }
        // A rep's room in standard minutes; the overflow arc (dearer than any route) keeps the
        // problem feasible where the ratio approximation leaves too little room.
        var room = new long[m];
        var overflowArc = new int[m];
        Array.Fill(overflowArc, -1);
        for (var r = 0; r < m; r++)
        {
            if (double.IsPositiveInfinity(ratio[r]))
            {
                continue;
            }
            room[r] = Math.Max(0, (long)Math.Floor((capacityLoad[r] - g.BaseLoad[r]) / ratio[r]));
            _flow.AddArc(_groups.Count + r, sink, room[r], 0);
            overflowArc[r] = _flow.AddArc(_groups.Count + r, sink, _supply, _penalty);
        }
        _flow.SetSupply(sink, -_supply);
        // Unit costs so large that the simplex's big-M start would overflow (a relationship worth
        // millions on a one-minute item) leave the cost stage to start from the cheapest candidates.
        try
        {
            if (!_flow.Solve())
            {
                return null;
            }
        }
        catch (OverflowException)
        {
            return null;
        }
        var carried = _arcs.Select(a => _flow.Flow(a.Arc)).ToArray();
        var used = new long[m];
        var split = 0;
        for (var q = 0; q < _groups.Count; q++)
        {
            var parts = 0;
            for (var a = _arcStart[q]; a < _arcStart[q + 1]; a++)
            {
                used[_arcs[a].Rep] += carried[a];
                parts += carried[a] > 0 ? 1 : 0;
            }
            split += parts > 1 ? 1 : 0;
        }
        var slot = Round(g, _groups, _arcStart, carried);
        long overflow = 0;
        for (var r = 0; r < m; r++)
        {
            overflow += overflowArc[r] < 0 ? 0 : _flow.Flow(overflowArc[r]);
        }
        return new Result(slot, Prices(m, _arcStart, _arcs, carried, used, room, ratio), overflow, split);
    }

    // Sources: placed items with the same candidate list and the same costs above their cheapest,
    // in order of first appearance (deterministic).
    private static List<List<int>> Group(CandidateGraph g, int[] placed)
    {
        var groups = new List<List<int>>();
        var byHash = new Dictionary<ulong, List<int>>();
        for (var i = 0; i < g.Items; i++)
        {
            if (placed[i] < 0 || g.Start[i] == g.Start[i + 1])
            {
                continue;
            }
            var hash = (14695981039346656037UL ^ (ulong)(Uniform(g, i) ? 0 : g.StandardEffort[i] + 1)) * 1099511628211UL;
            var cheapest = Cheapest(g, i);
            for (var k = g.Start[i]; k < g.Start[i + 1]; k++)
            {
                hash = (hash ^ (ulong)g.Rep[k]) * 1099511628211UL;
                hash = (hash ^ (ulong)(g.Cost[k] - cheapest)) * 1099511628211UL;
            }
            if (!byHash.TryGetValue(hash, out var candidates))
            {
                byHash[hash] = candidates = [];
            }
            var found = candidates.FirstOrDefault(q => Same(g, groups[q][0], i), -1);
            if (found < 0)
            {
                found = groups.Count;
                groups.Add([]);
                candidates.Add(found);
            }
            groups[found].Add(i);
        }
        // Largest first, the order in which Round hands out each group's flow (sorted here, on the
        // other core, rather than on the path to the plan).
        foreach (var group in groups)
        {
            group.Sort((a, b) => g.StandardEffort[a] != g.StandardEffort[b] ? g.StandardEffort[b].CompareTo(g.StandardEffort[a]) : a.CompareTo(b));
        }
        return groups;
    }

    private static bool Uniform(CandidateGraph g, int i)
    {
        for (var k = g.Start[i]; k < g.Start[i + 1]; k++)
        {
            if (g.Cost[k] != g.Cost[g.Start[i]])
            {
                return false;
            }
        }
        return true;
    }

    private static long Cheapest(CandidateGraph g, int i)
    {
        var cheapest = long.MaxValue;
        for (var k = g.Start[i]; k < g.Start[i + 1]; k++)
        {
            cheapest = Math.Min(cheapest, g.Cost[k]);
        }
        return cheapest;
    }

    private static bool Same(CandidateGraph g, int a, int b)
    {
        if (g.Start[a + 1] - g.Start[a] != g.Start[b + 1] - g.Start[b]
            || (g.StandardEffort[a] != g.StandardEffort[b] && !Uniform(g, a)))
        {
            return false;
        }
        long ca = Cheapest(g, a), cb = Cheapest(g, b);
        for (int ka = g.Start[a], kb = g.Start[b]; ka < g.Start[a + 1]; ka++, kb++)
        {
            if (g.Rep[ka] != g.Rep[kb] || g.Cost[ka] - ca != g.Cost[kb] - cb)
            {
                return false;
            }
        }
        return true;
    }

    // A group's items, largest first (Group's order), each to the candidate with the most of the
    // group's flow left (the cheaper one on ties).
    private static int[] Round(CandidateGraph g, List<List<int>> groups, int[] arcStart, long[] carried)
    {
        var slot = new int[g.Items];
        Array.Fill(slot, -1);
        var buffer = new long[g.Reps];
        for (var q = 0; q < groups.Count; q++)
        {
            var left = buffer.AsSpan(0, arcStart[q + 1] - arcStart[q]);
            carried.AsSpan(arcStart[q], left.Length).CopyTo(left);
            foreach (var i in groups[q])
            {
                var best = 0;
                for (var p = 1; p < left.Length; p++)
                {
                    if (left[p] > left[best] || (left[p] == left[best] && g.Cost[g.Start[i] + p] < g.Cost[g.Start[i] + best]))
                    {
                        best = p;
                    }
                }
                slot[i] = g.Start[i] + best;
                left[best] -= g.StandardEffort[i];
            }
        }
        return slot;
    }

    // The flow's capacity duals: the largest prices with every used arc at zero reduced cost and
    // none negative, i.e. each rep's shortest distance, over "move a minute of a source it carries
    // to another candidate" (the unit-cost difference), to a rep with room left (price 0).
    // Bellman-Ford on the reps with bounded rounds; any prices give a valid Lagrangian bound.
    private static double[] Prices(int m, int[] arcStart, List<(int Arc, int Rep, long Unit)> arcs, long[] carried, long[] used, long[] room, double[] ratio)
    {
        // The cheapest such edge between each ordered pair of reps, in order of (from, to): each
        // carried arc's source is filed under its rep, then each rep's edges are gathered in one
        // dense row.
        var carriedStart = new int[m + 1];
        for (var a = 0; a < carried.Length; a++)
        {
            if (carried[a] > 0)
            {
                carriedStart[arcs[a].Rep + 1]++;
            }
        }
        for (var r = 0; r < m; r++)
        {
            carriedStart[r + 1] += carriedStart[r];
        }
        var carriedArc = new int[carriedStart[m]];
        var carriedSource = new int[carriedStart[m]];
        var fill = carriedStart[..m];
        for (var q = 0; q + 1 < arcStart.Length; q++)
        {
            for (var a = arcStart[q]; a < arcStart[q + 1]; a++)
            {
                if (carried[a] > 0)
                {
                    var at = fill[arcs[a].Rep]++;
                    carriedArc[at] = a;
                    carriedSource[at] = q;
                }
            }
        }
        var list = new List<(int From, int To, long Weight)>();
        var row = new long[m];
        Array.Fill(row, long.MaxValue);
        var touched = new List<int>();
        for (var from = 0; from < m; from++)
        {
            for (var c = carriedStart[from]; c < carriedStart[from + 1]; c++)
            {
                var (a, q) = (carriedArc[c], carriedSource[c]);
                for (var b = arcStart[q]; b < arcStart[q + 1]; b++)
                {
                    if (b == a)
                    {
                        continue;
                    }
                    var to = arcs[b].Rep;
                    if (row[to] == long.MaxValue)
                    {
                        touched.Add(to);
                    }
                    row[to] = Math.Min(row[to], arcs[b].Unit - arcs[a].Unit);
                }
            }
            touched.Sort();
            foreach (var to in touched)
            {
                list.Add((from, to, row[to]));
                row[to] = long.MaxValue;
            }
            touched.Clear();
        }
        var distance = new double[m];
        for (var r = 0; r < m; r++)
        {
            distance[r] = used[r] < room[r] ? 0 : double.PositiveInfinity;
        }
        for (var round = 0; round < Math.Min(m, 200); round++)
        {
            var changed = false;
            foreach (var (from, to, weight) in list)
            {
                var d = distance[to] + weight;
                if (d < distance[from])
                {
                    distance[from] = d;
                    changed = true;
                }
            }
            if (!changed)
            {
                break;
            }
        }
        var prices = new double[m];
        for (var r = 0; r < m; r++)
        {
            prices[r] = double.IsFinite(distance[r]) && distance[r] > 0 ? distance[r] / Scale / ratio[r] : 0;
        }
        return prices;
    }
}
