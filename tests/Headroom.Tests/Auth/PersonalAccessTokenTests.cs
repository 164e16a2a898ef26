using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using Headroom.Organizations;
using Headroom.Tests.Web;
using Headroom.Web.Auth;
using Headroom.Web.Deals;
using Microsoft.EntityFrameworkCore;

namespace Headroom.Tests.Auth;

[Trait("Category", "Integration")]
public class PersonalAccessTokenTests
{
    [Fact]
    public async Task Token_SeesExactlyWhatItsOwnerSees()
    {
        await using var world = await ApiWorld.CreateAsync();
        foreach (var principal in new[] { ApiWorld.RepA1, ApiWorld.ManagerA, ApiWorld.Admin, ApiWorld.OtherAdmin })
        {
            var secret = await AddTokenAsync(world, principal);
            using var script = BearerClient(world, secret);

            var byToken = await script.GetFromJsonAsync<DealList>("/api/v1/deals?pageSize=100", ApiWorld.Json);
            var byCookie = await world.Client(principal).GetFromJsonAsync<DealList>("/api/v1/deals?pageSize=100", ApiWorld.Json);
            Assert.Equal(byCookie!.Items.Select(d => d.Id).Order(), byToken!.Items.Select(d => d.Id).Order());
            var expected = ((string[])[.. ApiWorld.Owners, ApiWorld.Foreign]).Where(o => AccessRules.CanSee(principal, o)).Select(o => world.DealIds[o]).Order();
            Assert.Equal(expected, byToken.Items.Select(d => d.Id).Order());
        }
        using var other = BearerClient(world, await AddTokenAsync(world, ApiWorld.OtherAdmin));
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(new Uri($"/api/v1/deals/{world.DealIds[ApiWorld.Admin]}", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task RevokedExpiredUnknownMalformedOrDisabledOwnersTokens_Answer401()
    {
        await using var world = await ApiWorld.CreateAsync();
        var now = world.Host.Clock.GetUtcNow().UtcDateTime;
        string[] refused =
        [
            await AddTokenAsync(world, ApiWorld.RepA1, revokedUtc: now.AddMinutes(-1)),
            await AddTokenAsync(world, ApiWorld.RepA1, expiresUtc: now.AddSeconds(-1)),
            await AddTokenAsync(world, ApiWorld.Disabled),
            PersonalAccessTokens.Create(world.Host.OrgId, 1, "never stored", null).Secret,
            "hr_pat_x_" + new string('A', 43),
            "hr_pat_short",
            "not-a-token",
        ];
        foreach (var secret in refused)
        {
            using var script = BearerClient(world, secret);
            var response = await script.GetAsync(new Uri("/api/v1/deals", UriKind.Relative));
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("Bearer", response.Headers.WwwAuthenticate.ToString());
        }
        using var valid = BearerClient(world, await AddTokenAsync(world, ApiWorld.RepA1, expiresUtc: now.AddDays(1)));
        Assert.Equal(HttpStatusCode.OK, (await valid.GetAsync(new Uri("/api/v1/deals", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task RoleChangeAndDisabling_ApplyAtTheNextRequest()
    {
        await using var world = await ApiWorld.CreateAsync();
        using var script = BearerClient(world, await AddTokenAsync(world, ApiWorld.RepA1));
        Assert.Equal(1, (await script.GetFromJsonAsync<DealList>("/api/v1/deals", ApiWorld.Json))!.Total);
        Assert.Equal(HttpStatusCode.NotFound, (await script.GetAsync(new Uri($"/api/v1/deals/{world.DealIds[ApiWorld.RepA2]}", UriKind.Relative))).StatusCode);

        await using (var db = world.Host.Database.CreateContext(world.Host.OrgId))
        {
            (await db.Members.SingleAsync(m => m.Id == world.MemberIds[ApiWorld.RepA1])).Role = MemberRole.Admin;
            await db.SaveChangesAsync();
        }
        Assert.Equal(ApiWorld.Owners.Length, (await script.GetFromJsonAsync<DealList>("/api/v1/deals", ApiWorld.Json))!.Total);

        await using (var db = world.Host.Database.CreateContext(world.Host.OrgId))
        {
            (await db.Users.SingleAsync(u => u.MemberId == world.MemberIds[ApiWorld.RepA1])).Disabled = true;
            await db.SaveChangesAsync();
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await script.GetAsync(new Uri("/api/v1/deals", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Created_ShowsTheSecretOnce_StoresOnlyItsHash_AndNotesUseAtMostOnceAMinute()
    {
        await using var world = await ApiWorld.CreateAsync();
        var created = await world.Client(ApiWorld.RepA1).PostAsJsonAsync("/api/v1/tokens", new CreateAccessTokenRequest("nightly export", 30), ApiWorld.Json);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.True(created.Headers.CacheControl?.NoStore);
        var body = (await created.Content.ReadFromJsonAsync<CreatedAccessTokenResponse>(ApiWorld.Json))!;
        Assert.StartsWith("hr_pat_", body.Secret, StringComparison.Ordinal);
        Assert.Equal(43, body.Secret.Length - body.Secret.IndexOf('_', 7) - 1);

        await using (var db = world.Host.Database.CreateContext(world.Host.OrgId))
        {
            var row = await db.PersonalAccessTokens.SingleAsync(t => t.Id == body.Token.Id);
            Assert.Equal(SHA256.HashData(Encoding.UTF8.GetBytes(body.Secret)), row.SecretHash);
            Assert.Equal(Prefix(body.Secret), row.Prefix);
            Assert.StartsWith($"hr_pat_{world.Host.OrgId}_", body.Secret, StringComparison.Ordinal);
            Assert.DoesNotContain(body.Secret, string.Join("|", row.Name, row.Prefix, Convert.ToBase64String(row.SecretHash)), StringComparison.Ordinal);
            Assert.Null(row.LastUsedUtc);
        }
        var listed = await world.Client(ApiWorld.RepA1).GetStringAsync(new Uri("/api/v1/tokens", UriKind.Relative));
        Assert.Contains("nightly export", listed, StringComparison.Ordinal);
        Assert.DoesNotContain(body.Secret, listed, StringComparison.Ordinal);

        using var script = BearerClient(world, body.Secret);
        Assert.Equal(HttpStatusCode.OK, (await script.GetAsync(new Uri("/api/v1/deals", UriKind.Relative))).StatusCode);
        var firstUse = await LastUsedAsync(world, body.Token.Id);
        Assert.Equal(world.Host.Clock.GetUtcNow().UtcDateTime, firstUse);
        world.Host.Clock.Advance(TimeSpan.FromSeconds(30));
        await script.GetAsync(new Uri("/api/v1/deals", UriKind.Relative));
        Assert.Equal(firstUse, await LastUsedAsync(world, body.Token.Id));
        world.Host.Clock.Advance(TimeSpan.FromSeconds(31));
        await script.GetAsync(new Uri("/api/v1/deals", UriKind.Relative));
        Assert.Equal(world.Host.Clock.GetUtcNow().UtcDateTime, await LastUsedAsync(world, body.Token.Id));
    }

    [Fact]
    public async Task BearerRequest_NeedsNoAntiforgeryHeader_ButACookieRequestStillDoes()
    {
        await using var world = await ApiWorld.CreateAsync();
        var deal = new DealRequest("scripted deal", world.AccountIds[ApiWorld.RepA1], 1_00, null, null, null);
        using var script = BearerClient(world, await AddTokenAsync(world, ApiWorld.RepA1));
        Assert.Equal(HttpStatusCode.Created, (await script.PostAsJsonAsync("/api/v1/deals", deal, ApiWorld.Json)).StatusCode);

        using var browser = world.Host.CreateClient();
        await WebTestHost.SignInAsync(browser, $"{ApiWorld.RepA1}@example.com");
        Assert.Equal(HttpStatusCode.BadRequest, (await browser.PostAsJsonAsync("/api/v1/deals", deal, ApiWorld.Json)).StatusCode);

        await using var db = world.Host.Database.CreateContext(world.Host.OrgId);
        Assert.Equal(1, await db.Deals.CountAsync(d => d.Name == "scripted deal"));
    }

    [Fact]
    public async Task Token_CannotCreateTokens_NorOpenPages_ButMayRevokeItsOwnersTokens()
    {
        await using var world = await ApiWorld.CreateAsync();
        var secret = await AddTokenAsync(world, ApiWorld.Admin);
        using var script = BearerClient(world, secret);

        var mint = await script.PostAsJsonAsync("/api/v1/tokens", new CreateAccessTokenRequest("wider", null), ApiWorld.Json);
        Assert.Equal(HttpStatusCode.Forbidden, mint.StatusCode);
        await using (var db = world.Host.Database.CreateContext(world.Host.OrgId))
        {
            Assert.Equal(1, await db.PersonalAccessTokens.CountAsync());
        }
        // Pages take the cookie only.
        var page = await script.GetAsync(new Uri("/profile", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);

        var othersToken = await AddTokenAsync(world, ApiWorld.RepA1);
        long othersId, ownId;
        await using (var db = world.Host.Database.CreateContext(world.Host.OrgId))
        {
            var (othersPrefix, ownPrefix) = (Prefix(othersToken), Prefix(secret));
            othersId = await db.PersonalAccessTokens.Where(t => t.Prefix == othersPrefix).Select(t => t.Id).SingleAsync();
            ownId = await db.PersonalAccessTokens.Where(t => t.Prefix == ownPrefix).Select(t => t.Id).SingleAsync();
        }
        Assert.Equal(HttpStatusCode.NotFound, (await script.DeleteAsync(new Uri($"/api/v1/tokens/{othersId}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await world.Client(ApiWorld.Admin).DeleteAsync(new Uri($"/api/v1/tokens/{ownId}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await script.GetAsync(new Uri("/api/v1/deals", UriKind.Relative))).StatusCode);
        using var stillValid = BearerClient(world, othersToken);
        Assert.Equal(HttpStatusCode.OK, (await stillValid.GetAsync(new Uri("/api/v1/deals", UriKind.Relative))).StatusCode);
    }

    private static HttpClient BearerClient(ApiWorld world, string secret)
    {
        var client = world.Host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return client;
    }

    private static async Task<string> AddTokenAsync(ApiWorld world, string principal, DateTime? expiresUtc = null, DateTime? revokedUtc = null)
    {
        var orgId = principal == ApiWorld.OtherAdmin ? world.OtherOrgId : world.Host.OrgId;
        await using var db = world.Host.Database.CreateContext(orgId);
        var userId = await db.Users.Where(u => u.MemberId == world.MemberIds[principal]).Select(u => u.Id).SingleAsync();
        var (row, secret) = PersonalAccessTokens.Create(orgId, userId, $"token of {principal}", expiresUtc);
        row.RevokedUtc = revokedUtc;
        db.PersonalAccessTokens.Add(row);
        await db.SaveChangesAsync();
        return secret;
    }

    private static string Prefix(string secret) => secret[..(secret.IndexOf('_', 7) + 5)];

    private static async Task<DateTime?> LastUsedAsync(ApiWorld world, long id)
    {
        await using var db = world.Host.Database.CreateContext(world.Host.OrgId);
        return await db.PersonalAccessTokens.Where(t => t.Id == id).Select(t => t.LastUsedUtc).SingleAsync();
    }
}
