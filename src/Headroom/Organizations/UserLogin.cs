using Headroom.Common;

namespace Headroom.Organizations;

// A member's sign-in. The hash is ASP.NET Core Identity's format (PBKDF2-HMAC-SHA512), so the
// web sign-in can verify and re-hash it.
public class UserLogin : TenantEntity
{
    public long MemberId { get; set; }
    public Member? Member { get; set; }
    public required string Email { get; set; }
    public required string NormalizedEmail { get; set; }
    public required string PasswordHash { get; set; }
    public bool Disabled { get; set; }
}
