using System.Security.Claims;
using Headroom.Data;
using Headroom.Organizations;
using Headroom.Web.Api;
using Headroom.Web.Localization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Headroom.Web.Auth;

// Your own personal access tokens. Creating one needs the cookie: a token cannot mint another.
public static class AccessTokensApi
{
    public static void MapAccessTokensApi(this RouteGroupBuilder api)
    {
        var tokens = api.MapGroup("/tokens").WithTags("Access tokens");
        tokens.MapGet("/", ListTokens).WithSummary("Your personal access tokens (never their secrets), newest first.");
        tokens.MapPost("/", CreateToken).RequireAuthorization(PersonalAccessTokens.CookieOnlyPolicy).WithSummary(
            "Create a personal access token (signed in with the cookie only); the secret is in this answer and nowhere else. " +
            "expiresInDays: 1 to 3650, or null for no expiry. Send it as 'Authorization: Bearer hr_pat_…' to /api/v1.");
        tokens.MapDelete("/{id:long}", RevokeToken).WithSummary("Revoke one of your tokens; it is refused from the next request on.");
    }

    public static async Task<Ok<List<AccessTokenResponse>>> ListTokens(AppDbContext db, ClaimsPrincipal user, TimeProvider clock, CancellationToken cancellationToken)
    {
        var userId = PersonalAccessTokens.GetUserId(user);
        var rows = await db.PersonalAccessTokens.Where(t => t.UserId == userId)
            .OrderByDescending(t => t.CreatedUtc).ThenByDescending(t => t.Id)
            .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        return TypedResults.Ok(rows.Select(t => AccessTokenResponse.From(t, now)).ToList());
    }

    public static async Task<Results<Created<CreatedAccessTokenResponse>, ValidationProblem>> CreateToken(
        CreateAccessTokenRequest request, AppDbContext db, HttpContext http, TimeProvider clock, IStringLocalizer<Strings> l, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors(l);
        var name = errors.Text("name", request.Name, PersonalAccessTokens.NameMaxLength, required: true);
        if (request.ExpiresInDays is < 1 or > PersonalAccessTokens.MaxExpiryDays)
        {
            errors.TryAdd("expiresInDays", l["Tokens.ExpiryInvalid"]);
        }
        if (errors.Any)
        {
            return ApiProblems.Fields(errors);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var user = http.User;
        var (row, secret) = PersonalAccessTokens.Create(user.GetOrgId(), PersonalAccessTokens.GetUserId(user), name!, PersonalAccessTokens.ExpiryFrom(now, request.ExpiresInDays));
        db.PersonalAccessTokens.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        // The only copy of the secret: no cache may keep it.
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.Created($"/api/v1/tokens/{row.Id}", new CreatedAccessTokenResponse(AccessTokenResponse.From(row, now), secret));
    }

    public static async Task<Results<NoContent, NotFound>> RevokeToken(long id, AppDbContext db, ClaimsPrincipal user, TimeProvider clock, CancellationToken cancellationToken)
    {
        var userId = PersonalAccessTokens.GetUserId(user);
        var token = await db.PersonalAccessTokens.SingleOrDefaultAsync(t => t.Id == id && t.UserId == userId, cancellationToken);
        if (token is null)
        {
            return TypedResults.NotFound();
        }
        token.RevokedUtc ??= clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }
}

public sealed record CreateAccessTokenRequest(string? Name, int? ExpiresInDays);

public sealed record CreatedAccessTokenResponse(AccessTokenResponse Token, string Secret);

public sealed record AccessTokenResponse(
    long Id, string Name, string Prefix, DateTime CreatedUtc, DateTime? LastUsedUtc, DateTime? ExpiresUtc, DateTime? RevokedUtc, AccessTokenStatus Status)
{
    public static AccessTokenResponse From(PersonalAccessToken t, DateTime nowUtc) =>
        new(t.Id, t.Name, t.Prefix, t.CreatedUtc, t.LastUsedUtc, t.ExpiresUtc, t.RevokedUtc, PersonalAccessTokens.StatusOf(t, nowUtc));
}

public enum AccessTokenStatus
{
    Active = 0,
    Expired = 1,
    Revoked = 2,
}
