using Headroom.Data;
using Headroom.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Headroom.Web.Localization;

public static class CultureApi
{
    public static void MapCultureApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/culture", SetCulture).AllowAnonymous().WithMetadata(new SkipStatusCodePagesAttribute());
    }

    // Remembers the language in a cookie and, for a signed-in user, in their profile, so it
    // follows them to the next sign-in on any browser.
    public static async Task<Results<RedirectHttpResult, BadRequest>> SetCulture(
        [FromForm] string culture, [FromForm] string? returnUrl, HttpContext http, AppDbContext db, CancellationToken cancellationToken)
    {
        if (Cultures.Match(culture) is not { } chosen)
        {
            return TypedResults.BadRequest();
        }
        Cultures.Remember(http.Response, chosen);
        if (http.User.FindOrgId() is not null)
        {
            var member = await db.Members.FindAsync([http.User.GetMemberId()], cancellationToken);
            if (member is not null)
            {
                member.Locale = chosen;
                await db.SaveChangesAsync(cancellationToken);
            }
        }
        return TypedResults.LocalRedirect(LocalUrl.OrHome(returnUrl));
    }
}
