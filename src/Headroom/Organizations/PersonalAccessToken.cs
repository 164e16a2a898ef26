using Headroom.Common;

namespace Headroom.Organizations;

// A script's sign-in: it acts as its owner with the owner's current rights. Only the SHA-256 hash
// of the secret is stored; the prefix is the token's first characters, kept to tell tokens apart.
public class PersonalAccessToken : TenantEntity
{
    public long UserId { get; set; }
    public AppUser? User { get; set; }
    public string Name { get; set; } = "";
    public string Prefix { get; set; } = "";
    public byte[] SecretHash { get; set; } = [];
    public DateTime? ExpiresUtc { get; set; }
    // Written at most once a minute, so a busy script does not turn every read into a write.
    public DateTime? LastUsedUtc { get; set; }
    public DateTime? RevokedUtc { get; set; }
}
