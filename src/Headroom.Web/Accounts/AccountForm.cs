using Headroom.Accounts;

namespace Headroom.Web.Accounts;

public sealed class AccountForm
{
    public string? Name { get; set; }
    public AccountTier Tier { get; set; } = AccountTier.C;
    public AccountStatus Status { get; set; } = AccountStatus.Active;
    public string? Industry { get; set; }
    public string? Region { get; set; }
    public string? Territory { get; set; }
    public string? OwnerId { get; set; }
    public long Version { get; set; }
}
