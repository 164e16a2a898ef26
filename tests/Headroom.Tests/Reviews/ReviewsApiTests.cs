using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Headroom.Deals;
using Headroom.Goals;
using Headroom.Reviews;
using Headroom.Tests.Web;
using Headroom.Web.Reviews;
using Microsoft.EntityFrameworkCore;

namespace Headroom.Tests.Reviews;

// A review cycle through the API with the access world: manager A reviews team A (rep A1, rep A2 and
// the disabled rep); manager B, rep B and the other organization's admin see none of it.
[Trait("Category", "Integration")]
public class ReviewsApiTests
{
    private static readonly DateOnly Start = new(2026, 10, 1), End = new(2026, 10, 31);

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.True(expected == response.StatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<T>(ApiWorld.Json))!;
    }

    private static async Task<Dictionary<string, string[]>> ErrorsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("errors").Deserialize<Dictionary<string, string[]>>()!;
    }

    private static Task<HttpResponseMessage> AdvanceAsync(HttpClient client, ReviewCycleDetail cycle) =>
        client.PostAsJsonAsync($"/api/v1/reviews/cycles/{cycle.Id}/advance", new AdvanceRequest(cycle.Version), ApiWorld.Json);

    private static async Task<ReviewCycleDetail> CycleAsync(HttpClient client, long id) =>
        (await client.GetFromJsonAsync<ReviewCycleDetail>($"/api/v1/reviews/cycles/{id}", ApiWorld.Json))!;

    private static async Task<ReviewDetail> ReviewAsync(HttpClient client, long id) =>
        (await client.GetFromJsonAsync<ReviewDetail>($"/api/v1/reviews/{id}", ApiWorld.Json))!;

    private static List<RatingRequest> RateAll(ReviewDetail review, int rating) =>
        [.. review.Items.Where(i => i.Kind == ScorecardItemKind.Competency).Select(i => new RatingRequest(i.Id, rating, $"comment on {i.Name}"))];

    private static ScorecardRequest Card(int revenueWeight, long? version) => new("Field sales",
    [
        new(null, ScorecardItemKind.Kpi, GoalMetric.WonRevenue, null, revenueWeight, 1_000_00),
        new(null, ScorecardItemKind.Kpi, GoalMetric.WinRate, null, 20, 2500),
        new(null, ScorecardItemKind.Competency, null, "Product knowledge", 20, null),
        new(null, ScorecardItemKind.Competency, null, "Teamwork", 20, null),
    ], version);

    [Fact]
    public async Task Scorecard_DefaultUntilSaved_AdminsOnly_WeightsMustAddUpTo100_StaleIs409()
    {
        await using var world = await ApiWorld.CreateAsync();
        var admin = world.Client(ApiWorld.Admin);
        var initial = await admin.GetFromJsonAsync<ScorecardResponse>("/api/v1/reviews/scorecard", ApiWorld.Json);
        Assert.True(initial!.IsDefault);
        Assert.Equal(0, initial.Version);
        Assert.Equal(100, initial.Items.Sum(i => i.Weight));

        var byManager = await world.Client(ApiWorld.ManagerA).PutAsJsonAsync("/api/v1/reviews/scorecard", Card(40, 0), ApiWorld.Json);
        Assert.Equal(HttpStatusCode.Forbidden, byManager.StatusCode);

        var errors = await ErrorsAsync(await admin.PutAsJsonAsync("/api/v1/reviews/scorecard", Card(30, 0), ApiWorld.Json));
        Assert.Equal("The weights add up to 90; they must add up to 100.", Assert.Single(errors["items"]));

        var manual = Card(40, 0) with { Items = [.. Card(40, 0).Items!.Take(3), new(null, ScorecardItemKind.Kpi, GoalMetric.Manual, null, 20, null)] };
        Assert.Contains("items[3].metric", (await ErrorsAsync(await admin.PutAsJsonAsync("/api/v1/reviews/scorecard", manual, ApiWorld.Json))).Keys);

        var saved = await ReadAsync<ScorecardResponse>(await admin.PutAsJsonAsync("/api/v1/reviews/scorecard", Card(40, 0), ApiWorld.Json), HttpStatusCode.OK);
        Assert.False(saved.IsDefault);
        Assert.Equal([1, 2, 3, 4], saved.Items.Select(i => i.Id));

        var stale = await admin.PutAsJsonAsync("/api/v1/reviews/scorecard", Card(40, 0), ApiWorld.Json);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);

        // Another organization never sees it.
        var other = await world.Client(ApiWorld.OtherAdmin).GetFromJsonAsync<ScorecardResponse>("/api/v1/reviews/scorecard", ApiWorld.Json);
        Assert.True(other!.IsDefault);
    }

    [Fact]
    public async Task Cycle_SelfReview_ManagerReview_Calibration_Close_WithEveryAccessRule()
    {
        await using var world = await ApiWorld.CreateAsync();
        var (admin, managerA, managerB, repA1, repB, otherAdmin) = (world.Client(ApiWorld.Admin), world.Client(ApiWorld.ManagerA),
            world.Client(ApiWorld.ManagerB), world.Client(ApiWorld.RepA1), world.Client(ApiWorld.RepB), world.Client(ApiWorld.OtherAdmin));
        await ReadAsync<ScorecardResponse>(await admin.PutAsJsonAsync("/api/v1/reviews/scorecard", Card(40, 0), ApiWorld.Json), HttpStatusCode.OK);

        // Rep A1 won 400.00 in October against a goal of 800.00: revenue scores 50; one deal closed, won: win rate 100 %.
        await using (var db = world.Host.Database.CreateContext(world.Host.OrgId))
        {
            var deal = await db.Deals.SingleAsync(d => d.Id == world.DealIds[ApiWorld.RepA1]);
            deal.StageId = await db.PipelineStages.Where(s => s.ClosesAs == DealOutcome.Won).Select(s => s.Id).FirstAsync();
            (deal.Outcome, deal.ClosedUtc) = (DealOutcome.Won, new DateTime(2026, 10, 15, 4, 0, 0, DateTimeKind.Utc));
            db.Goals.Add(new Goal
            {
                Name = "October", OwnerKind = GoalOwnerKind.Member, MemberId = world.MemberIds[ApiWorld.RepA1], Metric = GoalMetric.WonRevenue,
                PeriodKind = GoalPeriodKind.Month, StartDate = Start, EndDate = End, Target = 800_00,
            });
            await db.SaveChangesAsync();
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await repA1.PostAsJsonAsync("/api/v1/reviews/cycles", new ReviewCycleRequest("Mine", Start, End, null), ApiWorld.Json)).StatusCode);
        var foreignTeam = await managerA.PostAsJsonAsync("/api/v1/reviews/cycles", new ReviewCycleRequest("B", Start, End, [world.TeamIds[ApiWorld.TeamB]]), ApiWorld.Json);
        Assert.Contains("teamIds", (await ErrorsAsync(foreignTeam)).Keys);
        var backwards = await managerA.PostAsJsonAsync("/api/v1/reviews/cycles", new ReviewCycleRequest("Q", End, Start, null), ApiWorld.Json);
        Assert.Contains("periodEnd", (await ErrorsAsync(backwards)).Keys);

        var cycle = await ReadAsync<ReviewCycleDetail>(
            await managerA.PostAsJsonAsync("/api/v1/reviews/cycles", new ReviewCycleRequest("October review", Start, End, [world.TeamIds[ApiWorld.TeamA]]), ApiWorld.Json),
            HttpStatusCode.Created);
        Assert.Equal(ReviewCycleState.Draft, cycle.State);
        Assert.Equal([ApiWorld.Disabled, ApiWorld.RepA1, ApiWorld.RepA2], cycle.Reviews.Select(r => r.MemberName).Order());
        var a1Review = cycle.Reviews.Single(r => r.MemberId == world.MemberIds[ApiWorld.RepA1]).Id;
        var a2Review = cycle.Reviews.Single(r => r.MemberId == world.MemberIds[ApiWorld.RepA2]).Id;

        // Outside the scope: 404 for the other manager, the other team's rep and the other organization.
        foreach (var outsider in new[] { managerB, repB, otherAdmin })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/v1/reviews/cycles/{cycle.Id}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/v1/reviews/{a1Review}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostAsJsonAsync($"/api/v1/reviews/cycles/{cycle.Id}/advance", new AdvanceRequest(cycle.Version), ApiWorld.Json)).StatusCode);
        }
        // A rep sees the cycle with their own review only, and cannot move it on.
        var asRep = await CycleAsync(repA1, cycle.Id);
        Assert.Equal(a1Review, Assert.Single(asRep.Reviews).Id);
        Assert.False(asRep.CanAdvance);
        Assert.Equal(HttpStatusCode.Forbidden, (await AdvanceAsync(repA1, cycle)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await repA1.GetAsync($"/api/v1/reviews/{a2Review}")).StatusCode);
        Assert.Equal(a1Review, Assert.Single((await repA1.GetFromJsonAsync<Headroom.Web.Api.PagedList<ReviewCycleSummary>>("/api/v1/reviews/cycles", ApiWorld.Json))!.Items).MyReviewId);

        // Self-review is closed in Draft.
        var draft = await ReviewAsync(repA1, a1Review);
        Assert.Equal(HttpStatusCode.Conflict, (await repA1.PutAsJsonAsync($"/api/v1/reviews/{a1Review}/self", new SelfReviewRequest("early", [], false, draft.Version), ApiWorld.Json)).StatusCode);

        cycle = await ReadAsync<ReviewCycleDetail>(await AdvanceAsync(managerA, cycle), HttpStatusCode.OK);
        Assert.Equal(ReviewCycleState.SelfReview, cycle.State);
        Assert.Equal(HttpStatusCode.Conflict, (await AdvanceAsync(managerA, cycle with { Version = cycle.Version - 1 })).StatusCode);

        // Only the member writes the self part; the manager's own attempt is refused, a rep's on a teammate is not found.
        var mine = await ReviewAsync(repA1, a1Review);
        Assert.True(mine.CanEditSelf);
        Assert.Null(mine.ManagerRatings);
        Assert.Null(mine.Kpis);
        Assert.Equal(HttpStatusCode.Forbidden, (await managerA.PutAsJsonAsync($"/api/v1/reviews/{a1Review}/self", new SelfReviewRequest("by manager", [], false, mine.Version), ApiWorld.Json)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await repA1.PutAsJsonAsync($"/api/v1/reviews/{a2Review}/self", new SelfReviewRequest("by teammate", [], false, 0), ApiWorld.Json)).StatusCode);
        var badRating = await repA1.PutAsJsonAsync($"/api/v1/reviews/{a1Review}/self", new SelfReviewRequest("x", [new RatingRequest(3, 6, null)], false, mine.Version), ApiWorld.Json);
        Assert.Contains("ratings[0].rating", (await ErrorsAsync(badRating)).Keys);
        var noText = await repA1.PutAsJsonAsync($"/api/v1/reviews/{a1Review}/self", new SelfReviewRequest(" ", [], true, mine.Version), ApiWorld.Json);
        Assert.Contains("selfReview", (await ErrorsAsync(noText)).Keys);
        // The manager does not read a draft self-review.
        var drafted = await ReadAsync<ReviewDetail>(await repA1.PutAsJsonAsync($"/api/v1/reviews/{a1Review}/self",
            new SelfReviewRequest("Draft words", RateAll(mine, 3), false, mine.Version), ApiWorld.Json), HttpStatusCode.OK);
        Assert.Null((await ReviewAsync(managerA, a1Review)).SelfReview);
        var stale = await repA1.PutAsJsonAsync($"/api/v1/reviews/{a1Review}/self", new SelfReviewRequest("old", [], false, mine.Version), ApiWorld.Json);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var submitted = await ReadAsync<ReviewDetail>(await repA1.PutAsJsonAsync($"/api/v1/reviews/{a1Review}/self",
            new SelfReviewRequest("I opened two new accounts.", RateAll(mine, 4), true, drafted.Version), ApiWorld.Json), HttpStatusCode.OK);
        Assert.Equal(ReviewState.SelfSubmitted, submitted.State);
        Assert.Equal("I opened two new accounts.", (await ReviewAsync(managerA, a1Review)).SelfReview);

        // Rep A2 keeps a draft and never submits it: it stays theirs after the stage ends.
        var repA2 = world.Client(ApiWorld.RepA2);
        var a2 = await ReviewAsync(repA2, a2Review);
        await ReadAsync<ReviewDetail>(await repA2.PutAsJsonAsync($"/api/v1/reviews/{a2Review}/self", new SelfReviewRequest("not ready", [], false, a2.Version), ApiWorld.Json), HttpStatusCode.OK);

        // The manager part waits for manager review.
        var early = await ReviewAsync(managerA, a1Review);
        Assert.Equal(HttpStatusCode.Conflict, (await managerA.PutAsJsonAsync($"/api/v1/reviews/{a1Review}/manager", new ManagerReviewRequest(RateAll(early, 4), null, true, early.Version), ApiWorld.Json)).StatusCode);
        cycle = await ReadAsync<ReviewCycleDetail>(await AdvanceAsync(managerA, cycle), HttpStatusCode.OK);
        Assert.Equal(ReviewCycleState.ManagerReview, cycle.State);

        Assert.Null((await ReviewAsync(managerA, a2Review)).SelfReview);
        Assert.Equal("not ready", (await ReviewAsync(repA2, a2Review)).SelfReview);
        var toRate = await ReviewAsync(managerA, a1Review);
        Assert.True(toRate.CanRate);
        Assert.False(toRate.KpisFrozen);
        var revenue = toRate.Kpis!.Single(k => k.Metric == GoalMetric.WonRevenue);
        Assert.Equal((400_00L, 800_00L, true, 50.0m), (revenue.Actual!.Value, revenue.Target!.Value, revenue.TargetFromGoal, revenue.Score!.Value));
        Assert.Equal(HttpStatusCode.Forbidden, (await repA1.PutAsJsonAsync($"/api/v1/reviews/{a1Review}/manager", new ManagerReviewRequest(RateAll(toRate, 5), null, true, toRate.Version), ApiWorld.Json)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await managerB.PutAsJsonAsync($"/api/v1/reviews/{a1Review}/manager", new ManagerReviewRequest(RateAll(toRate, 5), null, true, toRate.Version), ApiWorld.Json)).StatusCode);
        var partial = await managerA.PutAsJsonAsync($"/api/v1/reviews/{a1Review}/manager", new ManagerReviewRequest(RateAll(toRate, 4).Take(1).ToList(), null, true, toRate.Version), ApiWorld.Json);
        Assert.Equal("Rate every competency before submitting.", Assert.Single((await ErrorsAsync(partial))["ratings"]));

        // Revenue 50 (weight 40), win rate 1 of 1 = 100 % of 25 % → 100 (20): KPI part (40×50 + 20×100) ÷ 60 = 66.7;
        // competencies 4 and 4 → 80; overall (60×66.67 + 40×80) ÷ 100 = 72.
        var rated = await ReadAsync<ReviewDetail>(await managerA.PutAsJsonAsync($"/api/v1/reviews/{a1Review}/manager",
            new ManagerReviewRequest(RateAll(toRate, 4), "Solid month.", true, toRate.Version), ApiWorld.Json), HttpStatusCode.OK);
        Assert.Equal(ReviewState.ManagerSubmitted, rated.State);
        Assert.True(rated.KpisFrozen);
        Assert.Equal((66.7m, 80.0m, 72.0m), (rated.KpiScore!.Value, rated.CompetencyScore!.Value, rated.OverallScore!.Value));
        // The member sees none of it until the cycle passes manager review.
        var hidden = await ReviewAsync(repA1, a1Review);
        Assert.Null(hidden.ManagerRatings);
        Assert.Null(hidden.OverallScore);
        Assert.Null(Assert.Single((await CycleAsync(repA1, cycle.Id)).Reviews).OverallScore);

        // Calibration waits for every review.
        Assert.Equal(HttpStatusCode.Conflict, (await AdvanceAsync(managerA, cycle)).StatusCode);
        foreach (var other in cycle.Reviews.Where(r => r.Id != a1Review))
        {
            var review = await ReviewAsync(managerA, other.Id);
            await ReadAsync<ReviewDetail>(await managerA.PutAsJsonAsync($"/api/v1/reviews/{other.Id}/manager",
                new ManagerReviewRequest(RateAll(review, 3), null, true, review.Version), ApiWorld.Json), HttpStatusCode.OK);
        }
        cycle = await ReadAsync<ReviewCycleDetail>(await AdvanceAsync(managerA, await CycleAsync(managerA, cycle.Id)), HttpStatusCode.OK);
        Assert.Equal(ReviewCycleState.Calibration, cycle.State);
        Assert.False(cycle.CanAdvance);
        Assert.Equal(HttpStatusCode.Forbidden, (await AdvanceAsync(managerA, cycle)).StatusCode);

        // Calibration is the admins'; a changed score needs a note.
        var toCalibrate = await ReviewAsync(admin, a1Review);
        Assert.Equal(HttpStatusCode.Forbidden, (await managerA.PutAsJsonAsync($"/api/v1/reviews/{a1Review}/calibration", new CalibrationRequest(75, "up", toCalibrate.Version), ApiWorld.Json)).StatusCode);
        Assert.Contains("note", (await ErrorsAsync(await admin.PutAsJsonAsync($"/api/v1/reviews/{a1Review}/calibration", new CalibrationRequest(75, null, toCalibrate.Version), ApiWorld.Json))).Keys);
        Assert.Contains("score", (await ErrorsAsync(await admin.PutAsJsonAsync($"/api/v1/reviews/{a1Review}/calibration", new CalibrationRequest(100.5m, "x", toCalibrate.Version), ApiWorld.Json))).Keys);
        var calibrated = await ReadAsync<ReviewDetail>(await admin.PutAsJsonAsync($"/api/v1/reviews/{a1Review}/calibration",
            new CalibrationRequest(75, "Opened the biggest new account in the region.", toCalibrate.Version), ApiWorld.Json), HttpStatusCode.OK);
        Assert.Equal((ReviewState.Calibrated, 75m), (calibrated.State, calibrated.CalibratedScore!.Value));

        // Now the member reads the manager part.
        var shown = await ReviewAsync(repA1, a1Review);
        Assert.Equal("Solid month.", shown.ManagerComment);
        Assert.Equal((72.0m, 75m), (shown.OverallScore!.Value, shown.CalibratedScore!.Value));

        cycle = await ReadAsync<ReviewCycleDetail>(await AdvanceAsync(admin, cycle), HttpStatusCode.OK);
        Assert.Equal(ReviewCycleState.Closed, cycle.State);
        Assert.Equal(HttpStatusCode.Conflict, (await AdvanceAsync(admin, cycle)).StatusCode);
    }

    [Fact]
    public async Task ImprovementPlan_WrittenByTheManager_ReadByTheMember_ComesBackInTheNextReview()
    {
        await using var world = await ApiWorld.CreateAsync();
        var (managerA, repA1, repB, managerB) = (world.Client(ApiWorld.ManagerA), world.Client(ApiWorld.RepA1), world.Client(ApiWorld.RepB), world.Client(ApiWorld.ManagerB));
        var repA1Id = world.MemberIds[ApiWorld.RepA1];
        var first = await ReadAsync<ReviewCycleDetail>(await managerA.PostAsJsonAsync("/api/v1/reviews/cycles",
            new ReviewCycleRequest("October", Start, End, null), ApiWorld.Json), HttpStatusCode.Created);
        var firstReview = first.Reviews.Single(r => r.MemberId == repA1Id).Id;

        var items = new List<ImprovementItemRequest> { new("Shadow two demos", repA1Id, new DateOnly(2026, 11, 30), null), new("Review the pipeline weekly", world.MemberIds[ApiWorld.ManagerA], new DateOnly(2026, 12, 15), null) };
        Assert.Equal(HttpStatusCode.Forbidden, (await repA1.PostAsJsonAsync("/api/v1/improvement-plans", new ImprovementPlanRequest(repA1Id, firstReview, items, null), ApiWorld.Json)).StatusCode);
        var foreignOwner = await managerA.PostAsJsonAsync("/api/v1/improvement-plans",
            new ImprovementPlanRequest(repA1Id, firstReview, [new("x", world.MemberIds[ApiWorld.RepB], new DateOnly(2026, 11, 30), null)], null), ApiWorld.Json);
        Assert.Contains("items[0].ownerId", (await ErrorsAsync(foreignOwner)).Keys);
        var notMine = await managerB.PostAsJsonAsync("/api/v1/improvement-plans", new ImprovementPlanRequest(repA1Id, null, items, null), ApiWorld.Json);
        Assert.Contains("memberId", (await ErrorsAsync(notMine)).Keys);

        var plan = await ReadAsync<ImprovementPlanResponse>(await managerA.PostAsJsonAsync("/api/v1/improvement-plans",
            new ImprovementPlanRequest(repA1Id, firstReview, items, null), ApiWorld.Json), HttpStatusCode.Created);
        Assert.Equal(["repA1", "managerA"], plan.Items.Select(i => i.OwnerName));
        Assert.Equal("October", plan.CycleName);
        Assert.Equal(plan.Id, (await repA1.GetFromJsonAsync<ImprovementPlanResponse>($"/api/v1/improvement-plans/{plan.Id}", ApiWorld.Json))!.Id);
        Assert.Equal(HttpStatusCode.NotFound, (await repB.GetAsync($"/api/v1/improvement-plans/{plan.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await repA1.PutAsJsonAsync($"/api/v1/improvement-plans/{plan.Id}", new ImprovementPlanRequest(null, null, items, plan.Version), ApiWorld.Json)).StatusCode);

        var done = await ReadAsync<ImprovementPlanResponse>(await managerA.PutAsJsonAsync($"/api/v1/improvement-plans/{plan.Id}",
            new ImprovementPlanRequest(null, null, [items[0] with { Status = ImprovementStatus.Done }, items[1]], plan.Version), ApiWorld.Json), HttpStatusCode.OK);
        Assert.Equal(ImprovementStatus.Done, done.Items[0].Status);
        Assert.Equal(HttpStatusCode.Conflict, (await managerA.PutAsJsonAsync($"/api/v1/improvement-plans/{plan.Id}", new ImprovementPlanRequest(null, null, items, plan.Version), ApiWorld.Json)).StatusCode);

        // The next cycle's review of the rep carries the plan over; the first review shows it as its own.
        var next = await ReadAsync<ReviewCycleDetail>(await managerA.PostAsJsonAsync("/api/v1/reviews/cycles",
            new ReviewCycleRequest("November", new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30), null), ApiWorld.Json), HttpStatusCode.Created);
        var nextReview = await ReviewAsync(repA1, next.Reviews.Single(r => r.MemberId == repA1Id).Id);
        Assert.Equal(plan.Id, Assert.Single(nextReview.EarlierPlans).Id);
        var firstAsManager = await ReviewAsync(managerA, firstReview);
        Assert.Equal(plan.Id, firstAsManager.Plan!.Id);
        Assert.Empty(firstAsManager.EarlierPlans);
    }

    [Fact]
    public async Task Manager_ReviewsTheSubTeams_TooButNotAnotherTeamOrOrganization()
    {
        await using var world = await ApiWorld.CreateAsync();
        long subTeam;
        await using (var db = world.Host.Database.CreateContext(world.Host.OrgId))
        {
            var team = db.Teams.Add(new Headroom.Organizations.Team { Name = "Team A east", ParentTeamId = world.TeamIds[ApiWorld.TeamA] }).Entity;
            await db.SaveChangesAsync();
            subTeam = team.Id;
        }
        var east = (await world.Host.AddUserAsync("east@example.com", teamId: subTeam)).MemberId;
        var managerA = world.Client(ApiWorld.ManagerA);
        var cycle = await ReadAsync<ReviewCycleDetail>(await managerA.PostAsJsonAsync("/api/v1/reviews/cycles",
            new ReviewCycleRequest("October", Start, End, [world.TeamIds[ApiWorld.TeamA]]), ApiWorld.Json), HttpStatusCode.Created);
        Assert.Contains(cycle.Reviews, r => r.MemberId == east);
        Assert.DoesNotContain(cycle.Reviews, r => r.MemberId == world.MemberIds[ApiWorld.RepB]);
        var eastReview = cycle.Reviews.Single(r => r.MemberId == east).Id;
        Assert.Equal(HttpStatusCode.OK, (await managerA.GetAsync($"/api/v1/reviews/{eastReview}")).StatusCode);

        // The admin's cycle of the whole organization: manager B sees only team B's reviews in it.
        var whole = await ReadAsync<ReviewCycleDetail>(await world.Client(ApiWorld.Admin).PostAsJsonAsync("/api/v1/reviews/cycles",
            new ReviewCycleRequest("Everyone", Start, End, null), ApiWorld.Json), HttpStatusCode.Created);
        Assert.Contains(whole.Reviews, r => r.MemberId == world.MemberIds[ApiWorld.ManagerA]);
        var asManagerB = await CycleAsync(world.Client(ApiWorld.ManagerB), whole.Id);
        Assert.Equal([world.MemberIds[ApiWorld.ManagerB], world.MemberIds[ApiWorld.RepB]], asManagerB.Reviews.Select(r => r.MemberId).Order());
        // Nobody rates their own review, not even a manager who can see it.
        var own = asManagerB.Reviews.Single(r => r.MemberId == world.MemberIds[ApiWorld.ManagerB]);
        Assert.False((await ReviewAsync(world.Client(ApiWorld.ManagerB), own.Id)).CanRate);

        // Another organization's admin sees none of it, and a cycle of theirs never names these teams.
        var other = world.Client(ApiWorld.OtherAdmin);
        Assert.Empty((await other.GetFromJsonAsync<Headroom.Web.Api.PagedList<ReviewCycleSummary>>("/api/v1/reviews/cycles", ApiWorld.Json))!.Items);
        var foreign = await other.PostAsJsonAsync("/api/v1/reviews/cycles", new ReviewCycleRequest("Steal", Start, End, [world.TeamIds[ApiWorld.TeamA]]), ApiWorld.Json);
        Assert.Contains("teamIds", (await ErrorsAsync(foreign)).Keys);
    }
}
