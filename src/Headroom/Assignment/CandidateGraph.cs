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

    // Items are split into chunks, each finding its candidates on its own (on up to `workers`
    // threads), and the chunks are laid end to end in item order, so the graph does not depend on
    // the number of workers.
    public static CandidateGraph Build(AssignmentInstance instance, int workers = 1)
    {
        var n = instance.Items.Count;
        var m = instance.Reps.Count;
        var index = new RepIndex(instance);
        var chunks = n < 4_096 ? 1 : 16;
        var found = new List<int>[chunks];
        var start = new int[n + 1];
        (int From, int To) Chunk(int c) => ((int)((long)n * c / chunks), (int)((long)n * (c + 1) / chunks));
        Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, workers) }, c =>
        {
            var reps = found[c] = new List<int>((int)Math.Min(int.MaxValue / 2, 10L * n / chunks));
            for (var (i, to) = Chunk(c); i < to; i++)
            {
                index.EligibleReps(instance.Items[i], reps);
                start[i + 1] = reps.Count;
            }
        });
        // Each chunk counted from zero: shift it by the pairs of the chunks before it.
        var offsets = new int[chunks + 1];
        for (var c = 0; c < chunks; c++)
        {
            offsets[c + 1] = checked(offsets[c] + found[c].Count);
            for (var (i, to) = Chunk(c); i < to; i++)
            {
                start[i + 1] += offsets[c];
            }
        }
        var rep = new int[offsets[chunks]];
        var effort = new int[rep.Length];
        var cost = new long[rep.Length];
        Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, workers) }, c =>
        {
            found[c].CopyTo(rep, offsets[c]);
            for (var (i, to) = Chunk(c); i < to; i++)
            {
                for (var k = start[i]; k < start[i + 1]; k++)
                {
                    effort[k] = instance.EffortOf(i, rep[k]);
                    cost[k] = instance.CostOf(i, rep[k]);
                }
            }
        });
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
