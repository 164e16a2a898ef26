using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using Headroom.Data;
using Headroom.Organizations;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Headroom.Web.Auth;

// "Authorization: Bearer hr_pat_…" on /api/v1. The principal comes from the same claims factory
// as the cookie, rebuilt from the database on every request, so a token carries exactly its
// owner's current organization, member and role, and a disabled owner is refused at once.
public sealed class PersonalAccessTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    AppDbContext db,
    UserManager<AppUser> users,
    IUserClaimsPrincipalFactory<AppUser> principals,
    IUserConfirmation<AppUser> confirmation,
    TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);
    private const string BearerPrefix = "Bearer ";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (header is null || !header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }
        var secret = header[BearerPrefix.Length..].Trim();
        if (PersonalAccessTokens.OrgIdOf(secret) is not { } orgId)
        {
            return AuthenticateResult.Fail("Malformed token.");
        }
        var hash = PersonalAccessTokens.Hash(secret);
        // The request's tenant is entered only after authentication, hence the explicit OrgId.
        // The index finds the row by hash; the fixed-time compare keeps the final check free of
        // early exits all the same.
        var token = await db.PersonalAccessTokens.IgnoreQueryFilters().AsNoTracking()
            .SingleOrDefaultAsync(t => t.OrgId == orgId && t.SecretHash == hash, Context.RequestAborted);
        var now = clock.GetUtcNow().UtcDateTime;
        if (token is null || !CryptographicOperations.FixedTimeEquals(token.SecretHash, hash) || !PersonalAccessTokens.IsUsable(token, now))
        {
            return AuthenticateResult.Fail("Unknown, revoked or expired token.");
        }
        var user = await users.FindByIdAsync(token.UserId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (user is null || user.OrgId != token.OrgId || !await confirmation.IsConfirmedAsync(users, user) || await users.IsLockedOutAsync(user))
        {
            return AuthenticateResult.Fail("The token's owner may not sign in.");
        }
        if (token.LastUsedUtc is not { } lastUsed || now - lastUsed >= LastUsedResolution)
        {
            await db.PersonalAccessTokens.IgnoreQueryFilters().Where(t => t.OrgId == orgId && t.Id == token.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedUtc, now), Context.RequestAborted);
        }
        var cookiePrincipal = await principals.CreateAsync(user);
        var identity = new ClaimsIdentity(cookiePrincipal.Claims, Scheme.Name, ClaimTypes.Name, ClaimTypes.Role);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }
}
