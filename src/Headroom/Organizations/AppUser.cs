using Microsoft.AspNetCore.Identity;

namespace Headroom.Organizations;

// A member's sign-in, stored by ASP.NET Core Identity. The email is the user name and is unique
// across organizations, because sign-in must find the organization from the email alone; for
// the same reason this is not a TenantEntity (no tenant filter), and every query that lists
// users must filter by OrgId itself.
public class AppUser : IdentityUser<long>
{
    public long OrgId { get; set; }
    public Organization? Organization { get; set; }
    public long MemberId { get; set; }
    public Member? Member { get; set; }
    // An admin switches a sign-in off without deleting the member and their history.
    public bool Disabled { get; set; }
    // An unused invitation: SHA-256 of the link's token, and when the link stops working. Both are
    // cleared when the invitee sets a password (docs/decisions/0015-people-administration.md).
    public byte[]? InvitationHash { get; set; }
    public DateTime? InvitationExpiresUtc { get; set; }
}
