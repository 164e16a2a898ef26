using Headroom.Accounts;

namespace Headroom.Web.Accounts;

public sealed record AccountResponse(
    long Id, string Name, AccountTier Tier, AccountStatus Status, string? Industry, string? Region, string? Territory,
    long? OwnerId, string? OwnerName, DateTime UpdatedUtc, long Version);
