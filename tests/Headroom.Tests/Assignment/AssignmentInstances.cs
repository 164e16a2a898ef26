using CsCheck;
using Headroom.Assignment;

namespace Headroom.Tests.Assignment;

// Small random assignment instances (1-4 reps, 1-6 items) with every kind of hard requirement,
// leave, opt-out and item caps, and the brute-force answers to check the engine against.
internal static class AssignmentInstances
{
    private static readonly Gen<AssignmentRep> RepGen =
        from capacity in Gen.Int[60, 600]
        from loadShare in Gen.Int[0, 60]
        from leave in Gen.Int[0, 5]
        from optedOut in Gen.Int[0, 9]
        from maxItems in Gen.Int[1, 4]
        from territory in Gen.Int[0, 1]
        from team in Gen.Int[0, 1]
        from languages in Gen.Int[1, 3]
        from level in Gen.Int[0, 2]
        from effortPercent in Gen.Int[80, 120]
        from location in Gen.Int[0, 1]
        select new AssignmentRep(0, capacity, capacity * loadShare / 100,
            LeaveMinutes: leave switch { 0 => capacity, 1 => capacity / 2, _ => 0 },
            OptedOut: optedOut == 0, MaxItems: maxItems, Territory: territory, Team: team,
            Languages: (ulong)languages, SkillLevels: [level], EffortPercent: effortPercent, Location: location);

    private static Gen<AssignmentItem> ItemGen(int reps) =>
        from effort in Gen.Int[30, 240]
        from territory in Gen.Int[-1, 1]
        from language in Gen.Int[-1, 1]
        from team in Gen.Int[-2, 1]
        from level in Gen.Int[0, 2]
        from location in Gen.Int[-1, 1]
        from travel in Gen.Int[0, 90]
        from incumbent in Gen.Int[-1, reps - 1]
        from preferred in Gen.Int[-1, reps - 1]
        select new AssignmentItem(0, AssignmentItemKind.Lead, effort,
            Territory: territory < 0 ? null : territory,
            Language: language < 0 ? null : language,
            Team: team < 0 ? null : team,
            Skill: level == 0 ? null : 0, SkillLevel: level,
            Location: location < 0 ? null : location, TravelMinutes: travel,
            IncumbentRep: incumbent < 0 ? null : incumbent,
            PreferredRep: preferred < 0 ? null : preferred);

    public static readonly Gen<AssignmentInstance> Small =
        from m in Gen.Int[1, 4]
        from reps in RepGen.Array[m]
        from n in Gen.Int[1, 6]
        from items in ItemGen(m).Array[n]
        select new AssignmentInstance(items, reps, new AssignmentCostWeights());

    public static int[] EligibleReps(AssignmentInstance instance, int item) =>
        [.. Enumerable.Range(0, instance.Reps.Count).Where(r => instance.IsEligible(item, r))];

    // Calls visit with every way to give each item one of its options (-1 for "not placed" when
    // allowed), skipping those that break an item cap.
    public static void Enumerate(AssignmentInstance instance, Func<int, bool> mayLeaveOut, Action<int[]> visit)
    {
        var n = instance.Items.Count;
        var options = Enumerable.Range(0, n)
            .Select(i => mayLeaveOut(i) ? [.. EligibleReps(instance, i), -1] : EligibleReps(instance, i))
            .ToArray();
        if (options.Any(o => o.Length == 0))
        {
            return;
        }
        var choice = new int[n];
        var assignment = new int[n];
        while (true)
        {
            var counts = new int[instance.Reps.Count];
            var ok = true;
            for (var i = 0; i < n; i++)
            {
                assignment[i] = options[i][choice[i]];
                if (assignment[i] >= 0 && ++counts[assignment[i]] > instance.Reps[assignment[i]].MaxItems)
                {
                    ok = false;
                }
            }
            if (ok)
            {
                visit(assignment);
            }
            var at = 0;
            while (at < n && ++choice[at] == options[at].Length)
            {
                choice[at++] = 0;
            }
            if (at == n)
            {
                return;
            }
        }
    }

    public static long[] Loads(AssignmentInstance instance, int[] assignment)
    {
        var load = instance.Reps.Select(r => r.CurrentLoadMinutes).ToArray();
        for (var i = 0; i < assignment.Length; i++)
        {
            if (assignment[i] >= 0)
            {
                load[assignment[i]] += instance.EffortOf(i, assignment[i]);
            }
        }
        return load;
    }

    public static double MaxUtilization(AssignmentInstance instance, long[] load) =>
        Enumerable.Range(0, instance.Reps.Count)
            .Where(r => instance.Reps[r].AvailableMinutes > 0)
            .Select(r => (double)load[r] / instance.Reps[r].AvailableMinutes)
            .DefaultIfEmpty(0)
            .Max();
}
