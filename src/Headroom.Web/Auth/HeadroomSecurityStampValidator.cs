using System.Security.Claims;
using Headroom.Organizations;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Headroom.Web.Auth;

// Identity's validator only compares security stamps; this one also asks whether the user may
// still sign in, so disabling a user or deactivating a member ends their sessions at the next
// revalidation (every 30 seconds) even when nobody changed the stamp.
public sealed class HeadroomSecurityStampValidator(
    IOptions<SecurityStampValidatorOptions> options,
    SignInManager<AppUser> signIn,
    ILoggerFactory logger,
    IUserConfirmation<AppUser> confirmation)
    : SecurityStampValidator<AppUser>(options, signIn, logger)
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    protected override async Task<AppUser?> VerifySecurityStamp(ClaimsPrincipal? principal)
    {
        var user = await base.VerifySecurityStamp(principal);
        return user is not null && await confirmation.IsConfirmedAsync(SignInManager.UserManager, user) ? user : null;
    }
}
