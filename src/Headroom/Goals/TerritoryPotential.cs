using Headroom.Common;

namespace Headroom.Goals;

// What one territory could buy in a year, in minor units of the organization's currency: the
// market estimate sales operations keeps. Goals cascade by it (CascadeMethod.TerritoryPotential).
// Territory is matched to Member.Territories without regard to case or surrounding spaces.
public class TerritoryPotential : TenantEntity
{
    public required string Territory { get; set; }
    public long PotentialMinor { get; set; }
}
