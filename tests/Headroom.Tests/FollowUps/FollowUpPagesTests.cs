using System.Globalization;
using System.Net;
using Headroom.FollowUps;
using Headroom.Tests.Web;
using Microsoft.EntityFrameworkCore;

namespace Headroom.Tests.FollowUps;

[Trait("Category", "Integration")]
public class FollowUpPagesTests
{
    [Fact]
    public async Task MarkingAnOverdueFollowUpDone_EmptiesTheOverdueTab()
    {
        await using var world = await ApiWorld.CreateAsync();
        long id;
        await using (var db = world.Host.Database.CreateContext(world.Host.OrgId))
        {
            var followUp = db.FollowUps.Add(new FollowUp
            {
                Title = "send the quote", AssigneeId = world.MemberIds[ApiWorld.RepA1], DueUtc = world.Host.Clock.GetUtcNow().UtcDateTime.AddDays(-1), EffortHours = 1,
            }).Entity;
            await db.SaveChangesAsync();
            id = followUp.Id;
        }
        using var client = world.Host.CreateClient("zh-CN");
        await WebTestHost.SignInAsync(client, "repA1@example.com");
        var overdue = await client.GetStringAsync(new Uri("/followups?view=Overdue", UriKind.Relative));
        Assert.Contains("send the quote", overdue, StringComparison.Ordinal);
        Assert.Contains("标记完成", overdue, StringComparison.Ordinal);

        var version = await world.VersionAsync<FollowUp>(world.Host.OrgId, id);
        var done = await WebTestHost.PostFormAsync(client, "/followups?view=Overdue", "/followups?view=Overdue", new Dictionary<string, string>
        {
            ["_handler"] = "done", ["Done.Id"] = id.ToString(CultureInfo.InvariantCulture), ["Done.Version"] = version.ToString(CultureInfo.InvariantCulture),
        });
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var after = await client.GetStringAsync(done.Headers.Location!);
        Assert.Contains("跟进已完成。", after, StringComparison.Ordinal);
        Assert.Contains("没有逾期的跟进。", after, StringComparison.Ordinal);
        await using var check = world.Host.Database.CreateContext(world.Host.OrgId);
        Assert.Equal(FollowUpStatus.Done, (await check.FollowUps.SingleAsync(f => f.Id == id)).Status);
    }

    [Fact]
    public async Task AnotherRepsFollowUp_CannotBeMarkedDone_OrOpened()
    {
        await using var world = await ApiWorld.CreateAsync();
        await world.AddActivitiesAndFollowUpsAsync();
        using var client = world.Host.CreateClient();
        await WebTestHost.SignInAsync(client, "repA2@example.com");
        var id = world.FollowUpIds[ApiWorld.RepA1];
        var version = await world.VersionAsync<FollowUp>(world.Host.OrgId, id);
        var done = await WebTestHost.PostFormAsync(client, "/followups", "/followups", new Dictionary<string, string>
        {
            ["_handler"] = "done", ["Done.Id"] = id.ToString(CultureInfo.InvariantCulture), ["Done.Version"] = version.ToString(CultureInfo.InvariantCulture),
        });
        Assert.Equal(HttpStatusCode.NotFound, done.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri($"/followups/{id}/edit", UriKind.Relative))).StatusCode);
        Assert.Equal(version, await world.VersionAsync<FollowUp>(world.Host.OrgId, id));
    }

    [Fact]
    public async Task CreatingAFollowUp_ShowsErrorsBesideTheFields_ThenSaves()
    {
        await using var world = await ApiWorld.CreateAsync();
        using var client = world.Host.CreateClient();
        await WebTestHost.SignInAsync(client, "repA1@example.com");
        var form = await client.GetStringAsync(new Uri("/followups/new", UriKind.Relative));
        // Tomorrow at the start of the working day, in the organization's zone.
        Assert.Contains("value=\"2026-11-03T09:00:00\"", form, StringComparison.Ordinal);
        var fields = new Dictionary<string, string>
        {
            ["_handler"] = "followup", ["Form.Title"] = "", ["Form.Due"] = "2026-11-03T09:00", ["Form.EffortHours"] = "1.5",
            ["Form.Priority"] = "High", ["Form.AccountId"] = "", ["Form.Version"] = "0",
        };
        var invalid = await (await WebTestHost.PostFormAsync(client, "/followups/new", "/followups/new", fields)).Content.ReadAsStringAsync();
        Assert.Contains("<span class=\"field-error\">Required.</span>", invalid, StringComparison.Ordinal);

        fields["Form.Title"] = "call back";
        var saved = await WebTestHost.PostFormAsync(client, "/followups/new", "/followups/new", fields);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await using var db = world.Host.Database.CreateContext(world.Host.OrgId);
        var followUp = await db.FollowUps.SingleAsync();
        Assert.Equal(("call back", new DateTime(2026, 11, 3, 1, 0, 0, DateTimeKind.Utc), 1.5, FollowUpPriority.High, world.MemberIds[ApiWorld.RepA1]),
            (followUp.Title, followUp.DueUtc, followUp.EffortHours, followUp.Priority, followUp.AssigneeId));
    }

    [Fact]
    public async Task Navigation_LeadsToLeadsActivitiesAndFollowUps()
    {
        await using var world = await ApiWorld.CreateAsync();
        using var client = world.Host.CreateClient();
        await WebTestHost.SignInAsync(client, "repA1@example.com");
        var home = await client.GetStringAsync(new Uri("/", UriKind.Relative));
        foreach (var link in new[] { "href=\"/leads\"", "href=\"/activities\"", "href=\"/activities/new\"", "href=\"/followups\"" })
        {
            Assert.Contains(link, home, StringComparison.Ordinal);
        }
    }
}
