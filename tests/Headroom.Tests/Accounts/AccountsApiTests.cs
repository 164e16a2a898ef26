using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Headroom.Accounts;
using Headroom.Tests.Web;
using Headroom.Web.Accounts;
using Headroom.Web.Api;
using Microsoft.EntityFrameworkCore;

namespace Headroom.Tests.Accounts;

[Trait("Category", "Integration")]
public class AccountsApiTests
{
    [Fact]
    public async Task Rep_CannotGiveAnAccountAway_OrCreateOneForSomeoneElse()
    {
        await using var world = await ApiWorld.CreateAsync();
        var rep = world.Client(ApiWorld.RepA1);
        var id = world.AccountIds[ApiWorld.RepA1];
        var version = await world.VersionAsync<Account>(world.Host.OrgId, id);

        await AssertFieldErrorAsync(await rep.PutAsJsonAsync($"/api/v1/accounts/{id}",
            new AccountRequest("renamed", null, null, null, null, null, world.MemberIds[ApiWorld.RepA2], version), ApiWorld.Json), "ownerId");
        await AssertFieldErrorAsync(await rep.PostAsJsonAsync("/api/v1/accounts",
            new AccountRequest("for the pool", null, null, null, null, null, world.MemberIds[ApiWorld.Admin]), ApiWorld.Json), "ownerId");

        var created = await rep.PostAsJsonAsync("/api/v1/accounts", new AccountRequest("mine", AccountTier.A, null, null, null, null, null), ApiWorld.Json);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(world.MemberIds[ApiWorld.RepA1], (await created.Content.ReadFromJsonAsync<AccountResponse>(ApiWorld.Json))!.OwnerId);
        await using var db = world.Host.Database.CreateContext(world.Host.OrgId);
        Assert.Equal("account of repA1", await db.Accounts.Where(a => a.Id == id).Select(a => a.Name).SingleAsync());
    }

    [Fact]
    public async Task Admin_AssignsAPoolAccount_ToAnyoneInTheOrganization_ButNotToAStranger()
    {
        await using var world = await ApiWorld.CreateAsync();
        var admin = world.Client(ApiWorld.Admin);
        var id = world.AccountIds[ApiWorld.Pool];
        var version = await world.VersionAsync<Account>(world.Host.OrgId, id);
        await AssertFieldErrorAsync(await admin.PutAsJsonAsync($"/api/v1/accounts/{id}",
            new AccountRequest("pool", null, null, null, null, null, world.MemberIds[ApiWorld.OtherAdmin], version), ApiWorld.Json), "ownerId");
        var assigned = await admin.PutAsJsonAsync($"/api/v1/accounts/{id}",
            new AccountRequest("pool", null, null, null, null, null, world.MemberIds[ApiWorld.RepB], version), ApiWorld.Json);
        Assert.Equal(HttpStatusCode.OK, assigned.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await world.Client(ApiWorld.RepB).GetAsync(new Uri($"/api/v1/accounts/{id}", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task StaleVersion_Is409_AndValidationNamesTheField()
    {
        await using var world = await ApiWorld.CreateAsync();
        var admin = world.Client(ApiWorld.Admin);
        var id = world.AccountIds[ApiWorld.RepB];
        var version = await world.VersionAsync<Account>(world.Host.OrgId, id);
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/v1/accounts/{id}", new AccountRequest("one", null, null, null, null, null, null, version), ApiWorld.Json)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PutAsJsonAsync($"/api/v1/accounts/{id}", new AccountRequest("two", null, null, null, null, null, null, version), ApiWorld.Json)).StatusCode);

        await AssertFieldErrorAsync(await admin.PostAsJsonAsync("/api/v1/accounts", new AccountRequest(" ", null, null, new string('i', 101), null, null, null), ApiWorld.Json), "name", "industry");
        await AssertFieldErrorAsync(await admin.PutAsJsonAsync($"/api/v1/accounts/{id}", new AccountRequest("x", null, null, null, null, null, null), ApiWorld.Json), "version");
    }

    [Fact]
    public async Task AccountWithDeals_CannotBeDeleted()
    {
        await using var world = await ApiWorld.CreateAsync();
        var response = await world.Client(ApiWorld.Admin).DeleteAsync(new Uri($"/api/v1/accounts/{world.AccountIds[ApiWorld.RepA1]}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    [Fact]
    public async Task List_FiltersSortsAndPages()
    {
        await using var world = await ApiWorld.CreateAsync();
        var admin = world.Client(ApiWorld.Admin);
        var sorted = await admin.GetFromJsonAsync<PagedList<AccountResponse>>("/api/v1/accounts?sort=-name&pageSize=3&page=2", ApiWorld.Json);
        var all = await admin.GetFromJsonAsync<PagedList<AccountResponse>>("/api/v1/accounts?sort=-name&pageSize=200", ApiWorld.Json);
        Assert.Equal(all!.Items.Skip(3).Take(3).Select(a => a.Id), sorted!.Items.Select(a => a.Id));
        Assert.Equal(all.Total, sorted.Total);
        var filtered = await admin.GetFromJsonAsync<PagedList<AccountResponse>>($"/api/v1/accounts?name=repA&ownerId={world.MemberIds[ApiWorld.RepA2]}", ApiWorld.Json);
        Assert.Equal([world.AccountIds[ApiWorld.RepA2]], filtered!.Items.Select(a => a.Id));
    }

    private static async Task AssertFieldErrorAsync(HttpResponseMessage response, params string[] fields)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{response.StatusCode}: {body}");
        var errors = JsonDocument.Parse(body).RootElement.GetProperty("errors");
        Assert.All(fields, field => Assert.True(errors.TryGetProperty(field, out _), body));
    }
}
