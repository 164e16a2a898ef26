using Headroom.Data;

namespace Headroom.Web.Auth;

public static class TenantFromUser
{
    // After authentication, every request of a signed-in user acts for the user's organization:
    // the tenant query filter then holds for every DbContext query the request makes.
    public static IApplicationBuilder UseTenantFromUser(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (http.User.FindOrgId() is { } orgId)
        {
            http.RequestServices.GetRequiredService<TenantContext>().Enter(orgId);
        }
        await next(http);
    });
}
