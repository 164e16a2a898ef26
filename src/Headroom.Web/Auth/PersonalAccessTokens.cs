using System.Buffers.Text;
using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Headroom.Organizations;

namespace Headroom.Web.Auth;

// Personal access tokens for scripts: "hr_pat_", the organization id, "_", and 32 random bytes
// in base64url. The fixed prefix makes a leaked token recognizable to secret scanners; the
// organization id lets authentication find the row like any tenant row (docs/decisions/0014).
// Only the SHA-256 of the whole token is stored, which is enough for 256 random bits (no salt or
// slow hash is needed against guessing).
public static class PersonalAccessTokens
{
    public const string Scheme = "HeadroomToken";
    public const string TokenPrefix = "hr_pat_";
    // Signed-in users only, and not by a token: a token cannot mint or widen tokens.
    public const string CookieOnlyPolicy = "cookie-only";
    public const int NameMaxLength = 100;
    public const int MaxExpiryDays = 3650;
    private const int SecretBytes = 32;
    private const int SecretChars = 43;
    // Characters of the random part kept in the display prefix: enough to tell tokens apart.
    private const int DisplayChars = 4;

    // The profile page's choices; 0 is "never".
    public static readonly int[] ExpiryChoicesDays = [30, 90, 365, 0];

    public static (PersonalAccessToken Row, string Secret) Create(long orgId, long userId, string name, DateTime? expiresUtc)
    {
        var head = TokenPrefix + orgId.ToString(CultureInfo.InvariantCulture) + "_";
        var secret = head + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(SecretBytes));
        var row = new PersonalAccessToken
        {
            OrgId = orgId,
            UserId = userId,
            Name = name,
            Prefix = secret[..(head.Length + DisplayChars)],
            SecretHash = Hash(secret),
            ExpiresUtc = expiresUtc,
        };
        return (row, secret);
    }

    // The organization named by a well-formed token, or null for anything else.
    public static long? OrgIdOf(string value)
    {
        if (!value.StartsWith(TokenPrefix, StringComparison.Ordinal))
        {
            return null;
        }
        var rest = value.AsSpan(TokenPrefix.Length);
        var separator = rest.IndexOf('_');
        return separator is > 0 and <= 19
            && rest.Length - separator - 1 == SecretChars
            && Base64Url.IsValid(rest[(separator + 1)..])
            && long.TryParse(rest[..separator], NumberStyles.None, CultureInfo.InvariantCulture, out var orgId) && orgId > 0
            ? orgId
            : null;
    }

    public static DateTime? ExpiryFrom(DateTime nowUtc, int? days) => days is > 0 ? nowUtc.AddDays(days.Value) : null;

    public static AccessTokenStatus StatusOf(PersonalAccessToken token, DateTime nowUtc) =>
        token.RevokedUtc is not null ? AccessTokenStatus.Revoked
        : token.ExpiresUtc is { } expires && expires <= nowUtc ? AccessTokenStatus.Expired
        : AccessTokenStatus.Active;

    public static long GetUserId(ClaimsPrincipal user) =>
        long.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("The user has no id claim."), CultureInfo.InvariantCulture);

    public static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    public static bool IsUsable(PersonalAccessToken token, DateTime nowUtc) => StatusOf(token, nowUtc) == AccessTokenStatus.Active;

    public static bool IsFromToken(this ClaimsPrincipal user) =>
        user.Identity?.AuthenticationType == Scheme;
}
