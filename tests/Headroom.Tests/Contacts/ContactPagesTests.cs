using System.Net;
using Headroom.Tests.Web;
using Microsoft.EntityFrameworkCore;

namespace Headroom.Tests.Contacts;

[Trait("Category", "Integration")]
public class ContactPagesTests
{
    [Fact]
    public async Task ContactList_ShowsTheScopeOnly_InChinese()
    {
        await using var world = await ApiWorld.CreateAsync();
        await world.AddContactsAndFeedbackAsync();
        using var client = world.Host.CreateClient("zh-CN");
        await WebTestHost.SignInAsync(client, "managerA@example.com");
        var html = await client.GetStringAsync(new Uri("/contacts?sort=-name", UriKind.Relative));
        Assert.Contains("contact of repA1", html, StringComparison.Ordinal);
        Assert.DoesNotContain("contact of repB", html, StringComparison.Ordinal);
        Assert.Contains("共 4 位联系人", html, StringComparison.Ordinal);

        var empty = await client.GetStringAsync(new Uri("/contacts?q=nobody", UriKind.Relative));
        Assert.Contains("没有符合条件的联系人。", empty, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnotherRepsContact_ByUrl_IsNotFound()
    {
        await using var world = await ApiWorld.CreateAsync();
        await world.AddContactsAndFeedbackAsync();
        using var client = world.Host.CreateClient();
        await WebTestHost.SignInAsync(client, "repA2@example.com");
        foreach (var path in new[]
        {
            $"/contacts/{world.ContactIds[ApiWorld.RepA1]}", $"/contacts/{world.ContactIds[ApiWorld.RepA1]}/edit", $"/contacts/{world.ContactIds[ApiWorld.Foreign]}",
            $"/feedback/{world.CsatIds[ApiWorld.RepA1]}/edit", $"/feedback/{world.NpsIds[ApiWorld.Foreign]}/edit",
        })
        {
            var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain("contact of", html, StringComparison.Ordinal);
            Assert.DoesNotContain("from repA1", html, StringComparison.Ordinal);
        }
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri($"/contacts/{world.ContactIds[ApiWorld.RepA2]}", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task AddingAContact_ShowsErrorsBesideTheFields_ThenSaves_AndTheAccountPageListsIt()
    {
        await using var world = await ApiWorld.CreateAsync();
        using var client = world.Host.CreateClient();
        await WebTestHost.SignInAsync(client, "repA1@example.com");
        var account = world.AccountIds[ApiWorld.RepA1].ToString(System.Globalization.CultureInfo.InvariantCulture);
        var fields = new Dictionary<string, string>
        {
            ["_handler"] = "contact", ["Form.Name"] = "", ["Form.Email"] = "li.lei", ["Form.AccountId"] = account, ["Form.Version"] = "0",
        };
        var html = await (await WebTestHost.PostFormAsync(client, "/contacts/new", "/contacts/new", fields)).Content.ReadAsStringAsync();
        Assert.Contains("Required.", html, StringComparison.Ordinal);
        Assert.Contains("Enter one email address such as name@example.com.", html, StringComparison.Ordinal);

        // Another rep's account, posted by hand, is refused beside the field.
        fields["Form.Name"] = "Li Lei";
        fields["Form.Email"] = "li.lei@customer.example";
        fields["Form.AccountId"] = world.AccountIds[ApiWorld.RepA2].ToString(System.Globalization.CultureInfo.InvariantCulture);
        var foreign = await (await WebTestHost.PostFormAsync(client, "/contacts/new", "/contacts/new", fields)).Content.ReadAsStringAsync();
        Assert.Contains("No such account in your scope.", foreign, StringComparison.Ordinal);

        fields["Form.AccountId"] = account;
        var saved = await WebTestHost.PostFormAsync(client, "/contacts/new", "/contacts/new", fields);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await using var db = world.Host.Database.CreateContext(world.Host.OrgId);
        Assert.Equal(world.AccountIds[ApiWorld.RepA1], await db.Contacts.Where(c => c.Name == "Li Lei").Select(c => c.AccountId).SingleAsync());
        var accountPage = await client.GetStringAsync(new Uri($"/accounts/{account}", UriKind.Relative));
        Assert.Contains("li.lei@customer.example", accountPage, StringComparison.Ordinal);
    }
}
