using Headroom.Common;

namespace Headroom.Accounts;

public class Contact : TenantEntity, IVersioned, IExternallyIdentified
{
    public long? AccountId { get; set; }
    public Account? Account { get; set; }
    public required string Name { get; set; }
    public string? Title { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string? ExternalId { get; set; }
    public long Version { get; set; }
}
