using System.Globalization;
using System.Net;
using Headroom.Activities;
using Headroom.Tests.Web;
using Microsoft.EntityFrameworkCore;

namespace Headroom.Tests.Activities;

[Trait("Category", "Integration")]
public class ActivityPagesTests
{
    [Fact]
    public async Task LoggingAVisit_FromTheAccountPage_TakesTheTimeInTheMembersZone()
    {
        await using var world = await ApiWorld.CreateAsync();
        using var client = world.Host.CreateClient("zh-CN");
        await WebTestHost.SignInAsync(client, "repA1@example.com");
        var accountId = world.AccountIds[ApiWorld.RepA1].ToString(CultureInfo.InvariantCulture);
        var account = await client.GetStringAsync(new Uri($"/accounts/{accountId}", UriKind.Relative));
        Assert.Contains($"href=\"/activities/new?accountId={accountId}\"", account, StringComparison.Ordinal);

        // The clock says 01:00 UTC; the organization is in Asia/Shanghai.
        var form = await client.GetStringAsync(new Uri($"/activities/new?accountId={accountId}", UriKind.Relative));
        Assert.Contains("value=\"2026-11-02T09:00:00\"", form, StringComparison.Ordinal);
        Assert.Contains($"<option value=\"{accountId}\" selected", form, StringComparison.Ordinal);

        var fields = new Dictionary<string, string>
        {
            ["_handler"] = "activity", ["Form.Type"] = "Visit", ["Form.AccountId"] = accountId, ["Form.Start"] = "2026-11-02T10:30",
            ["Form.Duration"] = "45", ["Form.Outcome"] = "Completed", ["Form.Notes"] = "看了新仓库",
        };
        var saved = await WebTestHost.PostFormAsync(client, "/activities/new", $"/activities/new?accountId={accountId}", fields);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("/activities?saved=1", saved.Headers.Location!.PathAndQuery);

        await using (var db = world.Host.Database.CreateContext(world.Host.OrgId))
        {
            var activity = await db.SalesActivities.SingleAsync();
            Assert.Equal((ActivityType.Visit, new DateTime(2026, 11, 2, 2, 30, 0, DateTimeKind.Utc), 45, world.MemberIds[ApiWorld.RepA1]),
                (activity.Type, activity.StartUtc, activity.DurationMinutes, activity.MemberId));
        }
        var list = await client.GetStringAsync(new Uri("/activities?saved=1", UriKind.Relative));
        Assert.Contains("活动已记录。", list, StringComparison.Ordinal);
        Assert.Contains("拜访", list, StringComparison.Ordinal);
        Assert.Contains("account of repA1", list, StringComparison.Ordinal);
        Assert.Contains("2026/11/2 10:30", list, StringComparison.Ordinal);
        Assert.Contains("45 分钟", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EditPage_ChangesAndDeletesOnlyActivitiesInScope_AndRefusesAStaleForm()
    {
        await using var world = await ApiWorld.CreateAsync();
        await world.AddActivitiesAndFollowUpsAsync();
        using var client = world.Host.CreateClient();
        await WebTestHost.SignInAsync(client, "repA1@example.com");
        var own = world.ActivityIds[ApiWorld.RepA1];
        var path = $"/activities/{own}/edit";
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri($"/activities/{world.ActivityIds[ApiWorld.RepA2]}/edit", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri($"/activities/{world.ActivityIds[ApiWorld.Foreign]}/edit", UriKind.Relative))).StatusCode);

        var form = await client.GetStringAsync(new Uri(path, UriKind.Relative));
        Assert.Contains("Edit activity", form, StringComparison.Ordinal);
        Assert.Contains("call of repA1", form, StringComparison.Ordinal);
        var fields = new Dictionary<string, string>
        {
            ["_handler"] = "activity", ["Form.Type"] = "Call", ["Form.Start"] = "2026-11-02T08:00", ["Form.Duration"] = "50",
            ["Form.Outcome"] = "Completed", ["Form.Notes"] = "longer than logged", ["Form.Version"] = "0",
            ["Form.AccountId"] = world.AccountIds[ApiWorld.RepA1].ToString(CultureInfo.InvariantCulture),
        };
        var saved = await WebTestHost.PostFormAsync(client, path, path, fields);
        Assert.Equal("/activities?saved=changed", saved.Headers.Location!.PathAndQuery);
        var stale = await WebTestHost.PostFormAsync(client, path, path, fields);
        Assert.Contains("Someone else changed this record", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var unconfirmed = await WebTestHost.PostFormAsync(client, path, path, new Dictionary<string, string> { ["_handler"] = "activity-delete" });
        Assert.Contains("Tick the box to confirm.", await unconfirmed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using (var db = world.Host.Database.CreateContext(world.Host.OrgId))
        {
            var activity = await db.SalesActivities.SingleAsync(a => a.Id == own);
            Assert.Equal((50, "longer than logged", 1L), (activity.DurationMinutes, activity.Notes, activity.Version));
        }
        var deleted = await WebTestHost.PostFormAsync(client, path, path, new Dictionary<string, string> { ["_handler"] = "activity-delete", ["Delete.Confirm"] = "true" });
        Assert.Equal("/activities?saved=deleted", deleted.Headers.Location!.PathAndQuery);
        await using (var db = world.Host.Database.CreateContext(world.Host.OrgId))
        {
            Assert.False(await db.SalesActivities.AnyAsync(a => a.Id == own));
            Assert.True(await db.SalesActivities.AnyAsync(a => a.Id == world.ActivityIds[ApiWorld.RepA2]));
        }
    }

    [Fact]
    public async Task LogForm_ShowsErrorsBesideTheFields_AndWritesNothing()
    {
        await using var world = await ApiWorld.CreateAsync();
        using var client = world.Host.CreateClient();
        await WebTestHost.SignInAsync(client, "repA1@example.com");
        var fields = new Dictionary<string, string>
        {
            ["_handler"] = "activity", ["Form.Type"] = "", ["Form.AccountId"] = world.AccountIds[ApiWorld.RepB].ToString(CultureInfo.InvariantCulture),
            ["Form.Start"] = "", ["Form.Duration"] = "30", ["Form.Outcome"] = "Completed",
        };
        var response = await WebTestHost.PostFormAsync(client, "/activities/new", "/activities/new", fields);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, html);
        Assert.Contains("<span class=\"field-error\">No such account in your scope.</span>", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"field-error\">Required.</span>", html, StringComparison.Ordinal);
        await using var db = world.Host.Database.CreateContext(world.Host.OrgId);
        Assert.Equal(0, await db.SalesActivities.CountAsync());
    }

    [Fact]
    public async Task ActivityList_IsEmptyAtFirst_AndAManagerSeesTheTeams()
    {
        await using var world = await ApiWorld.CreateAsync();
        await world.AddActivitiesAndFollowUpsAsync();
        using var rep = world.Host.CreateClient();
        await WebTestHost.SignInAsync(rep, "repA1@example.com");
        var mine = await rep.GetStringAsync(new Uri("/activities?type=Visit", UriKind.Relative));
        Assert.Contains("<h1 class=\"mud-typography mud-typography-h4\">My activities</h1>", mine, StringComparison.Ordinal);
        Assert.Contains("No activities here yet.", mine, StringComparison.Ordinal);

        using var manager = world.Host.CreateClient();
        await WebTestHost.SignInAsync(manager, "managerA@example.com");
        var team = await manager.GetStringAsync(new Uri("/activities", UriKind.Relative));
        Assert.Contains("call of repA2", team, StringComparison.Ordinal);
        Assert.DoesNotContain("call of repB", team, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoggingACallFromALead_RecordsTheLead()
    {
        await using var world = await ApiWorld.CreateAsync();
        await world.AddLeadsAsync();
        using var client = world.Host.CreateClient();
        await WebTestHost.SignInAsync(client, "repA1@example.com");
        var leadId = world.LeadIds[ApiWorld.RepA1].ToString(CultureInfo.InvariantCulture);
        var path = $"/activities/new?leadId={leadId}";
        Assert.Contains("<strong>lead of repA1</strong>", await client.GetStringAsync(new Uri(path, UriKind.Relative)), StringComparison.Ordinal);
        // Another rep's lead is not offered, so nothing of it shows.
        Assert.DoesNotContain("lead of repA2", await client.GetStringAsync(new Uri($"/activities/new?leadId={world.LeadIds[ApiWorld.RepA2]}", UriKind.Relative)), StringComparison.Ordinal);

        var saved = await WebTestHost.PostFormAsync(client, path, path, new Dictionary<string, string>
        {
            ["_handler"] = "activity", ["Form.Type"] = "Call", ["Form.LeadId"] = leadId, ["Form.AccountId"] = "", ["Form.Start"] = "2026-11-02T08:00",
            ["Form.Duration"] = "15", ["Form.Outcome"] = "NoAnswer",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await using var db = world.Host.Database.CreateContext(world.Host.OrgId);
        var activity = await db.SalesActivities.SingleAsync();
        Assert.Equal((world.LeadIds[ApiWorld.RepA1], ActivityOutcome.NoAnswer, (long?)null), (activity.LeadId!.Value, activity.Outcome, activity.AccountId));
    }
}
