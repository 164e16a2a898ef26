using Headroom.Common;
using Headroom.Organizations;

namespace Headroom.Accounts;

public class Account : TenantEntity, IVersioned, IExternallyIdentified
{
    public required string Name { get; set; }
    public AccountTier Tier { get; set; } = AccountTier.C;
    public string? Industry { get; set; }
    public string? Region { get; set; }
    public string? Territory { get; set; }
    // Null while the account sits in the customer pool (公海).
    public long? OwnerId { get; set; }
    public Member? Owner { get; set; }
    // The team whose pool the account sits in (or goes back to); null is the organization's pool.
    public long? PoolTeamId { get; set; }
    public AccountStatus Status { get; set; } = AccountStatus.Active;
    public string? ExternalId { get; set; }
    public long Version { get; set; }
}

public enum AccountTier
{
    A = 0,
    B = 1,
    C = 2,
    D = 3,
}

public enum AccountStatus
{
    Prospect = 0,
    Active = 1,
    Dormant = 2,
    Churned = 3,
}
