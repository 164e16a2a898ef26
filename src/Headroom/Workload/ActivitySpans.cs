namespace Headroom.Workload;

// Which members' activity changed, and the UTC span of the start times involved (the old and the
// new start of a moved activity both count): what ActivityDayRollup must recompute.
public sealed class ActivitySpans
{
    private readonly Dictionary<long, (DateTime From, DateTime To)> _spans = [];

    public bool IsEmpty => _spans.Count == 0;

    public IReadOnlyDictionary<long, (DateTime From, DateTime To)> Members => _spans;

    public void Add(long memberId, DateTime startUtc)
    {
        _spans[memberId] = _spans.TryGetValue(memberId, out var span)
            ? (startUtc < span.From ? startUtc : span.From, startUtc > span.To ? startUtc : span.To)
            : (startUtc, startUtc);
    }
}
