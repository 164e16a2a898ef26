using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Headroom.Assignment;

// An exact primal network simplex for min-cost flow, after LEMON's NetworkSimplex: a spanning tree
// kept as parent, predecessor arc, thread order, subtree sizes and last successors, so a pivot
// touches only the cycle and the subtree that moves; block search pricing; and a strongly
// feasible tree (the leaving arc is the last blocking one met from the join node along the
// cycle), which rules out cycling on degenerate pivots without any randomness.
// The start is an artificial root joined to every node by an arc that carries its supply: supply
// nodes send to the root at cost 0, demand nodes receive from it at a cost above any simple path,
// so an optimum that still uses an artificial arc means the network is infeasible.
// Reduced costs are cost + Potential(tail) - Potential(head): potentials rise along the flow.
internal sealed class NetworkSimplex
{
    private const sbyte Upper = -1;
    private const sbyte Tree = 0;
    private const sbyte Lower = 1;
    private const sbyte Up = 1;
    private const sbyte Down = -1;
    private const long Infinite = long.MaxValue;

    private readonly int _nodes;
    private readonly long[] _supply;
    private int _arcs;
    private int[] _tail;
    private int[] _head;
    private long[] _arcCapacity;
    private long[] _arcCost;

    // The solver's arrays: arcs in a mixed order (see Initialize) followed by one artificial arc per
    // node; nodes 0..n-1 and the root n.
    private int[] _position = [];
    private int[] _source = [];
    private int[] _target = [];
    private long[] _cost = [];
    private long[] _cap = [];
    private long[] _flow = [];
    private sbyte[] _state = [];
    private long[] _pi = [];
    private int[] _parent = [];
    private int[] _pred = [];
    private sbyte[] _predDir = [];
    private int[] _thread = [];
    private int[] _revThread = [];
    private int[] _succNum = [];
    private int[] _lastSucc = [];
    private int[] _dirtyRevs = [];

    private int _inArc;
    private int _join;
    private int _uIn;
    private int _vIn;
    private int _uOut;
    private long _delta;
    private bool _solved;

    public NetworkSimplex(int nodes, int arcCapacityHint = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(nodes);
        _nodes = nodes;
        _supply = new long[nodes];
        var hint = Math.Max(arcCapacityHint, 4);
        _tail = new int[hint];
        _head = new int[hint];
        _arcCapacity = new long[hint];
        _arcCost = new long[hint];
    }

    // Pivots of the last solve, degenerate ones included: a measure of work for benchmarks.
    public long Pivots { get; private set; }

    public long OptimalCost { get; private set; }

