using Headroom.Accounts;

namespace Headroom.Web.Accounts;

// Create and update take the same body; Version is required on update (optimistic concurrency).
// OwnerId: omitted keeps the current owner (on create: you); only managers and admins may name
// someone else.
public sealed record AccountRequest(
    string? Name, AccountTier? Tier, AccountStatus? Status, string? Industry, string? Region, string? Territory, long? OwnerId, long? Version = null);
