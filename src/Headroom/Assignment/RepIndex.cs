namespace Headroom.Assignment;

// Reps who take new work, grouped by territory and by team, so finding an item's eligible reps
// looks at a few dozen reps instead of all of them.
internal sealed class RepIndex
{
    private readonly AssignmentInstance _instance;
    private readonly List<int> _active = [];
    private readonly Dictionary<int, List<int>> _byTerritory = [];
    private readonly Dictionary<int, List<int>> _byTeam = [];

    public RepIndex(AssignmentInstance instance)
    {
        _instance = instance;
        for (var r = 0; r < instance.Reps.Count; r++)
        {
            var rep = instance.Reps[r];
            if (!AssignmentInstance.TakesWork(rep))
            {
                continue;
            }
            _active.Add(r);
            if (rep.Territory is { } t)
            {
                (_byTerritory.TryGetValue(t, out var list) ? list : _byTerritory[t] = []).Add(r);
            }
            if (rep.Team is { } team)
            {
                (_byTeam.TryGetValue(team, out var list) ? list : _byTeam[team] = []).Add(r);
            }
        }
    }

    // Appends the eligible reps of the item, in increasing index order.
    public void EligibleReps(AssignmentItem item, List<int> into)
    {
        var pool = _active;
        if (item.Territory is { } t)
        {
            pool = _byTerritory.TryGetValue(t, out var list) ? list : [];
        }
        if (item.Team is { } team)
        {
            var teamPool = _byTeam.TryGetValue(team, out var list) ? list : [];
            if (teamPool.Count < pool.Count)
            {
                pool = teamPool;
            }
        }
        foreach (var r in pool)
        {
            if (_instance.IsEligible(item, r))
            {
                into.Add(r);
            }
        }
    }
}
