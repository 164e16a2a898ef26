using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Headroom.Organizations;

// Building sign-ins outside a UserManager (seeders, migrations of old data) with the same
// normalization and hash settings that Identity uses at sign-in.
public static class AppUsers
{
    private static readonly PasswordHasher<AppUser> Hasher = new(Options.Create(PasswordPolicy.HasherOptions()));
    private static readonly UpperInvariantLookupNormalizer Normalizer = new();

    public static string Normalize(string email) => Normalizer.NormalizeEmail(email.Trim())!;

    public static bool LooksLikeEmail(string email)
    {
        var at = email.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && at == email.LastIndexOf('@') && at < email.Length - 3 && email[(at + 1)..].Contains('.', StringComparison.Ordinal)
            && !email.Any(char.IsWhiteSpace) && email.Length <= 254;
    }

    // A user for the member with the given email; the caller sets the password (UserManager) or PasswordHash (Hash).
    public static AppUser For(Member member, long orgId, string email) => new()
    {
        OrgId = orgId,
        Member = member,
        UserName = email.Trim(),
        NormalizedUserName = Normalize(email),
        Email = email.Trim(),
        NormalizedEmail = Normalize(email),
        SecurityStamp = Guid.NewGuid().ToString("N").ToUpperInvariant(),
        ConcurrencyStamp = Guid.NewGuid().ToString(),
        LockoutEnabled = true,
    };

    public static string Hash(string password) => Hasher.HashPassword(null!, password);

    public static PasswordVerificationResult Verify(string hash, string password) => Hasher.VerifyHashedPassword(null!, hash, password);
}
