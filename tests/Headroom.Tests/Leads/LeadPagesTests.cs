using System.Globalization;
using System.Net;
using Headroom.Leads;
using Headroom.Tests.Web;
using Microsoft.EntityFrameworkCore;

namespace Headroom.Tests.Leads;

[Trait("Category", "Integration")]
public class LeadPagesTests
{
    [Fact]
    public async Task LeadList_ShowsTheScopeOnly_WithMoneyInTheCulture()
    {
        await using var world = await ApiWorld.CreateAsync();
        await world.AddLeadsAsync();
        using var client = world.Host.CreateClient("zh-CN");
        await WebTestHost.SignInAsync(client, "managerA@example.com");
        var html = await client.GetStringAsync(new Uri("/leads?sort=-value", UriKind.Relative));
        Assert.Contains("lead of repA1", html, StringComparison.Ordinal);
        Assert.DoesNotContain("lead of repB", html, StringComparison.Ordinal);
        // managerA 150.00, repA1 250.00, repA2 300.00, disabled 400.00 (ApiWorld's values).
        Assert.Contains("¥250.00", html, StringComparison.Ordinal);
        Assert.Contains("共 4 条线索，预估 ¥1,100.00", html, StringComparison.Ordinal);

        using var empty = world.Host.CreateClient("zh-CN");
        await WebTestHost.SignInAsync(empty, "repB@example.com");
        Assert.Contains("没有符合条件的线索。", await empty.GetStringAsync(new Uri("/leads?status=Qualified", UriKind.Relative)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreatingALead_ShowsErrorsBesideTheFields_ThenSaves_AndDisqualifies()
    {
        await using var world = await ApiWorld.CreateAsync();
        using var client = world.Host.CreateClient();
        await WebTestHost.SignInAsync(client, "repA1@example.com");
        var fields = new Dictionary<string, string>
        {
            ["_handler"] = "lead", ["Form.Name"] = "", ["Form.Company"] = "Initech", ["Form.EstimatedValue"] = "1,200.5", ["Form.Version"] = "0",
        };
        var invalid = await (await WebTestHost.PostFormAsync(client, "/leads/new", "/leads/new", fields)).Content.ReadAsStringAsync();
        Assert.Contains("<span class=\"field-error\">Required.</span>", invalid, StringComparison.Ordinal);

        fields["Form.Name"] = "Initech rollout";
        var saved = await WebTestHost.PostFormAsync(client, "/leads/new", "/leads/new", fields);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        long id;
        await using (var db = world.Host.Database.CreateContext(world.Host.OrgId))
        {
            var lead = await db.Leads.SingleAsync();
            Assert.Equal((120050L, world.MemberIds[ApiWorld.RepA1], "Initech"), (lead.EstimatedValueMinor, lead.OwnerId, lead.Company));
            id = lead.Id;
        }
        var page = await client.GetStringAsync(saved.Headers.Location!);
        Assert.Contains("Lead saved.", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"/activities/new?leadId={id}\"", page, StringComparison.Ordinal);

        var path = $"/leads/{id}";
        var disqualify = await WebTestHost.PostFormAsync(client, path, path, new Dictionary<string, string>
        {
            ["_handler"] = "lead-status", ["Form.Status"] = "Disqualified", ["Form.Version"] = (await world.VersionAsync<Lead>(world.Host.OrgId, id)).ToString(CultureInfo.InvariantCulture),
        });
        Assert.Equal(HttpStatusCode.Redirect, disqualify.StatusCode);
        await using var check = world.Host.Database.CreateContext(world.Host.OrgId);
        Assert.Equal(LeadStatus.Disqualified, (await check.Leads.SingleAsync()).Status);
    }

    [Fact]
    public async Task AnotherRepsLead_ByUrl_IsNotFound()
    {
        await using var world = await ApiWorld.CreateAsync();
        await world.AddLeadsAsync();
        using var client = world.Host.CreateClient();
        await WebTestHost.SignInAsync(client, "repA2@example.com");
        foreach (var owner in new[] { ApiWorld.RepA1, ApiWorld.Foreign })
        {
            foreach (var path in new[] { $"/leads/{world.LeadIds[owner]}", $"/leads/{world.LeadIds[owner]}/edit" })
            {
                var response = await client.GetAsync(new Uri(path, UriKind.Relative));
                Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
                Assert.DoesNotContain("lead of", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }
        }
    }
}
