using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Headroom.Tests.Web;

public class EndpointAuthorizationTests
{
    // Anything else that answers without signing in must be listed here, with its reason.
    private static readonly HashSet<string> Anonymous =
    [
        "/health",          // load balancers
        "/sign-in", "/account/sign-in",
        "/setup",           // first run only; 404 once an admin exists
        "/invite/{Token}",  // a new member sets their password from a one-time link (docs/decisions/0015)
        "/culture",         // the language switcher is on the sign-in page too
        "/not-found",
        "/scalar/scalar.js", "/scalar/scalar.aspnetcore.js", "/scalar/favicon.svg", // the API reference page's scripts (Scalar's public code); the page and the document need sign-in
    ];

    [Fact]
    public async Task EveryEndpoint_RequiresAuthorization_OrIsDeliberatelyAnonymous()
    {
        await using var host = await WebTestHost.CreateAsync();
        var endpoints = host.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        Assert.Contains(endpoints, e => e.RoutePattern.RawText == "/profile");

        var checkedCount = 0;
        foreach (var endpoint in endpoints)
        {
            var route = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
            var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            var authorized = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Count > 0
                || endpoint.Metadata.GetMetadata<AuthorizationPolicy>() is not null;
            // In Development, MapStaticAssets adds a catch-all for files outside its manifest; it
            // has no metadata of its own, so the fallback policy (signed-in users) guards it.
            if (endpoint.DisplayName == "Fallback {**path:file}")
            {
                continue;
            }
            if (IsStaticAsset(endpoint))
            {
                Assert.True(anonymous, $"Static file {route} should be explicitly anonymous.");
                continue;
            }
            Assert.True(anonymous || authorized, $"{endpoint.DisplayName} ({route}) has neither an authorization policy nor AllowAnonymous.");
            if (anonymous)
            {
                Assert.True(Anonymous.Contains(route), $"{route} allows anonymous access but is not on the reviewed list.");
            }
            checkedCount++;
        }
        Assert.True(checkedCount >= 6);
    }

    [Fact]
    public async Task EveryPage_WithoutExplicitAnonymity_RedirectsAnonymousUsersToSignIn()
    {
        await using var host = await WebTestHost.CreateAsync();
        using var client = host.CreateClient();
        foreach (var path in new[] { "/", "/profile", "/import" })
        {
            var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        }
    }

    private static bool IsStaticAsset(RouteEndpoint endpoint) =>
        endpoint.Metadata.Any(m => m.GetType().FullName?.Contains("StaticAsset", StringComparison.Ordinal) == true);
}
