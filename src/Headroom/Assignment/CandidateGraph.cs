namespace Headroom.Assignment;

// The sparse item-rep pairs that pass the hard requirements, in compressed rows: the candidates of
// item i are Rep[Start[i]..Start[i+1]], each with its effort (minutes) and cost. Reps are looked up
// through an index by territory and by team so building it costs about the number of pairs, not
// items × reps. Built once per instance; every strategy and the online router share it.
internal sealed class CandidateGraph
{
    public required int Items { get; init; }
    public required int Reps { get; init; }
    public required int[] Start { get; init; }
    public required int[] Rep { get; init; }
    public required int[] Effort { get; init; }
    public required long[] Cost { get; init; }
    public required double[] Capacity { get; init; }
    public required long[] BaseLoad { get; init; }
    public required int[] MaxItems { get; init; }

    // Each item's effort at standard speed, without travel: what "unplaced effort" counts.
    public required int[] StandardEffort { get; init; }

    public static CandidateGraph Build(AssignmentInstance instance)
    {
        var n = instance.Items.Count;
        var m = instance.Reps.Count;
        var index = new RepIndex(instance);
        var start = new int[n + 1];
        var reps = new List<int>(n * 10);
        for (var i = 0; i < n; i++)
        {
            index.EligibleReps(instance.Items[i], reps);
            start[i + 1] = reps.Count;
        }
        var rep = reps.ToArray();
        var effort = new int[rep.Length];
        var cost = new long[rep.Length];
        for (var i = 0; i < n; i++)
        {
            for (var k = start[i]; k < start[i + 1]; k++)
            {
                effort[k] = instance.EffortOf(i, rep[k]);
                cost[k] = instance.CostOf(i, rep[k]);
            }
        }
        var capacity = new double[m];
        var baseLoad = new long[m];
        var maxItems = new int[m];
        for (var r = 0; r < m; r++)
        {
            capacity[r] = instance.Reps[r].AvailableMinutes;
            baseLoad[r] = instance.Reps[r].CurrentLoadMinutes;
            maxItems[r] = instance.Reps[r].MaxItems;
        }
        return new CandidateGraph
        {
            Items = n, Reps = m, Start = start, Rep = rep, Effort = effort, Cost = cost,
            Capacity = capacity, BaseLoad = baseLoad, MaxItems = maxItems,
            StandardEffort = [.. instance.Items.Select(i => i.EffortMinutes)],
        };
    }
}
