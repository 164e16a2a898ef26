using System.Globalization;
using System.Net;
using Headroom.Goals;
using Headroom.Tests.Web;
using Microsoft.EntityFrameworkCore;

namespace Headroom.Tests.Goals;

[Trait("Category", "Integration")]
public class GoalPagesTests
{
    private static Dictionary<string, string> GoalFields(string name, string target, string? description = null) => new()
    {
        ["_handler"] = "goal",
        ["Form.Name"] = name,
        ["Form.Description"] = description ?? "",
        ["Form.Owner"] = "organization",
        ["Form.Metric"] = "WonRevenue",
        ["Form.PeriodKind"] = "Quarter",
        ["Form.StartDate"] = "2026-10-01",
        ["Form.Target"] = target,
        ["Form.StrategyNote"] = "Win the east",
        ["Form.Action"] = "save",
        ["Form.Version"] = "0",
    };

    [Fact]
    public async Task Admin_CreatesAQuarterlyGoal_SeesSmartWarnings_CascadesItToTeams_AndSeesTheTree()
    {
        await using var world = await ApiWorld.CreateAsync();
        using var client = world.Host.CreateClient();
        await WebTestHost.SignInAsync(client, "admin@example.com");
        var empty = await client.GetStringAsync(new Uri("/goals", UriKind.Relative));
        Assert.Contains("No goals in this period yet.", empty, StringComparison.Ordinal);
        Assert.Contains("value=\"2026-Q4\"", empty, StringComparison.Ordinal);

        var invalid = await (await WebTestHost.PostFormAsync(client, "/goals/new", "/goals/new", GoalFields("", "abc"))).Content.ReadAsStringAsync();
        Assert.Contains("<span class=\"field-error\">", invalid, StringComparison.Ordinal);

        // "Check SMART" shows the check without saving.
        var check = GoalFields("Q4 revenue", "1,000,000");
        check["Form.Action"] = "check";
        var checkedPage = await (await WebTestHost.PostFormAsync(client, "/goals/new", "/goals/new", check)).Content.ReadAsStringAsync();
        Assert.Contains("Say what the goal is about in the description.", checkedPage, StringComparison.Ordinal);
        await using (var db = world.Host.Database.CreateContext(world.Host.OrgId))
        {
            Assert.False(await db.Goals.AnyAsync());
        }

        var saved = await WebTestHost.PostFormAsync(client, "/goals/new", "/goals/new", GoalFields("Q4 revenue", "1,000,000", "Revenue of the quarter"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        long id;
        await using (var db = world.Host.Database.CreateContext(world.Host.OrgId))
        {
            var goal = await db.Goals.SingleAsync();
            Assert.Equal((100_000_000L, new DateOnly(2026, 12, 31)), (goal.Target, goal.EndDate));
            id = goal.Id;
        }
        var detail = await client.GetStringAsync(new Uri($"/goals/{id}", UriKind.Relative));
        Assert.Contains("Out of reach by history", detail, StringComparison.Ordinal);
        Assert.Contains("Earlier periods", detail, StringComparison.Ordinal);

        var cascade = $"/goals/{id}/cascade?method=Capacity&childKind=Team";
        var preview = await client.GetStringAsync(new Uri(cascade, UriKind.Relative));
        Assert.Contains("Team A", preview, StringComparison.Ordinal);
        Assert.Contains("The child goals add up to this goal.", preview, StringComparison.Ordinal);
        var applied = await WebTestHost.PostFormAsync(client, cascade, cascade, new Dictionary<string, string>
        {
            ["_handler"] = "cascade", ["Form.Method"] = "Capacity", ["Form.ChildKind"] = "Team",
            ["Form.Version"] = (await world.VersionAsync<Goal>(world.Host.OrgId, id)).ToString(CultureInfo.InvariantCulture),
        });
        Assert.Equal(HttpStatusCode.Redirect, applied.StatusCode);

        var tree = await client.GetStringAsync(new Uri("/goals?period=2026-Q4", UriKind.Relative));
        Assert.Contains("Q4 revenue · Team A", tree, StringComparison.Ordinal);
        Assert.Contains("Q4 revenue · Team B", tree, StringComparison.Ordinal);
        Assert.Contains("role=\"progressbar\"", tree, StringComparison.Ordinal);
        // A month into the quarter with nothing won: off track.
        Assert.Contains("Off track", tree, StringComparison.Ordinal);

        using var chinese = world.Host.CreateClient("zh-CN");
        await WebTestHost.SignInAsync(chinese, "admin@example.com");
        var zh = await chinese.GetStringAsync(new Uri($"/goals/{id}", UriKind.Relative));
        Assert.Contains("按历史看难以实现", zh, StringComparison.Ordinal);
        Assert.Contains("子目标合计等于本目标。", zh, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rep_ReadsTeamAndOwnGoals_WithoutAForm()
    {
        await using var world = await ApiWorld.CreateAsync();
        long teamGoal;
        await using (var db = world.Host.Database.CreateContext(world.Host.OrgId))
        {
            var goal = db.Goals.Add(new Goal
            {
                Name = "Team A visits", OwnerKind = GoalOwnerKind.Team, TeamId = world.TeamIds[ApiWorld.TeamA], Metric = GoalMetric.Visits,
                PeriodKind = GoalPeriodKind.Month, StartDate = new DateOnly(2026, 11, 1), EndDate = new DateOnly(2026, 11, 30), Target = 40,
            }).Entity;
            db.Goals.Add(new Goal
            {
                Name = "Team B visits", OwnerKind = GoalOwnerKind.Team, TeamId = world.TeamIds[ApiWorld.TeamB], Metric = GoalMetric.Visits,
                PeriodKind = GoalPeriodKind.Month, StartDate = new DateOnly(2026, 11, 1), EndDate = new DateOnly(2026, 11, 30), Target = 40,
            });
            await db.SaveChangesAsync();
            teamGoal = goal.Id;
        }
        using var client = world.Host.CreateClient();
        await WebTestHost.SignInAsync(client, "repA1@example.com");
        var list = await client.GetStringAsync(new Uri("/goals?period=2026-11", UriKind.Relative));
        Assert.Contains("Team A visits", list, StringComparison.Ordinal);
        Assert.DoesNotContain("Team B visits", list, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/goals/new\"", list, StringComparison.Ordinal);
        var detail = await client.GetStringAsync(new Uri($"/goals/{teamGoal}", UriKind.Relative));
        Assert.DoesNotContain("Save goal", detail, StringComparison.Ordinal);
        Assert.Contains("Team A", detail, StringComparison.Ordinal);
        var refused = await client.GetStringAsync(new Uri("/goals/new", UriKind.Relative));
        Assert.Contains("Only managers (for their teams) and administrators may set goals.", refused, StringComparison.Ordinal);
    }
}
