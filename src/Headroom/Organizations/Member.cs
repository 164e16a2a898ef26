using Headroom.Common;

namespace Headroom.Organizations;

public class Member : TenantEntity, IVersioned, IExternallyIdentified
{
    public required string Name { get; set; }
    public string? Email { get; set; }
    public MemberRole Role { get; set; } = MemberRole.Rep;
    public long? TeamId { get; set; }
    public Team? Team { get; set; }
    public string? Title { get; set; }
    public DateOnly? HireDate { get; set; }
    public double WeeklyCapacityHours { get; set; } = 40;
    public List<string> Territories { get; set; } = [];
    public List<string> Languages { get; set; } = [];
    public List<MemberSkill> Skills { get; set; } = [];
    public bool Active { get; set; } = true;
    public string? Locale { get; set; }
    // A member may work in another zone than the organization; null means the organization's.
    public string? TimeZoneId { get; set; }
    public string? ExternalId { get; set; }
    public long Version { get; set; }
}

public enum MemberRole
{
    Rep = 0,
    Manager = 1,
    Admin = 2,
}
