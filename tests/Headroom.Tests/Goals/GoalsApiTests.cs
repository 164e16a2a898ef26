using System.Net;
using System.Net.Http.Json;
using Headroom.Goals;
using Headroom.Organizations;
using Headroom.Tests.Members;
using Headroom.Tests.Web;
using Headroom.Web.Goals;
using Microsoft.EntityFrameworkCore;

namespace Headroom.Tests.Goals;

[Trait("Category", "Integration")]
public class GoalsApiTests
{
    private static GoalRequest OrgRevenue(long target = 1_000_000_00, string? description = "Grow revenue in Q4") => new(
        "Q4 revenue", description, "Win the east", GoalOwnerKind.Organization, null, null, GoalMetric.WonRevenue, null,
        GoalPeriodKind.Quarter, new DateOnly(2026, 11, 15), null, target, null, null);

    [Fact]
    public async Task Create_NormalizesTheQuarter_AndAnswersWithPaceAndSmart()
    {
        await using var world = await ApiWorld.CreateAsync();
        var admin = world.Client(ApiWorld.Admin);
        var response = await admin.PostAsJsonAsync("/api/v1/goals", OrgRevenue(), ApiWorld.Json);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var detail = await response.Content.ReadFromJsonAsync<GoalDetail>(ApiWorld.Json);
        Assert.Equal((new DateOnly(2026, 10, 1), new DateOnly(2026, 12, 31)), (detail!.Goal.StartDate, detail.Goal.EndDate));
        Assert.Equal(GoalUnit.MinorUnits, detail.Goal.Unit);
        Assert.Equal(GoalStatus.Draft, detail.Goal.Status);
        Assert.NotNull(detail.Goal.Pace);
        Assert.Equal(0, detail.Goal.Pace.Actual);
        // Nothing was ever sold in this organization: the target is above history.
        Assert.Contains(detail.Smart.Findings, f => f.Issue == SmartIssue.AboveHistory);
        // The four quarters before, oldest first, none with a goal.
        Assert.Equal([new DateOnly(2025, 10, 1), new DateOnly(2026, 1, 1), new DateOnly(2026, 4, 1), new DateOnly(2026, 7, 1)],
            detail.Smart.Evidence.History.Select(p => p.Start));
        Assert.All(detail.Smart.Evidence.History, p => Assert.Equal((0L, (long?)null), (p.Actual!.Value, p.Target)));
        Assert.Equal(GoalChangeKind.Created, Assert.Single(detail.Changes).Kind);
    }