    public int AddArc(int tail, int head, long capacity, long unitCost)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(tail);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(tail, _nodes);
        ArgumentOutOfRangeException.ThrowIfNegative(head);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(head, _nodes);
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        if (_arcs == _tail.Length)
        {
            var size = _arcs * 2;
            Array.Resize(ref _tail, size);
            Array.Resize(ref _head, size);
            Array.Resize(ref _arcCapacity, size);
            Array.Resize(ref _arcCost, size);
        }
        _tail[_arcs] = tail;
        _head[_arcs] = head;
        _arcCapacity[_arcs] = capacity;
        _arcCost[_arcs] = unitCost;
        _solved = false;
        return _arcs++;
    }

    public void SetSupply(int node, long supply)
    {
        _supply[node] = supply;
        _solved = false;
    }

    public long Flow(int arc)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(arc);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(arc, _arcs);
        return _solved ? _flow[_position[arc]] : 0;
    }

    public long Potential(int node)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(node);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(node, _nodes);
        return _solved ? _pi[node] : 0;
    }

    // False when supplies do not balance, no flow meets them, or a cycle of arcs with capacity
    // long.MaxValue has negative cost (unbounded).
    public bool Solve()
    {
        _solved = false;
        Pivots = 0;
        OptimalCost = 0;
        long total = 0;
        foreach (var s in _supply)
        {
            total = checked(total + s);
        }
        if (total != 0)
        {
            return false;
        }
        Initialize();
        if (!Run())
        {
            return false;
        }
        for (var e = _arcs; e < _arcs + _nodes; e++)
        {
            if (_flow[e] != 0)
            {
                return false;
            }
        }
        long cost = 0;
        for (var e = 0; e < _arcs; e++)
        {
            cost = checked(cost + (_flow[e] * _cost[e]));
        }
        OptimalCost = cost;
        _solved = true;
        return true;
    }

    private void Initialize()
    {
        int n = _nodes, m = _arcs, all = m + n, root = n;
        _position = new int[m];
        _source = new int[all];
        _target = new int[all];
        _cost = new long[all];
        _cap = new long[all];
        _flow = new long[all];
        _state = new sbyte[all];
        _pi = new long[n + 1];
        _parent = new int[n + 1];
        _pred = new int[n + 1];
        _predDir = new sbyte[n + 1];
        _thread = new int[n + 1];
        _revThread = new int[n + 1];
        _succNum = new int[n + 1];
        _lastSucc = new int[n + 1];
        _dirtyRevs = new int[n + 1];

        // LEMON's arc mixing: arcs added node by node are spread through the array, so a pricing
        // block sees many nodes' arcs and not a few nodes' arcs.
        var skip = Math.Max(n == 0 ? 3 : m / n, 3);
        long maxCost = 0;
        for (int a = 0, i = 0, j = 0; a < m; a++)
        {
            _position[a] = i;
            _source[i] = _tail[a];
            _target[i] = _head[a];
            _cost[i] = _arcCost[a];
            _cap[i] = _arcCapacity[a];
            _state[i] = Lower;
            maxCost = Math.Max(maxCost, Math.Abs(_arcCost[a]));
            if ((i += skip) >= m)
            {
                i = ++j;
            }
        }
        // Dearer than any simple path, so the optimum uses an artificial arc only if it must.
        // Potentials and reduced costs stay within a few times this.
        var artificial = checked((maxCost + 1) * (n + 1));
        if (artificial > long.MaxValue / 4)
        {
            throw new OverflowException("Arc costs too large for the artificial start.");
        }

        _parent[root] = -1;
        _pred[root] = -1;
        _thread[root] = 0;
        _revThread[0] = root;
        _succNum[root] = n + 1;
        _lastSucc[root] = root - 1;
        _pi[root] = 0;
        for (int u = 0, e = m; u < n; u++, e++)
        {
            _parent[u] = root;
            _pred[u] = e;
            _thread[u] = u + 1;
            _revThread[u + 1] = u;
            _succNum[u] = 1;
            _lastSucc[u] = u;
            _cap[e] = Infinite;
            _state[e] = Tree;
            // A node of zero supply hangs by an arc towards the root: with zero flow, that keeps
            // the tree strongly feasible.
            if (_supply[u] >= 0)
            {
                _predDir[u] = Up;
                _pi[u] = 0;
                _source[e] = u;
                _target[e] = root;
                _flow[e] = _supply[u];
                _cost[e] = 0;
            }
            else
            {
                _predDir[u] = Down;
                _pi[u] = artificial;
                _source[e] = root;
                _target[e] = u;
                _flow[e] = -_supply[u];
                _cost[e] = artificial;
            }
        }
    }

    private bool Run()
    {
        // Block search: scan a block of arcs from where the last scan stopped and enter the most
        // negative one found; a full round without one is optimal.
        if (!CrashPivots())
        {
            return false;
        }
        var blockSize = Math.Max((int)Math.Sqrt(_arcs), 10);
        var next = 0;
        while (true)
        {
            var entering = FindEnteringArc(blockSize, ref next);
            if (entering < 0)
            {
                return true;
            }
            if (!Pivot(entering))
            {
                return false;
            }
        }
    }

    // Before pricing, every node's cheapest arc into a demand node enters, then every supply
    // node's cheapest outgoing arc (if still improving): a greedy start that routes most supply
    // the cheap way in short cycles through the root. LEMON's own start pivots only into demand
    // nodes, one arc for the cost stage's single sink; this one saved 6-8 % of the pivots there
    // (100k × 1k, seeds 1 and 2).
    private bool CrashPivots()
    {
        int n = _nodes, m = _arcs;
        var best = new int[n];
        for (var pass = 0; pass < 2; pass++)
        {
            Array.Fill(best, -1);
            for (var e = 0; e < m; e++)
            {
                var u = _source[e];
                var fits = pass == 0 ? _supply[_target[e]] < 0 : _supply[u] > 0;
                if (fits && (best[u] < 0 || _cost[e] < _cost[best[u]]))
                {
                    best[u] = e;
                }
            }
            foreach (var e in best)
            {
                if (e >= 0 && _state[e] * (_cost[e] + _pi[_source[e]] - _pi[_target[e]]) < 0 && !Pivot(e))
                {
                    return false;
                }
            }
        }
        return true;
    }

    private bool Pivot(int entering)
    {
        _inArc = entering;
        FindJoinNode();
        var change = FindLeavingArc();
        if (_delta == Infinite)
        {
            return false;
        }
        ChangeFlow(change);
        if (change)
        {
            UpdateTreeStructure();
            UpdatePotential();
        }
        Pivots++;
        return true;
    }

    private int FindEnteringArc(int blockSize, ref int next)
    {
        int m = _arcs, e = next, best = -1, left = m;
        long min = 0;
        while (left > 0)
        {
            // A block may run past the last arc and go on from the first.
            var size = Math.Min(blockSize, left);
            left -= size;
            while (size > 0)
            {
                var stop = Math.Min(e + size, m);
                ScanRange(e, stop, ref min, ref best);
                size -= stop - e;
                e = stop == m ? 0 : stop;
            }
            if (min < 0)
            {
                next = e;
                return best;
            }
        }
        return -1;
    }

    // The hot loop of the whole solve, so without bounds checks: from <= to <= the arc count,
    // and every arc's ends are nodes of the tree, below the potentials' length.
    private void ScanRange(int from, int to, ref long min, ref int best)
    {
        ref var state = ref MemoryMarshal.GetArrayDataReference(_state);
        ref var cost = ref MemoryMarshal.GetArrayDataReference(_cost);
        ref var source = ref MemoryMarshal.GetArrayDataReference(_source);
        ref var target = ref MemoryMarshal.GetArrayDataReference(_target);
        ref var pi = ref MemoryMarshal.GetArrayDataReference(_pi);
        long least = min;
        var found = best;
        for (var e = from; e < to; e++)
        {
            var c = Unsafe.Add(ref state, e)
                * (Unsafe.Add(ref cost, e) + Unsafe.Add(ref pi, Unsafe.Add(ref source, e)) - Unsafe.Add(ref pi, Unsafe.Add(ref target, e)));
            if (c < least)
            {
                least = c;
                found = e;
            }
        }
        min = least;
        best = found;
    }

    private void FindJoinNode()
    {
        int u = _source[_inArc], v = _target[_inArc];
        while (u != v)
        {
            if (_succNum[u] < _succNum[v])
            {
                u = _parent[u];
            }
            else
            {
                v = _parent[v];
            }
        }
        _join = u;
    }

    // The cycle runs along the entering arc in the direction its flow would change; of the arcs
    // that block it, the last one from the join node leaves (first side strictly, second side on
    // ties), which keeps the tree strongly feasible. False when the entering arc itself blocks.
    private bool FindLeavingArc()
    {
        int first, second;
        if (_state[_inArc] == Lower)
        {
            first = _source[_inArc];
            second = _target[_inArc];
        }
        else
        {
            first = _target[_inArc];
            second = _source[_inArc];
        }
        _delta = _cap[_inArc];
        var result = 0;
        for (var u = first; u != _join; u = _parent[u])
        {
            var e = _pred[u];
            var d = _predDir[u] == Down ? Residual(e) : _flow[e];
            if (d < _delta)
            {
                _delta = d;
                _uOut = u;
                result = 1;
            }
        }
        for (var u = second; u != _join; u = _parent[u])
        {
            var e = _pred[u];
            var d = _predDir[u] == Up ? Residual(e) : _flow[e];
            if (d <= _delta)
            {
                _delta = d;
                _uOut = u;
                result = 2;
            }
        }
        if (result == 1)
        {
            _uIn = first;
            _vIn = second;
        }
        else
        {
            _uIn = second;
            _vIn = first;
        }
        return result != 0;
    }

    private long Residual(int e) => _cap[e] == Infinite ? Infinite : _cap[e] - _flow[e];

    private void ChangeFlow(bool change)
    {
        if (_delta > 0)
        {
            var value = _state[_inArc] * _delta;
            _flow[_inArc] += value;
            for (var u = _source[_inArc]; u != _join; u = _parent[u])
            {
                _flow[_pred[u]] -= _predDir[u] * value;
            }
            for (var u = _target[_inArc]; u != _join; u = _parent[u])
            {
                _flow[_pred[u]] += _predDir[u] * value;
            }
        }
        if (change)
        {
            _state[_inArc] = Tree;
            var leaving = _pred[_uOut];
            _state[leaving] = _flow[leaving] == 0 ? Lower : Upper;
        }
        else
        {
            _state[_inArc] = (sbyte)-_state[_inArc];
        }
    }

    // The subtree below the leaving arc (rooted at u_out) is re-hung from v_in by the entering
    // arc; the path u_in..u_out (the stem) reverses, and the thread, subtree sizes and last
    // successors are patched along the stem and the two paths to the join node only.
    private void UpdateTreeStructure()
    {
        int uIn = _uIn, vIn = _vIn, uOut = _uOut, join = _join;
        var parent = _parent;
        var thread = _thread;
        var revThread = _revThread;
        var lastSucc = _lastSucc;
        var succNum = _succNum;
        var oldRevThread = revThread[uOut];
        var oldSuccNum = succNum[uOut];
        var oldLastSucc = lastSucc[uOut];
        var vOut = parent[uOut];

        if (uIn == uOut)
        {
            parent[uIn] = vIn;
            _pred[uIn] = _inArc;
            _predDir[uIn] = uIn == _source[_inArc] ? Up : Down;
            if (thread[vIn] != uOut)
            {
                // Cut the subtree out of the thread and splice it in right after v_in.
                var after = thread[oldLastSucc];
                thread[oldRevThread] = after;
                revThread[after] = oldRevThread;
                after = thread[vIn];
                thread[vIn] = uOut;
                revThread[uOut] = vIn;
                thread[oldLastSucc] = after;
                revThread[after] = oldLastSucc;
            }
        }
        else
        {
            // When the subtree directly follows v_in in the thread, v_out is the join node and
            // the thread goes on after the subtree, not after v_in.
            var threadContinue = oldRevThread == vIn ? thread[oldLastSucc] : thread[vIn];
            int stem = uIn, parentStem = vIn;
            var last = lastSucc[uIn];
            var after = thread[last];
            var dirty = 0;
            thread[vIn] = uIn;
            _dirtyRevs[dirty++] = vIn;
            while (stem != uOut)
            {
                // The next stem node follows the current stem's subtree in the new thread.
                var nextStem = parent[stem];
                thread[last] = nextStem;
                _dirtyRevs[dirty++] = last;
                var before = revThread[stem];
                thread[before] = after;
                revThread[after] = before;
                parent[stem] = parentStem;
                parentStem = stem;
                stem = nextStem;
                // The next stem's own part of the thread ends before the old stem subtree if
                // that subtree was its last one.
                last = lastSucc[stem] == lastSucc[parentStem] ? revThread[parentStem] : lastSucc[stem];
                after = thread[last];
            }
            parent[uOut] = parentStem;
            thread[last] = threadContinue;
            revThread[threadContinue] = last;
            lastSucc[uOut] = last;
            if (oldRevThread != vIn)
            {
                thread[oldRevThread] = after;
                revThread[after] = oldRevThread;
            }
            for (var i = 0; i < dirty; i++)
            {
                var u = _dirtyRevs[i];
                revThread[thread[u]] = u;
            }
            // Along the stem from u_out back to u_in, every node takes its old parent's arc
            // reversed, and sizes and last successors become those of the reversed path.
            int sizes = 0, lastOfOut = lastSucc[uOut];
            for (int u = uOut, p = parent[u]; u != uIn; u = p, p = parent[u])
            {
                _pred[u] = _pred[p];
                _predDir[u] = (sbyte)-_predDir[p];
                sizes += succNum[u] - succNum[p];
                succNum[u] = sizes;
                lastSucc[p] = lastOfOut;
            }
            _pred[uIn] = _inArc;
            _predDir[uIn] = uIn == _source[_inArc] ? Up : Down;
            succNum[uIn] = oldSuccNum;
        }

        var upLimitOut = lastSucc[join] == vIn ? join : -1;
        var lastSuccOut = lastSucc[uOut];
        for (var u = vIn; u != -1 && lastSucc[u] == vIn; u = parent[u])
        {
            lastSucc[u] = lastSuccOut;
        }
        if (join != oldRevThread && vIn != oldRevThread)
        {
            for (var u = vOut; u != upLimitOut && lastSucc[u] == oldLastSucc; u = parent[u])
            {
                lastSucc[u] = oldRevThread;
            }
        }
        else if (lastSuccOut != oldLastSucc)
        {
            for (var u = vOut; u != upLimitOut && lastSucc[u] == oldLastSucc; u = parent[u])
            {
                lastSucc[u] = lastSuccOut;
            }
        }
        for (var u = vIn; u != join; u = parent[u])
        {
            succNum[u] += oldSuccNum;
        }
        for (var u = vOut; u != join; u = parent[u])
        {
            succNum[u] -= oldSuccNum;
        }
    }

    // Only the moved subtree's potentials change, all by the same amount.
    private void UpdatePotential()
    {
        var sigma = _pi[_vIn] - _pi[_uIn] - (_predDir[_uIn] * _cost[_inArc]);
        var end = _thread[_lastSucc[_uIn]];
        for (var u = _uIn; u != end; u = _thread[u])
        {
            _pi[u] += sigma;
        }
    }
}
