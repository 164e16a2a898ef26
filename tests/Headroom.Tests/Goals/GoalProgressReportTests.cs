using System.Net;
using System.Net.Http.Json;
using Headroom.Goals;
using Headroom.Tests.Members;
using Headroom.Tests.Web;
using Headroom.Web.Goals;
using Microsoft.EntityFrameworkCore;

namespace Headroom.Tests.Goals;

[Trait("Category", "Integration")]
public class GoalProgressReportTests
{
    private static GoalRequest RepGoal(long memberId, GoalMetric metric) => new(
        "Referrals from partners", "Partners who refer a customer", null, GoalOwnerKind.Member, null, memberId, metric, null,
        GoalPeriodKind.Quarter, new DateOnly(2026, 11, 15), null, 12, null, null);

    private static async Task<GoalDetail> CreateApprovedAsync(ApiWorld world, GoalMetric metric)
    {
        var manager = world.Client(ApiWorld.ManagerA);
        var created = await (await manager.PostAsJsonAsync("/api/v1/goals", RepGoal(world.MemberIds[ApiWorld.RepA1], metric), ApiWorld.Json))
            .Content.ReadFromJsonAsync<GoalDetail>(ApiWorld.Json);
        var approved = await manager.PostAsJsonAsync($"/api/v1/goals/{created!.Goal.Id}/approve", new ApproveRequest(created.Goal.Version), ApiWorld.Json);
        return (await approved.Content.ReadFromJsonAsync<GoalDetail>(ApiWorld.Json))!;
    }

    [Fact]
    public async Task TheOwner_ReportsALockedManualGoal_AndTheReportIsLoggedWithTheNote()
    {
        await using var world = await ApiWorld.CreateAsync();
        var goal = (await CreateApprovedAsync(world, GoalMetric.Manual)).Goal;
        var rep = world.Client(ApiWorld.RepA1);

        var response = await rep.PostAsJsonAsync($"/api/v1/goals/{goal.Id}/progress", new ProgressReport(7, "Two from the Hangzhou partner", goal.Version), ApiWorld.Json);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var detail = (await response.Content.ReadFromJsonAsync<GoalDetail>(ApiWorld.Json))!;
        Assert.Equal(7, detail.Goal.ManualActual);
        Assert.Equal(7, detail.Goal.Pace!.Actual);
        // The lock is on the target: it stays approved and unchanged.
        Assert.Equal((GoalStatus.Approved, 12L), (detail.Goal.Status, detail.Goal.Target));
        var report = detail.Changes[^1];
        Assert.Equal((GoalChangeKind.ProgressReported, (long?)null, (long?)7, "Two from the Hangzhou partner", world.MemberIds[ApiWorld.RepA1]),
            (report.Kind, report.OldActual, report.NewActual, report.Reason, report.ChangedById!.Value));

        // A second report from the version just read; the one read before is stale.
        Assert.Equal(HttpStatusCode.Conflict, (await rep.PostAsJsonAsync($"/api/v1/goals/{goal.Id}/progress", new ProgressReport(9, null, goal.Version), ApiWorld.Json)).StatusCode);
        var second = await (await rep.PostAsJsonAsync($"/api/v1/goals/{goal.Id}/progress", new ProgressReport(9, null, detail.Goal.Version), ApiWorld.Json))
            .Content.ReadFromJsonAsync<GoalDetail>(ApiWorld.Json);
        Assert.Equal(((long?)7, (long?)9), (second!.Changes[^1].OldActual, second.Changes[^1].NewActual));
    }

    [Fact]
    public async Task BadReports_NameTheField_AndChangeNothing()
    {
        await using var world = await ApiWorld.CreateAsync();
        var goal = (await CreateApprovedAsync(world, GoalMetric.Manual)).Goal;
        var rep = world.Client(ApiWorld.RepA1);
        var url = $"/api/v1/goals/{goal.Id}/progress";

        await ProblemAssert.FieldErrorAsync(await rep.PostAsJsonAsync(url, new ProgressReport(-1, null, goal.Version), ApiWorld.Json), "value");
        await ProblemAssert.FieldErrorAsync(await rep.PostAsJsonAsync(url, new ProgressReport(null, null, goal.Version), ApiWorld.Json), "value");
        await ProblemAssert.FieldErrorAsync(await rep.PostAsJsonAsync(url, new ProgressReport(3, new string('x', 1001), goal.Version), ApiWorld.Json), "note");
        await ProblemAssert.FieldErrorAsync(await rep.PostAsJsonAsync(url, new ProgressReport(3, null, null), ApiWorld.Json), "version");

        await using var db = world.Host.Database.CreateContext(world.Host.OrgId);
        Assert.Null(await db.Goals.Where(g => g.Id == goal.Id).Select(g => g.ManualActual).SingleAsync());
        Assert.False(await db.GoalChanges.AnyAsync(c => c.GoalId == goal.Id && c.Kind == GoalChangeKind.ProgressReported));
    }

