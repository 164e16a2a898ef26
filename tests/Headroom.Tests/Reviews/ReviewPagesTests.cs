using System.Net;
using System.Net.Http.Json;
using Headroom.Reviews;
using Headroom.Tests.Web;
using Headroom.Web.Reviews;
using Microsoft.EntityFrameworkCore;

namespace Headroom.Tests.Reviews;

[Trait("Category", "Integration")]
public class ReviewPagesTests
{
    private static Dictionary<string, string> ScorecardFields(string revenueWeight) => new()
    {
        ["_handler"] = "scorecard",
        ["Form.Name"] = "Field sales",
        ["Form.Version"] = "0",
        ["Form.Rows[0].Kind"] = "Kpi", ["Form.Rows[0].Metric"] = "WonRevenue", ["Form.Rows[0].Weight"] = revenueWeight, ["Form.Rows[0].Target"] = "1,000",
        ["Form.Rows[1].Kind"] = "Competency", ["Form.Rows[1].Name"] = "Teamwork", ["Form.Rows[1].Weight"] = "40",
        ["Form.Rows[2].Kind"] = "", ["Form.Rows[2].Name"] = "left out",
    };

    [Fact]
    public async Task Scorecard_WeightsNotAddingUp_NamedOnThePage_ThenSaved()
    {
        await using var world = await ApiWorld.CreateAsync();
        using var client = world.Host.CreateClient();
        await WebTestHost.SignInAsync(client, "admin@example.com");
        var page = await client.GetStringAsync(new Uri("/settings/scorecard", UriKind.Relative));
        Assert.Contains("This is the built-in scorecard", page, StringComparison.Ordinal);

        var invalid = await (await WebTestHost.PostFormAsync(client, "/settings/scorecard", "/settings/scorecard", ScorecardFields("50"))).Content.ReadAsStringAsync();
        Assert.Contains("The weights add up to 90; they must add up to 100.", invalid, StringComparison.Ordinal);

        var saved = await WebTestHost.PostFormAsync(client, "/settings/scorecard", "/settings/scorecard", ScorecardFields("60"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await using var db = world.Host.Database.CreateContext(world.Host.OrgId);
        var template = await db.ScorecardTemplates.SingleAsync();
        Assert.Equal([(ScorecardItemKind.Kpi, 60, (long?)1_000_00), (ScorecardItemKind.Competency, 40, null)], template.Items.Select(i => (i.Kind, i.Weight, i.Target)));

        using var rep = world.Host.CreateClient();
        await WebTestHost.SignInAsync(rep, "repA1@example.com");
        Assert.Equal(HttpStatusCode.NotFound, (await rep.GetAsync(new Uri("/settings/scorecard", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Manager_CreatesACycle_Advances_RepSubmitsSelfReviewWithRatings()
    {
        await using var world = await ApiWorld.CreateAsync();
        using var manager = world.Host.CreateClient();
        await WebTestHost.SignInAsync(manager, "managerA@example.com");
        Assert.Contains("No review cycles yet.", await manager.GetStringAsync(new Uri("/reviews", UriKind.Relative)), StringComparison.Ordinal);
        var created = await WebTestHost.PostFormAsync(manager, "/reviews", "/reviews", new Dictionary<string, string>
        {
            ["_handler"] = "create-cycle", ["Create.Name"] = "October", ["Create.PeriodStart"] = "2026-10-01", ["Create.PeriodEnd"] = "2026-10-31", ["Create.TeamId"] = "",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var cyclePath = created.Headers.Location!.AbsolutePath;
        Assert.Contains("Start self-review", await manager.GetStringAsync(new Uri(cyclePath, UriKind.Relative)), StringComparison.Ordinal);
        var advanced = await WebTestHost.PostFormAsync(manager, cyclePath, cyclePath, new Dictionary<string, string> { ["_handler"] = "advance", ["Advance.Version"] = "0" });
        Assert.Equal(HttpStatusCode.Redirect, advanced.StatusCode);

        long reviewId;
        await using (var db = world.Host.Database.CreateContext(world.Host.OrgId))
        {
            reviewId = await db.Reviews.Where(r => r.MemberId == world.MemberIds[ApiWorld.RepA1]).Select(r => r.Id).SingleAsync();
        }
        using var rep = world.Host.CreateClient();
        await WebTestHost.SignInAsync(rep, "repA1@example.com");
        var path = $"/reviews/{reviewId}";
        var form = await rep.GetStringAsync(new Uri(path, UriKind.Relative));
        Assert.Contains("Submit self-review", form, StringComparison.Ordinal);
        // The built-in scorecard's competencies are lines 5, 6 and 7.
        var submitted = await WebTestHost.PostFormAsync(rep, path, path, new Dictionary<string, string>
        {
            ["_handler"] = "self", ["Self.Version"] = "0", ["Self.Action"] = "submit", ["Self.Text"] = "Two new accounts.",
            ["Self.Ratings[0].ItemId"] = "5", ["Self.Ratings[0].Rating"] = "4", ["Self.Ratings[0].Comment"] = "Know the product",
            ["Self.Ratings[1].ItemId"] = "6", ["Self.Ratings[1].Rating"] = "", ["Self.Ratings[1].Comment"] = "",
            ["Self.Ratings[2].ItemId"] = "7", ["Self.Ratings[2].Rating"] = "3", ["Self.Ratings[2].Comment"] = "",
        });
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        await using (var db = world.Host.Database.CreateContext(world.Host.OrgId))
        {
            var review = await db.Reviews.SingleAsync(r => r.Id == reviewId);
            Assert.Equal(ReviewState.SelfSubmitted, review.State);
            Assert.Equal([(5, (int?)4, (string?)"Know the product"), (6, null, null), (7, 3, null)], review.SelfRatings.Select(r => (r.ItemId, r.Rating, r.Comment)));
        }
        var shown = await rep.GetStringAsync(new Uri($"{path}?saved=self-submitted", UriKind.Relative));
        Assert.Contains("Self-review submitted.", shown, StringComparison.Ordinal);
        Assert.Contains("Two new accounts.", shown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Manager_MarksCarriedOverPlanItemsDone_InTheNextReview()
    {
        await using var world = await ApiWorld.CreateAsync();
        var api = world.Client(ApiWorld.ManagerA);
        var repA1 = world.MemberIds[ApiWorld.RepA1];
        var first = await (await api.PostAsJsonAsync("/api/v1/reviews/cycles", new ReviewCycleRequest("October", new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 31), null), ApiWorld.Json))
            .Content.ReadFromJsonAsync<ReviewCycleDetail>(ApiWorld.Json);
        var plan = await (await api.PostAsJsonAsync("/api/v1/improvement-plans", new ImprovementPlanRequest(repA1, first!.Reviews.Single(r => r.MemberId == repA1).Id,
            [new("Shadow two demos", repA1, new DateOnly(2026, 11, 30), null), new("Weekly pipeline review", repA1, new DateOnly(2026, 11, 30), null)], null), ApiWorld.Json))
            .Content.ReadFromJsonAsync<ImprovementPlanResponse>(ApiWorld.Json);
        var next = await (await api.PostAsJsonAsync("/api/v1/reviews/cycles", new ReviewCycleRequest("November", new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30), null), ApiWorld.Json))
            .Content.ReadFromJsonAsync<ReviewCycleDetail>(ApiWorld.Json);
        var path = $"/reviews/{next!.Reviews.Single(r => r.MemberId == repA1).Id}";

        using var manager = world.Host.CreateClient();
        await WebTestHost.SignInAsync(manager, "managerA@example.com");
        var page = await manager.GetStringAsync(new Uri(path, UriKind.Relative));
        Assert.Contains("Shadow two demos", page, StringComparison.Ordinal);
        var saved = await WebTestHost.PostFormAsync(manager, path, path, new Dictionary<string, string>
        {
            ["_handler"] = "plan-status",
            ["PlanStatus.Rows[0].PlanId"] = $"{plan!.Id}", ["PlanStatus.Rows[0].Index"] = "0", ["PlanStatus.Rows[0].Version"] = $"{plan.Version}", ["PlanStatus.Rows[0].Status"] = "Done",
            ["PlanStatus.Rows[1].PlanId"] = $"{plan.Id}", ["PlanStatus.Rows[1].Index"] = "1", ["PlanStatus.Rows[1].Version"] = $"{plan.Version}", ["PlanStatus.Rows[1].Status"] = "Open",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await using var db = world.Host.Database.CreateContext(world.Host.OrgId);
        Assert.Equal([ImprovementStatus.Done, ImprovementStatus.Open], (await db.ImprovementPlans.SingleAsync()).Items.Select(i => i.Status));
    }
}
