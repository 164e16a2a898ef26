namespace Headroom.Assignment;

// A Generalized Assignment Problem: every job goes to exactly one agent, each agent's total weight
// stays within its capacity, and the total cost is minimized. Cost[i][j] and Weight[i][j] are for
// job j on agent i. Values are integers; sums are taken in long.
public sealed record GapInstance(string Name, int Agents, int Jobs, int[][] Cost, int[][] Weight, long[] Capacity)
{
    public long CostOf(ReadOnlySpan<int> agentOfJob)
    {
        long total = 0;
        for (var j = 0; j < Jobs; j++)
        {
            total += Cost[agentOfJob[j]][j];
        }
        return total;
    }

    public bool IsFeasible(ReadOnlySpan<int> agentOfJob)
    {
        if (agentOfJob.Length != Jobs)
        {
            return false;
        }
        var load = new long[Agents];
        for (var j = 0; j < Jobs; j++)
        {
            var i = agentOfJob[j];
            if (i < 0 || i >= Agents)
            {
                return false;
            }
            load[i] += Weight[i][j];
        }
        for (var i = 0; i < Agents; i++)
        {
            if (load[i] > Capacity[i])
            {
                return false;
            }
        }
        return true;
    }
}