    [Fact]
    public async Task ALockedGoal_ChangesOnlyWithAReason_AndTheChangeIsLogged()
    {
        await using var world = await ApiWorld.CreateAsync();
        var admin = world.Client(ApiWorld.Admin);
        var created = await (await admin.PostAsJsonAsync("/api/v1/goals", OrgRevenue(), ApiWorld.Json)).Content.ReadFromJsonAsync<GoalDetail>(ApiWorld.Json);
        var id = created!.Goal.Id;
        var approved = await admin.PostAsJsonAsync($"/api/v1/goals/{id}/approve", new ApproveRequest(created.Goal.Version), ApiWorld.Json);
        var locked = await approved.Content.ReadFromJsonAsync<GoalDetail>(ApiWorld.Json);
        Assert.Equal(GoalStatus.Approved, locked!.Goal.Status);

        var body = OrgRevenue(1_200_000_00) with { Version = locked.Goal.Version };
        await ProblemAssert.FieldErrorAsync(await admin.PutAsJsonAsync($"/api/v1/goals/{id}", body, ApiWorld.Json), "reason");
        var changed = await admin.PutAsJsonAsync($"/api/v1/goals/{id}", body with { Reason = "Board raised the plan" }, ApiWorld.Json);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var after = await changed.Content.ReadFromJsonAsync<GoalDetail>(ApiWorld.Json);
        var edit = after!.Changes[^1];
        Assert.Equal((GoalChangeKind.Edited, "Board raised the plan", 1_000_000_00L, 1_200_000_00L), (edit.Kind, edit.Reason, edit.OldTarget!.Value, edit.NewTarget!.Value));
        Assert.Equal(world.MemberIds[ApiWorld.Admin], edit.ChangedById);

        // The version read before the change is stale now; an approved goal is not deleted.
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PutAsJsonAsync($"/api/v1/goals/{id}", body with { Reason = "again" }, ApiWorld.Json)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.DeleteAsync(new Uri($"/api/v1/goals/{id}", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Cascade_ByCapacity_PreviewsThenAppliesChildGoalsThatAddUp()
    {
        await using var world = await ApiWorld.CreateAsync();
        // Rep B is on leave for the whole of October: team B's capacity is two months of one rep.
        await using (var db = world.Host.Database.CreateContext(world.Host.OrgId))
        {
            db.TimeOffs.Add(new TimeOff { MemberId = world.MemberIds[ApiWorld.RepB], StartDate = new DateOnly(2026, 10, 1), EndDate = new DateOnly(2026, 10, 31) });
            await db.SaveChangesAsync();
        }
        var admin = world.Client(ApiWorld.Admin);
        var created = await (await admin.PostAsJsonAsync("/api/v1/goals", OrgRevenue(), ApiWorld.Json)).Content.ReadFromJsonAsync<GoalDetail>(ApiWorld.Json);
        var id = created!.Goal.Id;

        var preview = await (await admin.PostAsJsonAsync($"/api/v1/goals/{id}/cascade", new CascadeRequest(CascadeMethod.Capacity, GoalOwnerKind.Team), ApiWorld.Json))
            .Content.ReadFromJsonAsync<CascadePlan>(ApiWorld.Json);
        Assert.Equal([world.TeamIds[ApiWorld.TeamA], world.TeamIds[ApiWorld.TeamB]], preview!.Lines.Select(l => l.TeamId!.Value));
        var (a, b) = (preview.Lines[0], preview.Lines[1]);
        // Team A: three reps for the quarter; team B: one rep without October.
        Assert.True(b.Weight < a.Weight / 3);
        Assert.Equal(1_000_000_00, a.Target + b.Target);
        Assert.Equal(RollUpState.AddsUp, preview.RollUp.State);
        var exact = 1_000_000_00 * a.Weight / (a.Weight + b.Weight);
        Assert.InRange(a.Target, (long)Math.Floor(exact), (long)Math.Ceiling(exact));
        Assert.Null(a.ExistingGoalId);

        var applied = await admin.PostAsJsonAsync($"/api/v1/goals/{id}/cascade", new CascadeRequest(CascadeMethod.Capacity, GoalOwnerKind.Team, Apply: true, created.Goal.Version), ApiWorld.Json);
        Assert.Equal(HttpStatusCode.OK, applied.StatusCode);
        var plan = await applied.Content.ReadFromJsonAsync<CascadePlan>(ApiWorld.Json);
        Assert.All(plan!.Lines, l => Assert.NotNull(l.ExistingGoalId));
        // The same preview applied twice: the parent moved on.
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsJsonAsync($"/api/v1/goals/{id}/cascade",
            new CascadeRequest(CascadeMethod.Capacity, GoalOwnerKind.Team, Apply: true, created.Goal.Version), ApiWorld.Json)).StatusCode);

        var detail = await admin.GetFromJsonAsync<GoalDetail>($"/api/v1/goals/{id}", ApiWorld.Json);
        Assert.Equal(2, detail!.Children.Count);
        Assert.Equal(RollUpState.AddsUp, detail.RollUp!.State);
        // Team A's manager sees and sets team A's child, sees the parent, not team B's child.
        var manager = world.Client(ApiWorld.ManagerA);
        var managerView = await manager.GetFromJsonAsync<GoalDetail>($"/api/v1/goals/{id}", ApiWorld.Json);
        Assert.Equal([world.TeamIds[ApiWorld.TeamA]], managerView!.Children.Select(c => c.TeamId!.Value));
        Assert.Equal(RollUpState.AddsUp, managerView.RollUp!.State);
        // A parent with children is not deleted.
        Assert.Equal(HttpStatusCode.Conflict, (await admin.DeleteAsync(new Uri($"/api/v1/goals/{id}", UriKind.Relative))).StatusCode);

        // Team A's goal cascades on to its reps, evenly.
        var teamGoal = managerView.Children[0];
        var reps = await (await manager.PostAsJsonAsync($"/api/v1/goals/{teamGoal.Id}/cascade", new CascadeRequest(CascadeMethod.Even, GoalOwnerKind.Member), ApiWorld.Json))
            .Content.ReadFromJsonAsync<CascadePlan>(ApiWorld.Json);
        Assert.Equal(3, reps!.Lines.Count);
        Assert.Equal(teamGoal.Target, reps.Lines.Sum(l => l.Target));
        Assert.True(reps.Lines.Max(l => l.Target) - reps.Lines.Min(l => l.Target) <= 1);
    }

    [Fact]
    public async Task BadInput_NamesTheField()
    {
        await using var world = await ApiWorld.CreateAsync();
        var admin = world.Client(ApiWorld.Admin);
        async Task Refused(GoalRequest request, string field) =>
            await ProblemAssert.FieldErrorAsync(await admin.PostAsJsonAsync("/api/v1/goals", request, ApiWorld.Json), field);
        await Refused(OrgRevenue() with { Name = " " }, "name");
        await Refused(OrgRevenue() with { Metric = GoalMetric.WinRate, Target = 10_001 }, "target");
        await Refused(OrgRevenue() with { Target = -1 }, "target");
        await Refused(OrgRevenue() with { Target = null }, "target");
        await Refused(OrgRevenue() with { ActivityType = Headroom.Activities.ActivityType.Call }, "activityType");
        await Refused(OrgRevenue() with { ManualActual = 3 }, "manualActual");
        await Refused(OrgRevenue() with { PeriodKind = GoalPeriodKind.Custom, EndDate = new DateOnly(2026, 11, 1) }, "endDate");
        await Refused(OrgRevenue() with { OwnerKind = GoalOwnerKind.Team }, "teamId");
        await Refused(OrgRevenue() with { OwnerKind = GoalOwnerKind.Team, TeamId = world.TeamIds[ApiWorld.Foreign] }, "teamId");
        await Refused(OrgRevenue() with { ParentGoalId = 999_999 }, "parentGoalId");
        await ProblemAssert.FieldErrorAsync(await admin.GetAsync(new Uri("/api/v1/goals?period=Q5", UriKind.Relative)), "period");
        // A manager sets goals for their teams, not the organization's.
        await ProblemAssert.FieldErrorAsync(await world.Client(ApiWorld.ManagerA).PostAsJsonAsync("/api/v1/goals", OrgRevenue(), ApiWorld.Json), "ownerKind");
        await using var db = world.Host.Database.CreateContext(world.Host.OrgId);
        Assert.False(await db.Goals.AnyAsync());
    }

    [Fact]
    public async Task List_FiltersByPeriod_AndCheckAnswersTheSmartCheckWithoutSaving()
    {
        await using var world = await ApiWorld.CreateAsync();
        var admin = world.Client(ApiWorld.Admin);
        await admin.PostAsJsonAsync("/api/v1/goals", OrgRevenue(), ApiWorld.Json);
        await admin.PostAsJsonAsync("/api/v1/goals", OrgRevenue() with { PeriodKind = GoalPeriodKind.Month, StartDate = new DateOnly(2027, 1, 5) }, ApiWorld.Json);
        var q4 = await admin.GetFromJsonAsync<Headroom.Web.Api.PagedList<GoalResponse>>("/api/v1/goals?period=2026-Q4", ApiWorld.Json);
        Assert.Equal(GoalPeriodKind.Quarter, Assert.Single(q4!.Items).PeriodKind);
        var sorted = await admin.GetFromJsonAsync<Headroom.Web.Api.PagedList<GoalResponse>>("/api/v1/goals?sort=-start&pageSize=1", ApiWorld.Json);
        Assert.Equal((2, GoalPeriodKind.Month), (sorted!.Total, Assert.Single(sorted.Items).PeriodKind));
        var november = await admin.GetFromJsonAsync<Headroom.Web.Api.PagedList<GoalResponse>>("/api/v1/goals?period=2026-11", ApiWorld.Json);
        Assert.Single(november!.Items);

        var check = await admin.PostAsJsonAsync("/api/v1/goals/check", OrgRevenue(description: null) with { StrategyNote = null }, ApiWorld.Json);
        var smart = await check.Content.ReadFromJsonAsync<SmartResult>(ApiWorld.Json);
        Assert.Contains(smart!.Findings, f => f.Issue == SmartIssue.NoDescription);
        Assert.Contains(smart.Findings, f => f.Issue == SmartIssue.NoParentOrStrategy);
        await using var db = world.Host.Database.CreateContext(world.Host.OrgId);
        Assert.Equal(2, await db.Goals.CountAsync());
    }

    [Fact]
    public async Task Settings_AdminsSetTheRampUpCurveAndTeammateVisibility()
    {
        await using var world = await ApiWorld.CreateAsync();
        var admin = world.Client(ApiWorld.Admin);
        var settings = await admin.GetFromJsonAsync<GoalSettings>("/api/v1/goals/settings", ApiWorld.Json);
        Assert.Equal((1, "25,50,75", false), (settings!.FiscalYearStartMonth, settings.RampUpCurve, settings.RepsSeeTeammateGoals!.Value));

        await ProblemAssert.FieldErrorAsync(await admin.PutAsJsonAsync("/api/v1/goals/settings", settings with { RampUpCurve = "50,abc" }, ApiWorld.Json), "rampUpCurve");
        await ProblemAssert.FieldErrorAsync(await admin.PutAsJsonAsync("/api/v1/goals/settings", settings with { FiscalYearStartMonth = 13 }, ApiWorld.Json), "fiscalYearStartMonth");
        Assert.Equal(HttpStatusCode.Forbidden, (await world.Client(ApiWorld.ManagerA).PutAsJsonAsync("/api/v1/goals/settings", settings, ApiWorld.Json)).StatusCode);

        var changed = await admin.PutAsJsonAsync("/api/v1/goals/settings", settings with { RampUpCurve = " 50, 100 ", RepsSeeTeammateGoals = true, FiscalYearStartMonth = 4 }, ApiWorld.Json);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var after = await changed.Content.ReadFromJsonAsync<GoalSettings>(ApiWorld.Json);
        Assert.Equal((4, "50,100", true), (after!.FiscalYearStartMonth, after.RampUpCurve, after.RepsSeeTeammateGoals!.Value));
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PutAsJsonAsync("/api/v1/goals/settings", settings, ApiWorld.Json)).StatusCode);

        // With an April fiscal year, "2026-Q3" is October to December.
        var created = await (await admin.PostAsJsonAsync("/api/v1/goals", OrgRevenue(), ApiWorld.Json)).Content.ReadFromJsonAsync<GoalDetail>(ApiWorld.Json);
        Assert.Equal((new DateOnly(2026, 10, 1), new DateOnly(2026, 12, 31)), (created!.Goal.StartDate, created.Goal.EndDate));
        var q3 = await admin.GetFromJsonAsync<Headroom.Web.Api.PagedList<GoalResponse>>("/api/v1/goals?period=2026-Q3", ApiWorld.Json);
        Assert.Single(q3!.Items);
    }
}
