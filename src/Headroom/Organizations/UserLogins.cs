using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Headroom.Organizations;

// Password rules and hashing for sign-ins: OWASP ASVS level 2 length rules (8–128, no
// composition rules) and Identity's V3 hash (PBKDF2-HMAC-SHA512) at 210,000 iterations.
public static class UserLogins
{
    public const int MinPasswordLength = 8;
    public const int MaxPasswordLength = 128;
    public const int Pbkdf2Iterations = 210_000;

    private static readonly PasswordHasher<UserLogin> Hasher = new(Options.Create(new PasswordHasherOptions
    {
        CompatibilityMode = PasswordHasherCompatibilityMode.IdentityV3,
        IterationCount = Pbkdf2Iterations,
    }));

    public static string Normalize(string email) => email.Trim().ToUpperInvariant();

    public static bool LooksLikeEmail(string email)
    {
        var at = email.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && at == email.LastIndexOf('@') && at < email.Length - 3 && email[(at + 1)..].Contains('.', StringComparison.Ordinal)
            && !email.Any(char.IsWhiteSpace);
    }

    public static string? CheckPassword(string password) => password.Length switch
    {
        < MinPasswordLength => $"must be at least {MinPasswordLength} characters.",
        > MaxPasswordLength => $"must be at most {MaxPasswordLength} characters.",
        _ => null,
    };

    public static string Hash(string password) => Hasher.HashPassword(null!, password);

    public static bool Verify(string hash, string password) =>
        Hasher.VerifyHashedPassword(null!, hash, password) != PasswordVerificationResult.Failed;
}