    [Fact]
    public async Task OnlyTheOwnerAndGoalSetters_Report_AndOnlyManualGoals()
    {
        await using var world = await ApiWorld.CreateAsync();
        // Teammates may read each other's goals here, so the teammate is refused (403), not kept in the dark (404).
        await using (var db = world.Host.Database.CreateContext(world.Host.OrgId))
        {
            var org = await db.Organizations.SingleAsync(o => o.Id == world.Host.OrgId);
            org.RepsSeeTeammateGoals = true;
            await db.SaveChangesAsync();
        }
        var goal = (await CreateApprovedAsync(world, GoalMetric.Manual)).Goal;
        var url = $"/api/v1/goals/{goal.Id}/progress";
        var body = new ProgressReport(4, null, goal.Version);

        Assert.Equal(HttpStatusCode.Forbidden, (await world.Client(ApiWorld.RepA2).PostAsJsonAsync(url, body, ApiWorld.Json)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await world.Client(ApiWorld.RepB).PostAsJsonAsync(url, body, ApiWorld.Json)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await world.Client(ApiWorld.ManagerB).PostAsJsonAsync(url, body, ApiWorld.Json)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await world.Client(ApiWorld.OtherAdmin).PostAsJsonAsync(url, body, ApiWorld.Json)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await world.Client(ApiWorld.ManagerA).PostAsJsonAsync(url, body, ApiWorld.Json)).StatusCode);

        // A counted metric takes no reported value, even from its owner.
        var counted = (await CreateApprovedAsync(world, GoalMetric.DealsWon)).Goal;
        Assert.Equal(HttpStatusCode.Conflict, (await world.Client(ApiWorld.RepA1).PostAsJsonAsync($"/api/v1/goals/{counted.Id}/progress",
            new ProgressReport(4, null, counted.Version), ApiWorld.Json)).StatusCode);
    }

    [Fact]
    public async Task GoalPage_OffersTheOwnerTheReportForm_AndSavesTheValue()
    {
        await using var world = await ApiWorld.CreateAsync();
        var goal = (await CreateApprovedAsync(world, GoalMetric.Manual)).Goal;
        using var client = world.Host.CreateClient();
        await WebTestHost.SignInAsync(client, "repA1@example.com");
        var page = await client.GetStringAsync(new Uri($"/goals/{goal.Id}", UriKind.Relative));
        Assert.Contains("Report progress", page, StringComparison.Ordinal);

        var invalid = await (await WebTestHost.PostFormAsync(client, $"/goals/{goal.Id}", $"/goals/{goal.Id}", new Dictionary<string, string>
        {
            ["_handler"] = "progress", ["Form.Value"] = "many", ["Form.Note"] = "", ["Form.Version"] = goal.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
        })).Content.ReadAsStringAsync();
        Assert.Contains("<span class=\"field-error\">", invalid, StringComparison.Ordinal);

        var saved = await WebTestHost.PostFormAsync(client, $"/goals/{goal.Id}", $"/goals/{goal.Id}", new Dictionary<string, string>
        {
            ["_handler"] = "progress", ["Form.Value"] = "5", ["Form.Note"] = "first partner deals", ["Form.Version"] = goal.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var after = await client.GetStringAsync(new Uri($"/goals/{goal.Id}", UriKind.Relative));
        Assert.Contains("Progress reported", after, StringComparison.Ordinal);
        Assert.Contains("first partner deals", after, StringComparison.Ordinal);
        await using (var db = world.Host.Database.CreateContext(world.Host.OrgId))
        {
            Assert.Equal(5, await db.Goals.Where(g => g.Id == goal.Id).Select(g => g.ManualActual).SingleAsync());
        }

        // A goal counted from the data has no report form.
        var counted = (await CreateApprovedAsync(world, GoalMetric.DealsWon)).Goal;
        Assert.DoesNotContain("Report progress", await client.GetStringAsync(new Uri($"/goals/{counted.Id}", UriKind.Relative)), StringComparison.Ordinal);
    }
}
