using System.Net;
using Headroom.Deals;
using Headroom.Tests.Web;
using Microsoft.EntityFrameworkCore;

namespace Headroom.Tests.Deals;

[Trait("Category", "Integration")]
public class DealPagesTests
{
    [Fact]
    public async Task DealList_ShowsTheScopeOnly_WithMoneyInTheCulture()
    {
        await using var world = await ApiWorld.CreateAsync();
        using var client = world.Host.CreateClient("zh-CN");
        await WebTestHost.SignInAsync(client, "managerA@example.com");
        var html = await client.GetStringAsync(new Uri("/deals?sort=-amount", UriKind.Relative));
        Assert.Contains("deal of repA1", html, StringComparison.Ordinal);
        Assert.DoesNotContain("deal of repB", html, StringComparison.Ordinal);
        // managerA 200.00, repA1 400.00, repA2 500.00, disabled 700.00 (ApiWorld's amounts).
        Assert.Contains("¥400.00", html, StringComparison.Ordinal);
        Assert.Contains("合计 ¥1,800.00", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnotherRepsDeal_ByUrl_IsNotFound()
    {
        await using var world = await ApiWorld.CreateAsync();
        using var client = world.Host.CreateClient();
        await WebTestHost.SignInAsync(client, "repA2@example.com");
        foreach (var path in new[] { $"/deals/{world.DealIds[ApiWorld.RepA1]}", $"/deals/{world.DealIds[ApiWorld.RepA1]}/edit", $"/accounts/{world.AccountIds[ApiWorld.RepA1]}", $"/deals/{world.DealIds[ApiWorld.Foreign]}" })
        {
            var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain("deal of", html, StringComparison.Ordinal);
        }
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri($"/deals/{world.DealIds[ApiWorld.RepA2]}", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task CreatingADeal_ShowsErrorsBesideTheFields_ThenSaves()
    {
        await using var world = await ApiWorld.CreateAsync();
        using var client = world.Host.CreateClient();
        await WebTestHost.SignInAsync(client, "repA1@example.com");
        var fields = new Dictionary<string, string>
        {
            ["_handler"] = "deal", ["Form.Name"] = "", ["Form.AccountId"] = "", ["Form.Amount"] = "12.345", ["Form.Version"] = "0",
        };
        var invalid = await WebTestHost.PostFormAsync(client, "/deals/new", "/deals/new", fields);
        var html = await invalid.Content.ReadAsStringAsync();
        Assert.Contains("Enter an amount such as 12345.67.", html, StringComparison.Ordinal);

        fields["Form.Amount"] = "12,345.67";
        var missing = await (await WebTestHost.PostFormAsync(client, "/deals/new", "/deals/new", fields)).Content.ReadAsStringAsync();
        Assert.Contains("Required.", missing, StringComparison.Ordinal);

        fields["Form.Name"] = "Pilot";
        fields["Form.AccountId"] = world.AccountIds[ApiWorld.RepA1].ToString(System.Globalization.CultureInfo.InvariantCulture);
        var saved = await WebTestHost.PostFormAsync(client, "/deals/new", "/deals/new", fields);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await using var db = world.Host.Database.CreateContext(world.Host.OrgId);
        var deal = await db.Deals.SingleAsync(d => d.Name == "Pilot");
        Assert.Equal((1234567L, world.MemberIds[ApiWorld.RepA1]), (deal.AmountMinor, deal.OwnerId));
    }

    [Fact]
    public async Task LosingADeal_OnItsPage_NeedsAReason()
    {
        await using var world = await ApiWorld.CreateAsync();
        using var client = world.Host.CreateClient();
        await WebTestHost.SignInAsync(client, "repA1@example.com");
        var dealId = world.DealIds[ApiWorld.RepA1];
        long lost;
        await using (var db = world.Host.Database.CreateContext(world.Host.OrgId))
        {
            lost = await db.PipelineStages.Where(s => s.ClosesAs == DealOutcome.Lost).Select(s => s.Id).SingleAsync();
        }
        var path = $"/deals/{dealId}";
        var fields = new Dictionary<string, string>
        {
            ["_handler"] = "stage", ["Form.StageId"] = lost.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Form.LostReason"] = "",
            ["Form.Version"] = (await world.VersionAsync<Deal>(world.Host.OrgId, dealId)).ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        var refused = await (await WebTestHost.PostFormAsync(client, path, path, fields)).Content.ReadAsStringAsync();
        Assert.Contains("<span class=\"field-error\">Required.</span>", refused, StringComparison.Ordinal);

        fields["Form.LostReason"] = "budget cut";
        Assert.Equal(HttpStatusCode.Redirect, (await WebTestHost.PostFormAsync(client, path, path, fields)).StatusCode);
        var html = await client.GetStringAsync(new Uri(path + "?saved=1", UriKind.Relative));
        Assert.Contains("budget cut", html, StringComparison.Ordinal);
        Assert.Contains("Deal saved.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AccountPages_ShowTheScope_TheAccountsDeals_AndAnEmptyState()
    {
        await using var world = await ApiWorld.CreateAsync();
        using var client = world.Host.CreateClient("zh-CN");
        await WebTestHost.SignInAsync(client, "managerB@example.com");
        var list = await client.GetStringAsync(new Uri("/accounts?sort=-name", UriKind.Relative));
        Assert.Contains("account of repB", list, StringComparison.Ordinal);
        Assert.DoesNotContain("account of repA1", list, StringComparison.Ordinal);
        Assert.Contains("没有符合条件的客户", await client.GetStringAsync(new Uri("/accounts?name=nothing-like-this", UriKind.Relative)), StringComparison.Ordinal);

        var detail = await client.GetStringAsync(new Uri($"/accounts/{world.AccountIds[ApiWorld.RepB]}", UriKind.Relative));
        Assert.Contains("deal of repB", detail, StringComparison.Ordinal);
        Assert.Contains("¥600.00", detail, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri($"/accounts/{world.AccountIds[ApiWorld.Pool]}/edit", UriKind.Relative))).StatusCode);
    }
}
