using System.Net;
using System.Net.Http.Json;
using Headroom.Accounts;
using Headroom.Tests.Web;
using Headroom.Web.Api;
using Headroom.Web.Contacts;
using Microsoft.EntityFrameworkCore;

namespace Headroom.Tests.Contacts;

// Every contacts endpoint × every principal × a contact on every seeded account, against
// AccessRules: a contact is seen exactly when its account is (docs/decisions/0016).
[Trait("Category", "Integration")]
public class ContactsAccessMatrixTests
{
    private static readonly string[] Records = [.. ApiWorld.Owners, ApiWorld.Pool, ApiWorld.Foreign];

    [Fact]
    public async Task EveryEndpoint_EveryPrincipal_EveryContact_AnswersAsTheRuleTableSays()
    {
        await using var world = await ApiWorld.CreateAsync();
        await world.AddContactsAndFeedbackAsync();
        var mismatches = new List<string>();
        void Check(string what, string principal, string owner, int expected, int actual)
        {
            if (expected != actual)
            {
                mismatches.Add($"{what} by {principal} on the contact of {owner}'s account: expected {expected}, got {actual}");
            }
        }

        foreach (var principal in ApiWorld.Principals)
        {
            var client = world.Client(principal);
            foreach (var owner in Records)
            {
                var id = world.ContactIds[owner];
                var accountId = world.AccountIds[owner];
                var read = await client.GetAsync(new Uri($"/api/v1/contacts/{id}", UriKind.Relative));
                Check("GET", principal, owner, AccessRules.Expected(principal, owner, 200), (int)read.StatusCode);

                var version = await world.VersionAsync<Contact>(world.OrgOf(owner), id);
                var update = await client.PutAsJsonAsync($"/api/v1/contacts/{id}",
                    new ContactRequest($"contact of {owner}", "Buyer", null, null, accountId, version), ApiWorld.Json);
                Check("PUT", principal, owner, AccessRules.Expected(principal, owner, 200), (int)update.StatusCode);

                // Naming the account in a body: allowed exactly when the account is visible, else a
                // field error (never 404, the caller's own request is fine) and nothing written.
                var name = $"new contact of {owner} by {principal}";
                var create = await client.PostAsJsonAsync("/api/v1/contacts", new ContactRequest(name, null, null, null, accountId), ApiWorld.Json);
                Check("POST", principal, owner, !AccessRules.SignedIn(principal) ? 401 : AccessRules.CanSee(principal, owner) ? 201 : 400, (int)create.StatusCode);

                var fresh = await world.AddContactAsync(world.OrgOf(owner), owner, $"to delete by {principal}");
                var delete = await client.DeleteAsync(new Uri($"/api/v1/contacts/{fresh}", UriKind.Relative));
                Check("DELETE", principal, owner, AccessRules.Expected(principal, owner, AccessRules.CanDeleteContact(principal) ? 204 : 403), (int)delete.StatusCode);

                await using var db = world.Host.Database.CreateContext(world.OrgOf(owner));
                Assert.Equal(delete.StatusCode == HttpStatusCode.NoContent, !await db.Contacts.AnyAsync(c => c.Id == fresh));
                Assert.Equal(create.StatusCode == HttpStatusCode.Created, await db.Contacts.AnyAsync(c => c.Name == name));
                Assert.Equal(update.IsSuccessStatusCode, await db.Contacts.AnyAsync(c => c.Id == id && c.Title == "Buyer"));
                if (update.IsSuccessStatusCode)
                {
                    (await db.Contacts.SingleAsync(c => c.Id == id)).Title = null;
                    await db.SaveChangesAsync();
                }
            }
        }
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
    }

    [Fact]
    public async Task Lists_HoldExactlyTheContactsTheSingleReadAllows()
    {
        await using var world = await ApiWorld.CreateAsync();
        await world.AddContactsAndFeedbackAsync();
        foreach (var principal in ApiWorld.Principals.Where(AccessRules.SignedIn))
        {
            var client = world.Client(principal);
            var list = await client.GetFromJsonAsync<PagedList<ContactResponse>>("/api/v1/contacts?pageSize=200", ApiWorld.Json);
            var readable = new List<long>();
            foreach (var owner in Records)
            {
                if ((await client.GetAsync(new Uri($"/api/v1/contacts/{world.ContactIds[owner]}", UriKind.Relative))).IsSuccessStatusCode)
                {
                    readable.Add(world.ContactIds[owner]);
                }
            }
            var expected = Records.Where(o => AccessRules.CanSee(principal, o)).Select(o => world.ContactIds[o]).Order().ToList();
            Assert.Equal(expected, readable.Order().ToList());
            Assert.Equal(expected, list!.Items.Select(c => c.Id).Order().ToList());
            Assert.Equal(expected.Count, list.Total);
        }
        foreach (var principal in new[] { ApiWorld.Anonymous, ApiWorld.Disabled })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await world.Client(principal).GetAsync(new Uri("/api/v1/contacts", UriKind.Relative))).StatusCode);
        }
    }
}
