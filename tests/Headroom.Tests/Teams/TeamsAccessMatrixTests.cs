using System.Net.Http.Json;
using Headroom.Organizations;
using Headroom.Tests.Web;
using Headroom.Web.Api;
using Headroom.Web.Teams;
using Microsoft.EntityFrameworkCore;

namespace Headroom.Tests.Teams;

// Every teams endpoint × every principal × Team A, Team B and another organization's team,
// against AccessRules (docs/decisions/0015): reads follow the team scope, only admins write.
[Trait("Category", "Integration")]
public class TeamsAccessMatrixTests
{
    private static readonly string[] Records = [ApiWorld.TeamA, ApiWorld.TeamB, ApiWorld.Foreign];

    [Fact]
    public async Task EveryEndpoint_EveryPrincipal_EveryTeam_AnswersAsTheRuleTableSays()
    {
        await using var world = await ApiWorld.CreateAsync();
        var mismatches = new List<string>();
        void Check(string what, string principal, string team, int expected, int actual)
        {
            if (expected != actual)
            {
                mismatches.Add($"{what} by {principal} on {team}: expected {expected}, got {actual}");
            }
        }

        foreach (var principal in ApiWorld.Principals)
        {
            var client = world.Client(principal);
            foreach (var team in Records)
            {
                var id = world.TeamIds[team];
                var orgId = world.OrgOf(team);
                var visible = !AccessRules.SignedIn(principal) ? 401 : !AccessRules.CanSeeTeam(principal, team) ? 404 : 0;
                Check("GET", principal, team, visible == 0 ? 200 : visible, (int)(await client.GetAsync(new Uri($"/api/v1/teams/{id}", UriKind.Relative))).StatusCode);

                var current = await CurrentAsync(world, orgId, id);
                var update = await client.PutAsJsonAsync($"/api/v1/teams/{id}", new TeamRequest(current.Name, current.ParentTeamId, current.ManagerId, current.Version), ApiWorld.Json);
                Check("PUT", principal, team, visible == 0 ? (AccessRules.IsAdmin(principal) ? 200 : 403) : visible, (int)update.StatusCode);

                long child;
                await using (var db = world.Host.Database.CreateContext(orgId))
                {
                    var row = db.Teams.Add(new Team { Name = $"under {team} for {principal}", ParentTeamId = id }).Entity;
                    await db.SaveChangesAsync();
                    child = row.Id;
                }
                var delete = await client.DeleteAsync(new Uri($"/api/v1/teams/{child}", UriKind.Relative));
                var deleteExpected = !AccessRules.SignedIn(principal) ? 401 : !AccessRules.CanSeeSubTeamOf(principal, team) ? 404 : AccessRules.IsAdmin(principal) ? 204 : 403;
                Check("DELETE", principal, team, deleteExpected, (int)delete.StatusCode);
                await using (var db = world.Host.Database.CreateContext(orgId))
                {
                    Assert.Equal(delete.StatusCode == System.Net.HttpStatusCode.NoContent, !await db.Teams.AnyAsync(t => t.Id == child));
                    await db.Teams.Where(t => t.Id == child).ExecuteDeleteAsync();
                }
            }

            var create = await client.PostAsJsonAsync("/api/v1/teams", new TeamRequest($"new of {principal}", null, null), ApiWorld.Json);
            Check("POST", principal, "new", !AccessRules.SignedIn(principal) ? 401 : AccessRules.IsAdmin(principal) ? 201 : 403, (int)create.StatusCode);
            if (create.StatusCode == System.Net.HttpStatusCode.Created)
            {
                var created = await create.Content.ReadFromJsonAsync<TeamResponse>(ApiWorld.Json);
                Assert.Equal(System.Net.HttpStatusCode.NoContent, (await client.DeleteAsync(new Uri($"/api/v1/teams/{created!.Id}", UriKind.Relative))).StatusCode);
            }
        }
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
    }

    [Fact]
    public async Task Lists_HoldExactlyTheTeamsTheSingleReadAllows()
    {
        await using var world = await ApiWorld.CreateAsync();
        foreach (var principal in ApiWorld.Principals.Where(AccessRules.SignedIn))
        {
            var client = world.Client(principal);
            var list = await client.GetFromJsonAsync<PagedList<TeamResponse>>("/api/v1/teams?pageSize=200", ApiWorld.Json);
            var readable = new List<long>();
            foreach (var team in Records)
            {
                if ((await client.GetAsync(new Uri($"/api/v1/teams/{world.TeamIds[team]}", UriKind.Relative))).IsSuccessStatusCode)
                {
                    readable.Add(world.TeamIds[team]);
                }
            }
            var expected = Records.Where(t => AccessRules.CanSeeTeam(principal, t)).Select(t => world.TeamIds[t]).Order().ToList();
            Assert.Equal(expected, readable.Order().ToList());
            Assert.Equal(expected, list!.Items.Select(t => t.Id).Order().ToList());
            Assert.Equal(expected.Count, list.Total);
        }
    }

    private static async Task<Team> CurrentAsync(ApiWorld world, long orgId, long id)
    {
        await using var db = world.Host.Database.CreateContext(orgId);
        return await db.Teams.AsNoTracking().SingleAsync(t => t.Id == id);
    }
}
