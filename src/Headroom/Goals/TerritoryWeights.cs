namespace Headroom.Goals;

// Turns territory potentials into a weight per member for a cascade: each territory's potential
// is shared equally among the members who cover it, so two reps on one territory are not each
// credited with all of it. Territories nobody covers are returned, so the manager sees the
// potential that no child goal carries. Pure.
public static class TerritoryWeights
{
    public static TerritoryWeighting Weigh(IReadOnlyDictionary<string, long> potentials, IReadOnlyDictionary<long, IReadOnlyList<string>> memberTerritories)
    {
        var coverers = new Dictionary<string, List<long>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (member, territories) in memberTerritories.OrderBy(m => m.Key))
        {
            foreach (var territory in territories.Select(Key).Where(t => t.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase))
            {
                if (!coverers.TryGetValue(territory, out var list))
                {
                    coverers[territory] = list = [];
                }
                list.Add(member);
            }
        }
        var weights = memberTerritories.Keys.ToDictionary(m => m, _ => 0.0);
        var uncovered = new List<string>();
        foreach (var (territory, potential) in potentials.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (potential <= 0)
            {
                continue;
            }
            if (!coverers.TryGetValue(Key(territory), out var members))
            {
                uncovered.Add(territory);
                continue;
            }
            foreach (var member in members)
            {
                weights[member] += (double)potential / members.Count;
            }
        }
        return new TerritoryWeighting(weights, uncovered);
    }

    public static string Key(string territory) => territory.Trim();
}

// Weight per member in minor units of potential; Uncovered lists the territories with potential
// that none of the members covers.
public sealed record TerritoryWeighting(IReadOnlyDictionary<long, double> Weights, IReadOnlyList<string> Uncovered);
