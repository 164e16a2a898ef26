namespace Headroom.Assignment;

// Routes single new leads of one queue between runs (pure, microseconds per lead). Least loaded
// and balanced go through OnlineRouter with a plan of the reps' current loads; round robin and
// weighted round robin keep their rotation and counts here, with the same keys as
// StrategyAssigner, starting from the last routed rep and the leads routed so far. Loads and
// counts carry over from lead to lead. Not thread-safe: the cache locks around it.
public sealed class QueueRouter
{
    private readonly QueueInstance _queue;
    private readonly AssignmentStrategy _strategy;
    private readonly OnlineRouter _online;
    private readonly long[] _load;
    private readonly int[] _count;
    private readonly int[] _routed;
    private int _next;

    // routedSoFar: leads this queue routed to each rep recently (by rep index); lastRep: the rep
    // index of the last one, so the rotation goes on after it.
    public QueueRouter(QueueInstance queue, AssignmentStrategy strategy, IReadOnlyList<int>? routedSoFar = null, int? lastRep = null)
    {
        ArgumentNullException.ThrowIfNull(queue);
        _queue = queue;
        _strategy = strategy;
        var instance = queue.Instance;
        var m = instance.Reps.Count;
        var empty = StrategyAssigner.Assign(instance with { Items = [] }, AssignmentStrategy.LeastLoaded);
        _online = new OnlineRouter(instance with { Items = [] }, empty);
        _load = [.. instance.Reps.Select(r => r.CurrentLoadMinutes)];
        _count = new int[m];
        _routed = routedSoFar is { } so && so.Count == m ? [.. so] : new int[m];
        _next = lastRep is { } last && m > 0 ? (last + 1) % m : 0;
    }

    public QueueInstance Queue => _queue;

    // The explanation's Rep and RunnerUp are rep indexes of Queue.Reps.
    public AssignmentExplanation Route(QueueLead lead)
    {
        var item = _queue.ItemFor(lead);
        if (_strategy is AssignmentStrategy.LeastLoaded or AssignmentStrategy.Balanced)
        {
            var routed = _online.Route(item);
            if (routed.Rep is { } chosen)
            {
                _load[chosen] = routed.LoadAfterMinutes;
                _count[chosen]++;
                _routed[chosen]++;
            }
            return routed with { DecidedBy = _queue.DecisionFor(lead, routed) };
        }
        var instance = _queue.Instance;
        var m = instance.Reps.Count;
        int best = -1, second = -1, eligible = 0;
        double bestKey = double.PositiveInfinity, secondKey = double.PositiveInfinity;
        for (var r = 0; r < m; r++)
        {
            if (!instance.IsEligible(item, r))
            {
                continue;
            }
            eligible++;
            if (_count[r] >= instance.Reps[r].MaxItems)
            {
                continue;
            }
            var turn = (r - _next + m) % m;
            var key = _strategy == AssignmentStrategy.RoundRobin
                ? turn
                : (_routed[r] + 1) / (_queue.Weights?[r] ?? instance.Reps[r].AvailableMinutes) + turn * 1e-12;
            if (key < bestKey)
            {
                (second, secondKey) = (best, bestKey);
                (best, bestKey) = (r, key);
            }
            else if (key < secondKey)
            {
                (second, secondKey) = (r, key);
            }
        }
        if (best < 0)
        {
            return new AssignmentExplanation(0, null, null, eligible, 0, 0, AssignmentDecision.NotPlaced,
                eligible == 0 ? UnplacedReason.NoEligibleRep : UnplacedReason.EligibleRepsFull);
        }
        var before = _load[best];
        _load[best] += instance.EffortOf(item, best);
        _count[best]++;
        _routed[best]++;
        _next = (best + 1) % m;
        return new AssignmentExplanation(0, best, second < 0 ? null : second, eligible, before, _load[best],
            eligible == 1 ? AssignmentDecision.OnlyEligibleRep : AssignmentDecision.RoundRobinTurn);
    }
}
