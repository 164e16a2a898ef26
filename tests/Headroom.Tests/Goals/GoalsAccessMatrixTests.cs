using System.Net.Http.Json;
using Headroom.Goals;
using Headroom.Tests.Web;
using Headroom.Web.Api;
using Headroom.Web.Goals;
using Microsoft.EntityFrameworkCore;

namespace Headroom.Tests.Goals;

// Every goals endpoint × every principal × a goal of every owner (organization, both teams, each
// member, another organization), against AccessRules.
[Trait("Category", "Integration")]
public class GoalsAccessMatrixTests
{
    private static readonly string[] GoalOwners = [ApiWorld.OrgGoal, ApiWorld.TeamA, ApiWorld.TeamB, .. ApiWorld.Owners, ApiWorld.Foreign];

    private static async Task<Dictionary<string, long>> SeedGoalsAsync(ApiWorld world)
    {
        var ids = new Dictionary<string, long>();
        foreach (var owner in GoalOwners)
        {
            ids[owner] = await AddGoalAsync(world, owner);
        }
        return ids;
    }

    private static async Task<long> AddGoalAsync(ApiWorld world, string owner)
    {
        await using var db = world.Host.Database.CreateContext(world.OrgOf(owner));
        var goal = new Goal
        {
            Name = $"goal of {owner}", Metric = GoalMetric.WonRevenue, PeriodKind = GoalPeriodKind.Quarter,
            StartDate = new DateOnly(2026, 10, 1), EndDate = new DateOnly(2026, 12, 31), Target = 1_000_00,
        };
        switch (owner)
        {
            case ApiWorld.OrgGoal or ApiWorld.Foreign:
                goal.OwnerKind = GoalOwnerKind.Organization;
                break;
            case ApiWorld.TeamA or ApiWorld.TeamB:
                (goal.OwnerKind, goal.TeamId) = (GoalOwnerKind.Team, world.TeamIds[owner]);
                break;
            default:
                (goal.OwnerKind, goal.MemberId) = (GoalOwnerKind.Member, world.MemberIds[owner]);
                break;
        }
        db.Goals.Add(goal);
        await db.SaveChangesAsync();
        return goal.Id;
    }

    [Fact]
    public async Task EveryEndpoint_EveryPrincipal_EveryGoal_AnswersAsTheRuleTableSays()
    {
        await using var world = await ApiWorld.CreateAsync();
        var ids = await SeedGoalsAsync(world);
        var mismatches = new List<string>();
        void Check(string what, string principal, string owner, int expected, int actual)
        {
            if (expected != actual)
            {
                mismatches.Add($"{what} by {principal} on {owner}'s goal: expected {expected}, got {actual}");
            }
        }

        foreach (var principal in ApiWorld.Principals)
        {
            var client = world.Client(principal);
            foreach (var owner in GoalOwners)
            {
                var id = ids[owner];
                var read = await client.GetAsync(new Uri($"/api/v1/goals/{id}", UriKind.Relative));
                Check("GET", principal, owner, !AccessRules.SignedIn(principal) ? 401 : AccessRules.CanSeeGoal(principal, owner) ? 200 : 404, (int)read.StatusCode);

                var version = await world.VersionAsync<Goal>(world.OrgOf(owner), id);
                var body = new GoalRequest($"goal of {owner}", "more", null, null, null, null, GoalMetric.WonRevenue, null, GoalPeriodKind.Quarter,
                    new DateOnly(2026, 10, 1), null, 2_000_00, null, null, Reason: "approved earlier in this loop", Version: version);
                var update = await client.PutAsJsonAsync($"/api/v1/goals/{id}", body, ApiWorld.Json);
                Check("PUT", principal, owner, AccessRules.ExpectedForGoal(principal, owner, 200), (int)update.StatusCode);

                var preview = await client.PostAsJsonAsync($"/api/v1/goals/{id}/cascade", new CascadeRequest(CascadeMethod.Even, null), ApiWorld.Json);
                // A member's goal has nothing below it to cascade to.
                var memberGoal = ApiWorld.Owners.Contains(owner);
                Check("POST cascade", principal, owner, AccessRules.ExpectedForGoal(principal, owner, memberGoal ? 400 : 200), (int)preview.StatusCode);

                var fresh = await AddGoalAsync(world, owner);
                var delete = await client.DeleteAsync(new Uri($"/api/v1/goals/{fresh}", UriKind.Relative));
                Check("DELETE", principal, owner, AccessRules.ExpectedForGoal(principal, owner, 204), (int)delete.StatusCode);
                await using var db = world.Host.Database.CreateContext(world.OrgOf(owner));
                Assert.Equal(delete.StatusCode == System.Net.HttpStatusCode.NoContent, !await db.Goals.AnyAsync(g => g.Id == fresh));

                var approve = await client.PostAsJsonAsync($"/api/v1/goals/{id}/approve",
                    new ApproveRequest(await world.VersionAsync<Goal>(world.OrgOf(owner), id)), ApiWorld.Json);
                Check("POST approve", principal, owner, AccessRules.ExpectedForGoal(principal, owner, 200), (int)approve.StatusCode);
            }

            // A member goal for each member: allowed for the members a manager or admin sees, a field error otherwise.
            foreach (var owner in (string[])[.. ApiWorld.Owners, ApiWorld.Foreign])
            {
                var member = world.MemberIds[owner == ApiWorld.Foreign ? ApiWorld.OtherAdmin : owner];
                var create = await client.PostAsJsonAsync("/api/v1/goals", new GoalRequest("new goal", null, null, GoalOwnerKind.Member, null, member,
                    GoalMetric.DealsWon, null, GoalPeriodKind.Month, new DateOnly(2026, 11, 1), null, 5, null, null), ApiWorld.Json);
                var expected = !AccessRules.SignedIn(principal) ? 401 : AccessRules.IsRep(principal) ? 403
                    : AccessRules.CanSee(principal, owner == ApiWorld.Foreign ? ApiWorld.Foreign : owner) ? 201 : 400;
                Check("POST", principal, owner, expected, (int)create.StatusCode);
                if (expected == 400 && (int)create.StatusCode == 400)
                {
                    Assert.Contains("\"memberId\"", await create.Content.ReadAsStringAsync(), StringComparison.Ordinal);
                }
            }
        }
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
    }

