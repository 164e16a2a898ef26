using System.Globalization;
using System.Net;
using Headroom.Organizations;
using Headroom.Tests.Web;
using Microsoft.EntityFrameworkCore;

namespace Headroom.Tests.Members;

[Trait("Category", "Integration")]
public class PeoplePagesTests
{
    [Fact]
    public async Task PeopleAndTeams_ShowTheManagersScope_InChinese()
    {
        await using var world = await ApiWorld.CreateAsync();
        using var client = world.Host.CreateClient("zh-CN");
        await WebTestHost.SignInAsync(client, "managerA@example.com");
        var people = await client.GetStringAsync(new Uri("/people?sort=-name", UriKind.Relative));
        Assert.Contains("共 4 名成员", people, StringComparison.Ordinal);
        Assert.Contains(">repA1</a>", people, StringComparison.Ordinal);
        Assert.DoesNotContain(">repB</a>", people, StringComparison.Ordinal);
        Assert.Contains("销售代表", people, StringComparison.Ordinal);
        Assert.DoesNotContain("添加成员", people, StringComparison.Ordinal);
        var teams = await client.GetStringAsync(new Uri("/teams", UriKind.Relative));
        Assert.Contains("Team A", teams, StringComparison.Ordinal);
        Assert.Contains("4 名成员", teams, StringComparison.Ordinal);
        Assert.DoesNotContain("Team B", teams, StringComparison.Ordinal);
        Assert.DoesNotContain("新建团队", teams, StringComparison.Ordinal);
        var empty = await client.GetStringAsync(new Uri("/people?q=nobody", UriKind.Relative));
        Assert.Contains("没有符合筛选条件的成员。", empty, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rep_SeesOnlyTheirOwnRecord_AndNoAdminForms()
    {
        await using var world = await ApiWorld.CreateAsync();
        using var client = world.Host.CreateClient();
        await WebTestHost.SignInAsync(client, "repA1@example.com");
        var own = await client.GetStringAsync(new Uri($"/people/{world.MemberIds[ApiWorld.RepA1]}", UriKind.Relative));
        Assert.Contains("Enter leave", own, StringComparison.Ordinal);
        Assert.DoesNotContain("Edit member", own, StringComparison.Ordinal);
        Assert.DoesNotContain("Deactivate", own, StringComparison.Ordinal);
        foreach (var path in new[] { $"/people/{world.MemberIds[ApiWorld.RepA2]}", $"/people/{world.MemberIds[ApiWorld.RepA1]}/edit", "/people/new", "/teams/new",
            $"/teams/{world.TeamIds[ApiWorld.TeamA]}/edit", $"/people/{world.MemberIds[ApiWorld.OtherAdmin]}" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri(path, UriKind.Relative))).StatusCode);
        }
    }

    [Fact]
    public async Task Manager_EditsCapacityAndSkills_ErrorsShowBesideTheField()
    {
        await using var world = await ApiWorld.CreateAsync();
        using var client = world.Host.CreateClient();
        await WebTestHost.SignInAsync(client, "managerA@example.com");
        var id = world.MemberIds[ApiWorld.RepA1];
        var path = $"/people/{id}/edit";
        var form = await client.GetStringAsync(new Uri(path, UriKind.Relative));
        Assert.DoesNotContain("Form.Role", form, StringComparison.Ordinal);
        var version = (await world.VersionAsync<Member>(world.Host.OrgId, id)).ToString(CultureInfo.InvariantCulture);
        var fields = new Dictionary<string, string>
        {
            ["_handler"] = "member", ["Form.Version"] = version, ["Form.TeamId"] = world.TeamIds[ApiWorld.TeamA].ToString(CultureInfo.InvariantCulture),
            ["Form.WeeklyCapacityHours"] = "lots", ["Form.Skills"] = "Negotiation: 4\nDemo: 2", ["Form.Territories"] = "East, North", ["Form.Languages"] = "zh",
            // A hand-made post cannot sneak in a field the manager's form does not have.
            ["Form.Role"] = "Admin",
        };
        var invalid = await (await WebTestHost.PostFormAsync(client, path, path, fields)).Content.ReadAsStringAsync();
        Assert.Contains("Enter a number such as 37.5.", invalid, StringComparison.Ordinal);
        fields["Form.WeeklyCapacityHours"] = "30";
        var saved = await WebTestHost.PostFormAsync(client, path, path, fields);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await using var db = world.Host.Database.CreateContext(world.Host.OrgId);
        var member = await db.Members.Include(m => m.Skills).SingleAsync(m => m.Id == id);
        Assert.Equal((30d, MemberRole.Rep), (member.WeeklyCapacityHours, member.Role));
        Assert.Equal(["Demo", "Negotiation"], member.Skills.Select(s => s.Skill).Order());
        Assert.Equal(["East", "North"], member.Territories);
    }

    [Fact]
    public async Task Admin_DeactivatesAfterConfirming_AndAddsLeave()
    {
        await using var world = await ApiWorld.CreateAsync();
        using var client = world.Host.CreateClient();
        await WebTestHost.SignInAsync(client, "admin@example.com");
        var id = world.MemberIds[ApiWorld.RepB];
        var confirm = $"/people/{id}?confirm=deactivate";
        Assert.Contains("Yes, deactivate", await client.GetStringAsync(new Uri(confirm, UriKind.Relative)), StringComparison.Ordinal);
        var done = await WebTestHost.PostFormAsync(client, confirm, confirm, new Dictionary<string, string> { ["_handler"] = "member-status", ["StatusChange"] = "deactivate" });
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var leave = $"/people/{id}/leave/new";
        var fields = new Dictionary<string, string> { ["_handler"] = "leave", ["Form.StartDate"] = "2026-12-10", ["Form.EndDate"] = "2026-12-09", ["Form.Kind"] = "Training" };
        Assert.Contains("The last day cannot be before the first day.", await (await WebTestHost.PostFormAsync(client, leave, leave, fields)).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        fields["Form.EndDate"] = "2026-12-11";
        Assert.Equal(HttpStatusCode.Redirect, (await WebTestHost.PostFormAsync(client, leave, leave, fields)).StatusCode);
        await using var db = world.Host.Database.CreateContext(world.Host.OrgId);
        Assert.False(await db.Members.Where(m => m.Id == id).Select(m => m.Active).SingleAsync());
        Assert.Equal(TimeOffKind.Training, (await db.TimeOffs.SingleAsync(t => t.MemberId == id)).Kind);
    }
}
