using Headroom.Common;

namespace Headroom.Organizations;

public class Team : TenantEntity, IVersioned, IExternallyIdentified
{
    public required string Name { get; set; }
    public long? ParentTeamId { get; set; }
    public Team? ParentTeam { get; set; }
    public long? ManagerId { get; set; }
    public Member? Manager { get; set; }
    public string? ExternalId { get; set; }
    public long Version { get; set; }
}
