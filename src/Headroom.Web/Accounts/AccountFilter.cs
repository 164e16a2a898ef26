using Headroom.Accounts;

namespace Headroom.Web.Accounts;

public sealed record AccountFilter(string? Name, AccountTier? Tier, AccountStatus? Status, long? OwnerId);
