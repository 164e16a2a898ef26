using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Headroom.Data;
using Headroom.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Headroom.Web.Members;

// Invitation links, since Headroom sends no mail: /invite/<orgId>_<32 random bytes, base64url>.
// Only the SHA-256 of the token is stored (256 random bits need no salt or slow hash); the
// organization id lets the anonymous invite page find the row like a tenant row, as for access
// tokens (docs/decisions/0014, 0015). A link works once, for 7 days.
public static class MemberInvitations
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);
    private const int SecretBytes = 32;
    private const int SecretChars = 43;

    public static string Issue(AppUser user, DateTime nowUtc)
    {
        var token = user.OrgId.ToString(CultureInfo.InvariantCulture) + "_" + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(SecretBytes));
        user.InvitationHash = Hash(token);
        user.InvitationExpiresUtc = nowUtc + Lifetime;
        return token;
    }

    public static string Url(HttpRequest request, string token) => $"{request.Scheme}://{request.Host}/invite/{token}";

    public static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));

    public static long? OrgIdOf(string? token)
    {
        if (token is null)
        {
            return null;
        }
        var separator = token.IndexOf('_', StringComparison.Ordinal);
        return separator is > 0 and <= 19
            && token.Length - separator - 1 == SecretChars
            && Base64Url.IsValid(token.AsSpan(separator + 1))
            && long.TryParse(token.AsSpan(0, separator), NumberStyles.None, CultureInfo.InvariantCulture, out var orgId) && orgId > 0
            ? orgId
            : null;
    }

    // The sign-in an unused, unexpired link belongs to, if its member is active; tracked, so the
    // caller can clear the invitation in the same save that sets the password.
    public static async Task<AppUser?> FindAsync(AppDbContext db, string? token, DateTime nowUtc, CancellationToken cancellationToken)
    {
        if (OrgIdOf(token) is not { } orgId)
        {
            return null;
        }
        var hash = Hash(token!);
        var user = await db.Users.SingleOrDefaultAsync(u => u.OrgId == orgId && u.InvitationHash == hash, cancellationToken);
        if (user is null || user.InvitationHash is not { } stored || !CryptographicOperations.FixedTimeEquals(stored, hash)
            || user.InvitationExpiresUtc is not { } expires || expires <= nowUtc || user.Disabled || user.PasswordHash is not null)
        {
            return null;
        }
        var active = await db.Members.IgnoreQueryFilters().AnyAsync(m => m.Id == user.MemberId && m.OrgId == orgId && m.Active, cancellationToken);
        return active ? user : null;
    }

    public static void Clear(AppUser user)
    {
        user.InvitationHash = null;
        user.InvitationExpiresUtc = null;
    }

    // Sessions and tokens of this user are re-checked at the next revalidation.
    public static void RenewSecurityStamp(AppUser user) => user.SecurityStamp = Guid.NewGuid().ToString("N").ToUpperInvariant();
}
