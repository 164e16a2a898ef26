using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;

namespace Headroom.Tests.Auth;

[Trait("Category", "Integration")]
public partial class ProfilePageTests
{
    [Fact]
    public async Task CreateToken_InChinese_ShowsTheSecretOnce_AndRevokeNeedsConfirmation()
    {
        await using var host = await WebTestHost.CreateAsync();
        await host.AddUserAsync("mei@example.com");
        using var client = host.CreateClient("zh-CN");
        await WebTestHost.SignInAsync(client, "mei@example.com");

        var page = await client.GetStringAsync(new Uri("/profile", UriKind.Relative));
        Assert.Contains("访问令牌", page, StringComparison.Ordinal);
        Assert.Contains("您还没有访问令牌。", page, StringComparison.Ordinal);

        var created = await WebTestHost.PostFormAsync(client, "/profile", "/profile", new Dictionary<string, string>
        {
            ["_handler"] = "token", ["NewToken.Name"] = "每晚导出", ["NewToken.ExpiresInDays"] = "365",
        });
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.True(created.Headers.CacheControl?.NoStore);
        var html = await created.Content.ReadAsStringAsync();
        Assert.Contains("令牌只显示这一次", html, StringComparison.Ordinal);
        var secret = SecretPattern().Match(html).Value;
        Assert.StartsWith("hr_pat_", secret, StringComparison.Ordinal);

        await using (var db = host.Database.CreateContext(host.OrgId))
        {
            var row = await db.PersonalAccessTokens.SingleAsync();
            Assert.Equal("每晚导出", row.Name);
            Assert.Equal(host.Clock.GetUtcNow().UtcDateTime.AddDays(365), row.ExpiresUtc);
        }
        var again = await client.GetStringAsync(new Uri("/profile", UriKind.Relative));
        Assert.DoesNotContain(secret, again, StringComparison.Ordinal);
        Assert.Contains("每晚导出", again, StringComparison.Ordinal);

        // Without the antiforgery token the form post is refused and nothing is revoked.
        long id;
        await using (var db = host.Database.CreateContext(host.OrgId))
        {
            id = await db.PersonalAccessTokens.Select(t => t.Id).SingleAsync();
        }
        using var forged = new FormUrlEncodedContent(new Dictionary<string, string> { ["_handler"] = "revoke-token", ["RevokeId"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync(new Uri($"/profile?revoke={id}", UriKind.Relative), forged)).StatusCode);

        var confirm = await client.GetStringAsync(new Uri($"/profile?revoke={id}", UriKind.Relative));
        Assert.Contains("要撤销令牌“每晚导出”吗？", confirm, StringComparison.Ordinal);
        var revoked = await WebTestHost.PostFormAsync(client, "/profile", $"/profile?revoke={id}", new Dictionary<string, string>
        {
            ["_handler"] = "revoke-token", ["RevokeId"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        await using (var db = host.Database.CreateContext(host.OrgId))
        {
            Assert.NotNull(await db.PersonalAccessTokens.Select(t => t.RevokedUtc).SingleAsync());
        }
    }

    [GeneratedRegex("hr_pat_[0-9]+_[A-Za-z0-9_-]{43}")]
    private static partial Regex SecretPattern();
}
