using System.Net;
using System.Net.Http.Json;
using Headroom.Accounts;
using Headroom.Tests.Web;
using Headroom.Web.Assignment;
using Microsoft.EntityFrameworkCore;

namespace Headroom.Tests.Assignment;

[Trait("Category", "Integration")]
public class PoolPagesTests
{
    [Fact]
    public async Task Rep_SeesTheirTeamsPool_ClaimsFromIt_AndARefusalNamesTheRule()
    {
        await using var world = await ApiWorld.CreateAsync();
        long teamA;
        await using (var db = world.Host.Database.CreateContext(world.Host.OrgId))
        {
            var a = db.Accounts.Add(new Account { Name = "pool of team A", PoolTeamId = world.TeamIds[ApiWorld.TeamA] }).Entity;
            db.Accounts.Add(new Account { Name = "pool of team B", PoolTeamId = world.TeamIds[ApiWorld.TeamB] });
            await db.SaveChangesAsync();
            teamA = a.Id;
        }
        var rep = world.Client(ApiWorld.RepA1);
        var page = await rep.GetStringAsync(new Uri("/pool", UriKind.Relative));
        Assert.Contains("pool of team A", page, StringComparison.Ordinal);
        Assert.Contains("account in the pool", page, StringComparison.Ordinal);
        Assert.DoesNotContain("pool of team B", page, StringComparison.Ordinal);
        Assert.Contains("Nothing returns to the pool soon.", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/pool\"", page, StringComparison.Ordinal);

        var claimed = await WebTestHost.PostFormAsync(rep, "/pool", "/pool", new Dictionary<string, string>
        {
            ["_handler"] = "claim", ["Form.Kind"] = "accounts", ["Form.TeamId"] = "", ["Form.ItemId"] = teamA.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        var html = await claimed.Content.ReadAsStringAsync();
        Assert.Contains("Claimed pool of team A.", html, StringComparison.Ordinal);
        await using (var db = world.Host.Database.CreateContext(world.Host.OrgId))
        {
            Assert.Equal(world.MemberIds[ApiWorld.RepA1], (await db.Accounts.SingleAsync(a => a.Id == teamA)).OwnerId);
        }

        var settings = await world.Client(ApiWorld.Admin).PutAsJsonAsync("/api/v1/settings/pool", new PoolSettingsRequest(1, null, null, null, null, null, 30, 7, 7, null), ApiWorld.Json);
        Assert.Equal(HttpStatusCode.OK, settings.StatusCode);
        var refused = await WebTestHost.PostFormAsync(rep, "/pool", "/pool", new Dictionary<string, string>
        {
            ["_handler"] = "claim", ["Form.Kind"] = "accounts", ["Form.TeamId"] = "",
            ["Form.ItemId"] = world.AccountIds[ApiWorld.Pool].ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        Assert.Contains("daily claim limit of 1", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var zh = world.Host.CreateClient("zh-CN");
        await WebTestHost.SignInAsync(zh, "repA2@example.com");
        Assert.Contains("公海", await zh.GetStringAsync(new Uri("/pool", UriKind.Relative)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReturningSoon_ListsTheRepsClaim_WhichTheyMayRelease()
    {
        await using var world = await ApiWorld.CreateAsync();
        var admin = world.Client(ApiWorld.Admin);
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync("/api/v1/settings/pool", new PoolSettingsRequest(5, null, null, null, null, null, 2, 7, 7, null), ApiWorld.Json)).StatusCode);
        var rep = world.Client(ApiWorld.RepA1);
        var pool = world.AccountIds[ApiWorld.Pool];
        Assert.Equal(HttpStatusCode.OK, (await rep.PostAsJsonAsync("/api/v1/pool/claim", new PoolItemRequest(Headroom.Assignment.RebalanceItemKind.Account, pool), ApiWorld.Json)).StatusCode);

        var page = await rep.GetStringAsync(new Uri("/pool", UriKind.Relative));
        Assert.Contains("account in the pool", page, StringComparison.Ordinal);
        Assert.Contains("Release account in the pool", page, StringComparison.Ordinal);
        var released = await WebTestHost.PostFormAsync(rep, "/pool", "/pool", new Dictionary<string, string>
        {
            ["_handler"] = "release", ["Release.Kind"] = "accounts", ["Release.TeamId"] = "",
            ["Release.Item"] = $"Account:{pool.ToString(System.Globalization.CultureInfo.InvariantCulture)}",
        });
        Assert.Contains("Released account in the pool to the pool.", await released.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var db = world.Host.Database.CreateContext(world.Host.OrgId);
        Assert.Null((await db.Accounts.SingleAsync(a => a.Id == pool)).OwnerId);
    }

    [Fact]
    public async Task PoolSettings_AdminsSave_ManagersRead_Reps404()
    {
        await using var world = await ApiWorld.CreateAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await world.Client(ApiWorld.RepA1).GetAsync(new Uri("/settings/pool", UriKind.Relative))).StatusCode);
        var manager = await world.Client(ApiWorld.ManagerA).GetStringAsync(new Uri("/settings/pool", UriKind.Relative));
        Assert.Contains("Only administrators change these rules.", manager, StringComparison.Ordinal);
        var saved = await WebTestHost.PostFormAsync(world.Client(ApiWorld.Admin), "/settings/pool", "/settings/pool", new Dictionary<string, string>
        {
            ["_handler"] = "pool-settings", ["Form.Version"] = "0", ["Form.DailyClaimLimit"] = "3", ["Form.CapA"] = "", ["Form.CapB"] = "10", ["Form.CapC"] = "20",
            ["Form.CapD"] = "", ["Form.LeadCap"] = "50", ["Form.ReturnAfterDays"] = "21", ["Form.ReminderDays"] = "5", ["Form.CooldownDays"] = "3",
        });
        // The page redirects to itself with ?saved=1, which says so.
        Assert.Contains("type=\"redirection\"", await saved.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("Pool rules saved.", await world.Client(ApiWorld.Admin).GetStringAsync(new Uri("/settings/pool?saved=1", UriKind.Relative)), StringComparison.Ordinal);
        var read = await world.Client(ApiWorld.ManagerA).GetFromJsonAsync<PoolSettingsResponse>("/api/v1/settings/pool", ApiWorld.Json);
        Assert.Equal((3, (int?)null, 21, 3), (read!.DailyClaimLimit!.Value, read.CapA, read.ReturnAfterDays!.Value, read.CooldownDays));
    }
}
