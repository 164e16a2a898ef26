using Headroom.Common;
using Headroom.Organizations;

namespace Headroom.Leads;

public class Lead : TenantEntity, IVersioned, IExternallyIdentified
{
    public required string Name { get; set; }
    public string? Company { get; set; }
    public string? Source { get; set; }
    public string? Region { get; set; }
    public string? RequiredSkill { get; set; }
    public int? RequiredSkillLevel { get; set; }
    public string? Language { get; set; }
    public long EstimatedValueMinor { get; set; }
    public LeadStatus Status { get; set; } = LeadStatus.New;
    public long? OwnerId { get; set; }
    public Member? Owner { get; set; }
    // The team whose pool the lead sits in (or goes back to); null is the organization's pool.
    public long? PoolTeamId { get; set; }
    public string? ExternalId { get; set; }
    public long Version { get; set; }
}

public enum LeadStatus
{
    New = 0,
    Working = 1,
    Qualified = 2,
    Disqualified = 3,
    Converted = 4,
}
