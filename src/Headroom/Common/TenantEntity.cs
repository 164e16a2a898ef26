namespace Headroom.Common;

// Every row an organization owns derives from this, so the tenant filter, OrgId-leading indexes
// and audit stamps are applied once in AppDbContext rather than per entity.
public abstract class TenantEntity
{
    public long Id { get; set; }
    public long OrgId { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime UpdatedUtc { get; set; }
}
