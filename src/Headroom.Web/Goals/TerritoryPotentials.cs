namespace Headroom.Web.Goals;

// The organization's territory potentials, replaced as a whole: each line a territory and its
// yearly potential in minor units. Known lists the territories members or accounts name that have
// no potential yet. Version is the organization's (required on update).
public sealed record TerritoryPotentials(IReadOnlyList<TerritoryPotentialLine>? Territories, long? Version = null, IReadOnlyList<string>? Known = null, string? Currency = null);

public sealed record TerritoryPotentialLine(string? Territory, long? PotentialMinor);
