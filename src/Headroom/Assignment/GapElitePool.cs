namespace Headroom.Assignment;

// The best few distinct feasible solutions the walk's thread has held, and starts between them
// (path relinking, after Yagiura, Ibaraki and Glover 2006): a restart from the incumbent alone
// walks back into the basin it just left, while a start that takes part of the way towards
// another good solution keeps what they agree on and re-mixes only where they differ.
internal sealed class GapElitePool(int capacity)
{
    private readonly List<(long Cost, int[] Assignment)> _members = [];

    public int Count => _members.Count;

    public void Offer(int[] assignment, long cost)
    {
        foreach (var (c, a) in _members)
        {
            if (c == cost && a.AsSpan().SequenceEqual(assignment))
            {
                return;
            }
        }
        if (_members.Count >= capacity && cost >= _members[^1].Cost)
        {
            return;
        }
        _members.Add((cost, (int[])assignment.Clone()));
        _members.Sort((x, y) => x.Cost.CompareTo(y.Cost));
        if (_members.Count > capacity)
        {
            _members.RemoveAt(_members.Count - 1);
        }
    }

    // A point on the path from the incumbent to another elite member: every job where the two
    // differ takes the guide's agent with the given odds. Null when no member differs.
    public int[]? Between(int[] incumbent, Random random, double towardsGuide = 0.5)
    {
        var others = _members.Where(e => !e.Assignment.AsSpan().SequenceEqual(incumbent)).ToList();
        if (others.Count == 0)
        {
            return null;
        }
        var guide = others[random.Next(others.Count)].Assignment;
        var start = (int[])incumbent.Clone();
        for (var j = 0; j < start.Length; j++)
        {
            if (guide[j] != start[j] && random.NextDouble() < towardsGuide)
            {
                start[j] = guide[j];
            }
        }
        return start;
    }
}
