namespace Headroom.Web.Goals;

// What the territory potential table on the goal settings page posts: one row per territory, the
// potential typed in major units; a row with no potential is left out.
public sealed class TerritoryPotentialsForm
{
    public List<TerritoryPotentialRow> Rows { get; set; } = [];
    public long Version { get; set; }
}

public sealed class TerritoryPotentialRow
{
    public string? Territory { get; set; }
    public string? Potential { get; set; }
}
