using Headroom.Data;
using Headroom.Organizations;
using Headroom.Web.Localization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Headroom.Web.Auth;

// Sign-in and sign-out are endpoints rather than page handlers so the rate limiter, antiforgery
// and a plain HTML form all apply to them; the sign-in page only renders the form.
public static class SignInApi
{
    public static void MapSignInApi(this IEndpointRouteBuilder app)
    {
        var account = app.MapGroup("/account").WithMetadata(new SkipStatusCodePagesAttribute());
        account.MapPost("/sign-in", SignIn).AllowAnonymous().RequireRateLimiting(SignInServices.SignInRateLimit);
        account.MapPost("/sign-out", SignOut).RequireAuthorization().WithMetadata(new RequireAntiforgeryTokenAttribute());
    }

    public static async Task<RedirectHttpResult> SignIn(
        [FromForm(Name = "Email")] string? email, [FromForm(Name = "Password")] string? password, [FromForm(Name = "ReturnUrl")] string? returnUrl,
        SignInManager<AppUser> signIn, UnknownUserLockout unknownUsers, AppDbContext db, HttpContext http)
    {
        email = email?.Trim() ?? "";
        password ??= "";
        returnUrl = LocalUrl.OrHome(returnUrl);
        var user = email.Length > 0 ? await signIn.UserManager.FindByEmailAsync(email) : null;
        if (user is null)
        {
            DecoyPassword.Check(password);
            return Failed(unknownUsers.RecordFailure(email) ? "locked" : "invalid", returnUrl);
        }

        var result = await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            var locale = await db.Members.IgnoreQueryFilters()
                .Where(m => m.Id == user.MemberId && m.OrgId == user.OrgId).Select(m => m.Locale).SingleOrDefaultAsync();
            if (Cultures.Match(locale) is { } culture)
            {
                Cultures.Remember(http.Response, culture);
            }
            return TypedResults.LocalRedirect(returnUrl);
        }
        // Identity refuses locked-out and disabled users before it looks at the password.
        if (result.IsLockedOut || result.IsNotAllowed)
        {
            DecoyPassword.Check(password);
        }
        // A disabled user hears the same as a wrong password.
        return Failed(result.IsLockedOut ? "locked" : "invalid", returnUrl);
    }

    public static async Task<Results<RedirectHttpResult, BadRequest>> SignOut(SignInManager<AppUser> signIn, HttpContext http)
    {
        // The antiforgery middleware only records the check; endpoints that bind no form enforce it.
        if (http.Features.Get<IAntiforgeryValidationFeature>() is not { IsValid: true })
        {
            return TypedResults.BadRequest();
        }
        var user = await signIn.UserManager.GetUserAsync(http.User);
        await signIn.SignOutAsync();
        if (user is not null)
        {
            // A cookie is its own session; a new stamp makes copies of it (other browsers, a
            // stolen one) invalid at their next revalidation.
            await signIn.UserManager.UpdateSecurityStampAsync(user);
        }
        return TypedResults.LocalRedirect("/sign-in?signedOut=true");
    }

    private static RedirectHttpResult Failed(string error, string returnUrl) =>
        TypedResults.LocalRedirect($"/sign-in?error={error}&returnUrl={Uri.EscapeDataString(returnUrl)}");
}
