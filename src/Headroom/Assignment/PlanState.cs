namespace Headroom.Assignment;

// A plan under construction: the candidate slot chosen for each item (an index into the graph's
// pairs, or -1), every rep's load and item count, and the items each rep holds.
internal sealed class PlanState
{
    private readonly List<int>[] _members;
    private readonly int[] _position;

    public PlanState(CandidateGraph graph)
    {
        Graph = graph;
        Slot = new int[graph.Items];
        Array.Fill(Slot, -1);
        Load = (long[])graph.BaseLoad.Clone();
        Count = new int[graph.Reps];
        _members = new List<int>[graph.Reps];
        for (var r = 0; r < graph.Reps; r++)
        {
            _members[r] = [];
        }
        _position = new int[graph.Items];
    }

    public CandidateGraph Graph { get; }

    public int[] Slot { get; }

    public long[] Load { get; }

    public int[] Count { get; }

    public List<int> Members(int rep) => _members[rep];

    public int RepOf(int item) => Slot[item] < 0 ? -1 : Graph.Rep[Slot[item]];

    public double Utilization(int rep) => Graph.Capacity[rep] > 0 ? Load[rep] / Graph.Capacity[rep] : 0;

    public bool HasRoom(int rep) => Count[rep] < Graph.MaxItems[rep];

    public void Place(int item, int slot)
    {
        if (Slot[item] >= 0)
        {
            Remove(item);
        }
        var rep = Graph.Rep[slot];
        Slot[item] = slot;
        Load[rep] += Graph.Effort[slot];
        Count[rep]++;
        _position[item] = _members[rep].Count;
        _members[rep].Add(item);
    }

    public void Remove(int item)
    {
        var slot = Slot[item];
        var rep = Graph.Rep[slot];
        Load[rep] -= Graph.Effort[slot];
        Count[rep]--;
        var list = _members[rep];
        var last = list[^1];
        list[_position[item]] = last;
        _position[last] = _position[item];
        list.RemoveAt(list.Count - 1);
        Slot[item] = -1;
    }

    public double MaxUtilization()
    {
        var max = 0.0;
        for (var r = 0; r < Graph.Reps; r++)
        {
            max = Math.Max(max, Utilization(r));
        }
        return max;
    }

    public long TotalCost()
    {
        long total = 0;
        foreach (var slot in Slot)
        {
            if (slot >= 0)
            {
                total += Graph.Cost[slot];
            }
        }
        return total;
    }
}
