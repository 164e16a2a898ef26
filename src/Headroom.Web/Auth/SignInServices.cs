using System.Threading.RateLimiting;
using Headroom.Organizations;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace Headroom.Web.Auth;

public static class SignInServices
{
    public const string SignInRateLimit = "sign-in";
    public const string CookieName = "__Host-headroom";
    private const string DefaultScheme = "Headroom";

    // Cookie sign-in on top of the Identity core that AddHeadroom registers. Every cookie is a
    // __Host- cookie: Secure, Path=/, no Domain (browsers treat http://127.0.0.1 and localhost as
    // secure, so the default loopback address works without TLS; see docs/decisions/0009).
    public static IServiceCollection AddHeadroomSignIn(this IServiceCollection services, IConfiguration configuration)
    {
        new IdentityBuilder(typeof(AppUser), services)
            .AddSignInManager()
            .AddClaimsPrincipalFactory<HeadroomClaimsPrincipalFactory>();
        services.AddScoped<ISecurityStampValidator, HeadroomSecurityStampValidator>();
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = HeadroomSecurityStampValidator.Interval);

        // Pages are signed in by cookie only; /api/v1 also takes a personal access token, chosen
        // when the request carries a bearer header (its cookies, if any, are then ignored).
        services.AddAuthentication(DefaultScheme)
            .AddPolicyScheme(DefaultScheme, null, o => o.ForwardDefaultSelector = http =>
                UsesToken(http.Request) ? PersonalAccessTokens.Scheme : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, PersonalAccessTokenHandler>(PersonalAccessTokens.Scheme, null)
            .AddIdentityCookies();
        services.ConfigureAll<CookieAuthenticationOptions>(o =>
        {
            o.Cookie.SecurePolicy = CookieSecurePolicy.Always;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.Path = "/";
        });
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = CookieName;
            o.LoginPath = "/sign-in";
            o.LogoutPath = "/account/sign-out";
            o.AccessDeniedPath = "/sign-in";
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            // The API answers 401/403 rather than redirecting a script to the sign-in page.
            o.Events.OnRedirectToLogin = context => ApiOrRedirect(context, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = context => ApiOrRedirect(context, StatusCodes.Status403Forbidden);
        });
        services.ConfigureExternalCookie(o => o.Cookie.Name = "__Host-headroom-external");
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme, o => o.Cookie.Name = "__Host-headroom-2fa");
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorRememberMeScheme, o => o.Cookie.Name = "__Host-headroom-2fa-remember");

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(PersonalAccessTokens.CookieOnlyPolicy, p => p.RequireAuthenticatedUser().RequireAssertion(c => !c.User.IsFromToken()));
        // ASP.NET Core's antiforgery refuses a Secure-only cookie on a plain-HTTP request (it checks
        // on the server, unlike the browser), and `serve` answers on http://127.0.0.1 by default,
        // so this one cookie is Secure whenever the request is HTTPS and carries no __Host- prefix.
        // Its tokens are bound to the signed-in user, so a planted cookie cannot forge their forms.
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "headroom-af";
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.Cookie.SameSite = SameSiteMode.Strict;
        });

        services.AddMemoryCache();
        services.AddSingleton<UnknownUserLockout>();
        var permits = configuration.GetValue("Headroom:Web:SignInRequestsPerMinute", 10);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Per client address; the per-account lockout (Identity) covers distributed guessing.
            o.AddPolicy(SignInRateLimit, http => RateLimitPartition.GetSlidingWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "",
                _ => new SlidingWindowRateLimiterOptions
                {
                    PermitLimit = permits,
                    Window = TimeSpan.FromMinutes(1),
                    SegmentsPerWindow = 6,
                    QueueLimit = 0,
                }));
        });
        return services;
    }

    private static bool UsesToken(HttpRequest request) =>
        request.Path.StartsWithSegments("/api/v1")
        && request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);

    private static Task ApiOrRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
