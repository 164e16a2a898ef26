using System.Globalization;
using System.Security.Claims;
using Headroom.Data;
using Headroom.Organizations;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Headroom.Web.Auth;

public sealed class HeadroomClaimsPrincipalFactory(UserManager<AppUser> users, IOptions<IdentityOptions> options, AppDbContext db)
    : UserClaimsPrincipalFactory<AppUser>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        // Runs before the request's tenant is known (at sign-in and revalidation), hence the explicit OrgId.
        var member = await db.Members.IgnoreQueryFilters()
            .Where(m => m.Id == user.MemberId && m.OrgId == user.OrgId)
            .Select(m => new { m.Name, m.Role })
            .SingleAsync();
        identity.AddClaim(new Claim(HeadroomClaims.OrgId, user.OrgId.ToString(CultureInfo.InvariantCulture)));
        identity.AddClaim(new Claim(HeadroomClaims.MemberId, user.MemberId.ToString(CultureInfo.InvariantCulture)));
        identity.AddClaim(new Claim(HeadroomClaims.DisplayName, member.Name));
        identity.AddClaim(new Claim(Options.ClaimsIdentity.RoleClaimType, member.Role.ToString()));
        return identity;
    }
}
