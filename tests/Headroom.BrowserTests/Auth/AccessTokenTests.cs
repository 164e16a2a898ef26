using System.Net;
using System.Net.Http.Headers;
using static Microsoft.Playwright.Assertions;

namespace Headroom.BrowserTests.Auth;

[Collection(nameof(ChromiumCollection))]
public class AccessTokenTests(Chromium chromium, SeededServer seeded) : IClassFixture<SeededServer>
{
    [Fact]
    public async Task CreateATokenOnTheProfilePage_UseItFromAScript_ThenRevokeIt()
    {
        await using var context = await chromium.NewContextAsync(seeded.Server, "en-US");
        var page = await context.NewPageAsync();
        await page.GotoAsync("/sign-in");
        await page.GetByLabel("Email").FillAsync("scripter@example.com");
        await page.GetByLabel("Password").FillAsync(SeededServer.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();

        await page.GotoAsync("/profile");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Access tokens" })).ToBeVisibleAsync();
        await page.GetByLabel("Token name").FillAsync("nightly export");
        await page.GetByLabel("Expires").SelectOptionAsync(new SelectOptionValue { Label = "In 90 days" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Create token" }).ClickAsync();
        await Expect(page.GetByText("Token created.")).ToBeVisibleAsync();
        var secret = await page.GetByLabel("Your new token").InputValueAsync();
        Assert.StartsWith("hr_pat_", secret, StringComparison.Ordinal);

        using var script = new HttpClient { BaseAddress = seeded.Server.Address };
        script.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        Assert.Equal(HttpStatusCode.OK, (await script.GetAsync(new Uri("/api/v1/deals", UriKind.Relative))).StatusCode);

        // Shown once: the next visit lists the token without its secret.
        await page.GotoAsync("/profile");
        await Expect(page.GetByLabel("Your new token")).ToHaveCountAsync(0);
        Assert.DoesNotContain(secret, await page.ContentAsync(), StringComparison.Ordinal);
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "nightly export" });
        await Expect(row.GetByRole(AriaRole.Cell, new() { Name = "Active", Exact = true })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Revoke nightly export" }).ClickAsync();
        await Expect(page.GetByText("Revoke the token “nightly export”?", new() { Exact = false })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Revoke token" }).ClickAsync();
        await Expect(page.GetByText("Token revoked.", new() { Exact = false })).ToBeVisibleAsync();
        await Expect(row.GetByRole(AriaRole.Cell, new() { Name = "Revoked", Exact = true })).ToBeVisibleAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, (await script.GetAsync(new Uri("/api/v1/deals", UriKind.Relative))).StatusCode);
    }
}
