using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Headroom.Accounts;
using Headroom.Tests.Web;
using Headroom.Web.Api;
using Headroom.Web.Contacts;
using Microsoft.EntityFrameworkCore;

namespace Headroom.Tests.Contacts;

[Trait("Category", "Integration")]
public class ContactsApiTests
{
    [Fact]
    public async Task Validation_NamesEachField_AndWritesNothing()
    {
        await using var world = await ApiWorld.CreateAsync();
        var rep = world.Client(ApiWorld.RepA1);
        var account = world.AccountIds[ApiWorld.RepA1];
        await AssertFieldErrorAsync(await rep.PostAsJsonAsync("/api/v1/contacts",
            new ContactRequest(" ", new string('t', 201), "not an email", new string('1', 51), null), ApiWorld.Json), "name", "title", "email", "phone", "accountId");
        foreach (var email in new[] { "li@localhost", "Li Lei <li@example.cn>", "a@b.cn, c@d.cn", "li @example.cn" })
        {
            await AssertFieldErrorAsync(await rep.PostAsJsonAsync("/api/v1/contacts", new ContactRequest("Li Lei", null, email, null, account), ApiWorld.Json), "email");
        }
        await using var db = world.Host.Database.CreateContext(world.Host.OrgId);
        Assert.False(await db.Contacts.AnyAsync());
    }

    [Fact]
    public async Task AForeignOrOutOfScopeAccount_InTheBody_IsAFieldError_AndNothingIsWritten()
    {
        await using var world = await ApiWorld.CreateAsync();
        await world.AddContactsAndFeedbackAsync();
        var rep = world.Client(ApiWorld.RepA1);
        foreach (var other in new[] { ApiWorld.RepA2, ApiWorld.Pool, ApiWorld.Foreign })
        {
            await AssertFieldErrorAsync(await rep.PostAsJsonAsync("/api/v1/contacts",
                new ContactRequest("smuggled", null, null, null, world.AccountIds[other]), ApiWorld.Json), "accountId");
        }
        // Moving one's own contact onto an account outside the scope is refused the same way.
        var id = world.ContactIds[ApiWorld.RepA1];
        var version = await world.VersionAsync<Contact>(world.Host.OrgId, id);
        await AssertFieldErrorAsync(await rep.PutAsJsonAsync($"/api/v1/contacts/{id}",
            new ContactRequest("moved", null, null, null, world.AccountIds[ApiWorld.Foreign], version), ApiWorld.Json), "accountId");

        await using var db = world.Host.Database.CreateContext(world.Host.OrgId);
        Assert.False(await db.Contacts.AnyAsync(c => c.Name == "smuggled" || c.Name == "moved"));
        Assert.Equal(world.AccountIds[ApiWorld.RepA1], await db.Contacts.Where(c => c.Id == id).Select(c => c.AccountId).SingleAsync());
        await using var foreign = world.Host.Database.CreateContext(world.OtherOrgId);
        Assert.False(await foreign.Contacts.AnyAsync(c => c.Name == "smuggled"));
    }

