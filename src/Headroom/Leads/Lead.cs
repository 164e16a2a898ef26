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
    // When Status last changed (the creation time for a new lead), stamped by the SaveChanges
    // interceptor: the fairness audit credits back a lead disqualified soon after it was assigned,
    // and UpdatedUtc moves with any later edit.
    public DateTime? StatusChangedUtc { get; set; }
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
