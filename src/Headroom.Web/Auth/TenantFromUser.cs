using System.Security.Claims;
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
            var tenant = http.RequestServices.GetRequiredService<TenantContext>();
            tenant.Enter(orgId);
            // Changes of owner made by editing a record are logged under the signed-in member.
            if (http.User.FindFirstValue(HeadroomClaims.MemberId) is not null)
            {
                tenant.ActAs(http.User.GetMemberId(), http.User.FindFirstValue(HeadroomClaims.DisplayName) ?? TenantContext.SystemActor);
            }
        }
        await next(http);
    });
}