    [Fact]
    public async Task Lists_HoldExactlyTheGoalsTheSingleReadAllows()
    {
        await using var world = await ApiWorld.CreateAsync();
        var ids = await SeedGoalsAsync(world);
        foreach (var principal in ApiWorld.Principals.Where(AccessRules.SignedIn))
        {
            var list = await world.Client(principal).GetFromJsonAsync<PagedList<GoalResponse>>("/api/v1/goals?pageSize=200", ApiWorld.Json);
            var expected = GoalOwners.Where(o => AccessRules.CanSeeGoal(principal, o)).Select(o => ids[o]).Order().ToList();
            Assert.Equal(expected, list!.Items.Select(g => g.Id).Order().ToList());
            Assert.Equal(expected.Count, list.Total);
            Assert.All(list.Items, g => Assert.NotNull(g.Pace));
        }
    }

    [Fact]
    public async Task ARep_SeesTeammatesGoals_OnlyWhenTheOrganizationAllowsIt()
    {
        await using var world = await ApiWorld.CreateAsync();
        var ids = await SeedGoalsAsync(world);
        var rep = world.Client(ApiWorld.RepA1);
        var before = await rep.GetAsync(new Uri($"/api/v1/goals/{ids[ApiWorld.RepA2]}", UriKind.Relative));
        Assert.Equal(404, (int)before.StatusCode);
        await using (var db = world.Host.Database.CreateContext(world.Host.OrgId))
        {
            (await db.Organizations.SingleAsync(o => o.Id == world.Host.OrgId)).RepsSeeTeammateGoals = true;
            await db.SaveChangesAsync();
        }
        Assert.Equal(200, (int)(await rep.GetAsync(new Uri($"/api/v1/goals/{ids[ApiWorld.RepA2]}", UriKind.Relative))).StatusCode);
        // Teammates only: the other team's rep stays out, and reading is not setting.
        Assert.Equal(404, (int)(await rep.GetAsync(new Uri($"/api/v1/goals/{ids[ApiWorld.RepB]}", UriKind.Relative))).StatusCode);
        Assert.Equal(403, (int)(await rep.DeleteAsync(new Uri($"/api/v1/goals/{ids[ApiWorld.RepA2]}", UriKind.Relative))).StatusCode);
    }
}
