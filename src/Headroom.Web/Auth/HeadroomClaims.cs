using System.Globalization;
using System.Security.Claims;
using Headroom.Organizations;

namespace Headroom.Web.Auth;

// What the sign-in cookie carries besides Identity's own claims; rebuilt from the database at
// every security-stamp revalidation, so a role change reaches the cookie within that interval.
public static class HeadroomClaims
{
    public const string OrgId = "headroom:org";
    public const string MemberId = "headroom:member";
    public const string DisplayName = "headroom:name";

    public static long? FindOrgId(this ClaimsPrincipal user) => ParseLong(user.FindFirstValue(OrgId));

    public static long GetOrgId(this ClaimsPrincipal user) =>
        user.FindOrgId() ?? throw new InvalidOperationException("The user has no organization claim.");

    public static long GetMemberId(this ClaimsPrincipal user) =>
        ParseLong(user.FindFirstValue(MemberId)) ?? throw new InvalidOperationException("The user has no member claim.");

    public static MemberRole GetRole(this ClaimsPrincipal user) =>
        Enum.TryParse<MemberRole>(user.FindFirstValue(ClaimTypes.Role), out var role) ? role : MemberRole.Rep;

    private static long? ParseLong(string? value) =>
        long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
}