    [Fact]
    public async Task Update_NeedsTheVersionRead_AndAStaleOneIs409()
    {
        await using var world = await ApiWorld.CreateAsync();
        await world.AddContactsAndFeedbackAsync();
        var rep = world.Client(ApiWorld.RepA1);
        var id = world.ContactIds[ApiWorld.RepA1];
        var account = world.AccountIds[ApiWorld.RepA1];
        var version = await world.VersionAsync<Contact>(world.Host.OrgId, id);
        await AssertFieldErrorAsync(await rep.PutAsJsonAsync($"/api/v1/contacts/{id}", new ContactRequest("x", null, null, null, account), ApiWorld.Json), "version");
        var first = await rep.PutAsJsonAsync($"/api/v1/contacts/{id}", new ContactRequest("Wang Fang", "CFO", "wang.fang@customer.example", "+86 21 5555 0101", account, version), ApiWorld.Json);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var saved = (await first.Content.ReadFromJsonAsync<ContactResponse>(ApiWorld.Json))!;
        Assert.Equal(("Wang Fang", "CFO", "account of repA1", version + 1), (saved.Name, saved.Title, saved.AccountName, saved.Version));
        var stale = await rep.PutAsJsonAsync($"/api/v1/contacts/{id}", new ContactRequest("Li Lei", null, null, null, account, version), ApiWorld.Json);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("application/problem+json", stale.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task List_FiltersByAccountAndText_SortsAndPages()
    {
        await using var world = await ApiWorld.CreateAsync();
        await world.AddContactsAndFeedbackAsync();
        var account = world.AccountIds[ApiWorld.RepA1];
        // Lower case only, so that SQLite's binary order and PostgreSQL's collation agree.
        await world.AddContactAsync(world.Host.OrgId, ApiWorld.RepA1, "zhang wei");
        await world.AddContactAsync(world.Host.OrgId, ApiWorld.RepA1, "anna smith");
        var admin = world.Client(ApiWorld.Admin);

        var ofAccount = await admin.GetFromJsonAsync<PagedList<ContactResponse>>($"/api/v1/contacts?accountId={account}&sort=-name", ApiWorld.Json);
        Assert.Equal(["zhang wei", "contact of repA1", "anna smith"], ofAccount!.Items.Select(c => c.Name));

        // Case-insensitive search over name and email.
        var byText = await admin.GetFromJsonAsync<PagedList<ContactResponse>>("/api/v1/contacts?q=ZHANG", ApiWorld.Json);
        Assert.Equal(["zhang wei"], byText!.Items.Select(c => c.Name));
        var byEmail = await admin.GetFromJsonAsync<PagedList<ContactResponse>>("/api/v1/contacts?q=repB@CUSTOMER", ApiWorld.Json);
        Assert.Equal([world.ContactIds[ApiWorld.RepB]], byEmail!.Items.Select(c => c.Id));

        var all = await admin.GetFromJsonAsync<PagedList<ContactResponse>>("/api/v1/contacts?sort=account&pageSize=200", ApiWorld.Json);
        var page = await admin.GetFromJsonAsync<PagedList<ContactResponse>>("/api/v1/contacts?sort=account&pageSize=3&page=2", ApiWorld.Json);
        Assert.Equal(all!.Items.Skip(3).Take(3).Select(c => c.Id), page!.Items.Select(c => c.Id));
        Assert.Equal((all.Total, 2, 3), (page.Total, page.Page, page.PageSize));
        Assert.Equal(all.Items.Select(c => c.AccountName).Order(StringComparer.Ordinal), all.Items.Select(c => c.AccountName), StringComparer.Ordinal);
    }

    [Fact]
    public async Task AnAccountWithContacts_CannotBeDeleted_UntilTheyAreGone()
    {
        await using var world = await ApiWorld.CreateAsync();
        var manager = world.Client(ApiWorld.ManagerA);
        var (account, _) = await world.AddAccountWithDealAsync(world.Host.OrgId, "empty", world.MemberIds[ApiWorld.RepA1], 0, withDeal: false);
        var created = await manager.PostAsJsonAsync("/api/v1/contacts", new ContactRequest("Li Lei", null, "li.lei@example.cn", null, account), ApiWorld.Json);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var contact = (await created.Content.ReadFromJsonAsync<ContactResponse>(ApiWorld.Json))!;
        Assert.Equal($"/api/v1/contacts/{contact.Id}", created.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Conflict, (await manager.DeleteAsync(new Uri($"/api/v1/accounts/{account}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await manager.DeleteAsync(new Uri($"/api/v1/contacts/{contact.Id}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await manager.DeleteAsync(new Uri($"/api/v1/accounts/{account}", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task WritesWithoutTheAntiforgeryHeader_AreRefused()
    {
        await using var world = await ApiWorld.CreateAsync();
        using var client = world.Host.CreateClient();
        await WebTestHost.SignInAsync(client, "repA1@example.com");
        var response = await client.PostAsJsonAsync("/api/v1/contacts", new ContactRequest("Li Lei", null, null, null, world.AccountIds[ApiWorld.RepA1]), ApiWorld.Json);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await using var db = world.Host.Database.CreateContext(world.Host.OrgId);
        Assert.False(await db.Contacts.AnyAsync());
    }

    internal static async Task AssertFieldErrorAsync(HttpResponseMessage response, params string[] fields)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{response.StatusCode}: {body}");
        var errors = JsonDocument.Parse(body).RootElement.GetProperty("errors");
        Assert.All(fields, field => Assert.True(errors.TryGetProperty(field, out _), body));
    }
}
