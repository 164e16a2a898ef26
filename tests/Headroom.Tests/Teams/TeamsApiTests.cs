using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Headroom.Organizations;
using Headroom.Tests.Members;
using Headroom.Tests.Web;
using Headroom.Web.Api;
using Headroom.Web.Teams;
using Microsoft.EntityFrameworkCore;

namespace Headroom.Tests.Teams;

[Trait("Category", "Integration")]
public class TeamsApiTests
{
    [Fact]
    public async Task Admin_BuildsATree_AndTheListCountsMembersAndSubTeams()
    {
        await using var world = await ApiWorld.CreateAsync();
        var admin = world.Client(ApiWorld.Admin);
        var response = await admin.PostAsJsonAsync("/api/v1/teams", new TeamRequest("East", null, world.MemberIds[ApiWorld.ManagerA]), ApiWorld.Json);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var east = await response.Content.ReadFromJsonAsync<TeamResponse>(ApiWorld.Json);
        var teamA = await CurrentAsync(world, world.TeamIds[ApiWorld.TeamA]);
        var moved = await admin.PutAsJsonAsync($"/api/v1/teams/{teamA.Id}", new TeamRequest("Team A", east!.Id, teamA.ManagerId, teamA.Version), ApiWorld.Json);
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);

        var list = await admin.GetFromJsonAsync<PagedList<TeamResponse>>("/api/v1/teams?sort=-members", ApiWorld.Json);
        Assert.Equal(["Team A", "Team B", "East"], list!.Items.Select(t => t.Name));
        var a = list.Items[0];
        Assert.Equal((4, 0, east.Id, "East", "managerA"), (a.MemberCount, a.SubTeamCount, a.ParentTeamId, a.ParentTeamName, a.ManagerName));
        Assert.Equal(1, list.Items[2].SubTeamCount);
        var children = await admin.GetFromJsonAsync<PagedList<TeamResponse>>($"/api/v1/teams?parentTeamId={east.Id}", ApiWorld.Json);
        Assert.Equal("Team A", Assert.Single(children!.Items).Name);

        // managerA manages East now, so the subtree below it is theirs to read.
        var managerView = await world.Client(ApiWorld.ManagerA).GetFromJsonAsync<PagedList<TeamResponse>>("/api/v1/teams", ApiWorld.Json);
        Assert.Equal(["East", "Team A"], managerView!.Items.Select(t => t.Name));
    }

    [Fact]
    public async Task Cycles_AreRefusedOnTheParentField()
    {
        await using var world = await ApiWorld.CreateAsync();
        var admin = world.Client(ApiWorld.Admin);
        var child = await (await admin.PostAsJsonAsync("/api/v1/teams", new TeamRequest("A1", world.TeamIds[ApiWorld.TeamA], null), ApiWorld.Json))
            .Content.ReadFromJsonAsync<TeamResponse>(ApiWorld.Json);
        var grandchild = await (await admin.PostAsJsonAsync("/api/v1/teams", new TeamRequest("A1x", child!.Id, null), ApiWorld.Json))
            .Content.ReadFromJsonAsync<TeamResponse>(ApiWorld.Json);
        var teamA = await CurrentAsync(world, world.TeamIds[ApiWorld.TeamA]);
        foreach (var parent in new[] { teamA.Id, child.Id, grandchild!.Id })
        {
            var response = await admin.PutAsJsonAsync($"/api/v1/teams/{teamA.Id}", new TeamRequest("Team A", parent, teamA.ManagerId, teamA.Version), ApiWorld.Json);
            await ProblemAssert.FieldErrorAsync(response, "parentTeamId");
        }
        Assert.Null((await CurrentAsync(world, teamA.Id)).ParentTeamId);
    }

    [Fact]
    public async Task ForeignAndUnknownIds_AreRefused()
    {
        await using var world = await ApiWorld.CreateAsync();
        var admin = world.Client(ApiWorld.Admin);
        await ProblemAssert.FieldErrorAsync(await admin.PostAsJsonAsync("/api/v1/teams", new TeamRequest("X", world.TeamIds[ApiWorld.Foreign], null), ApiWorld.Json), "parentTeamId");
        await ProblemAssert.FieldErrorAsync(await admin.PostAsJsonAsync("/api/v1/teams", new TeamRequest("X", null, world.MemberIds[ApiWorld.OtherAdmin]), ApiWorld.Json), "managerId");
        await ProblemAssert.FieldErrorAsync(await admin.PostAsJsonAsync("/api/v1/teams", new TeamRequest("X", null, world.MemberIds[ApiWorld.RepA1]), ApiWorld.Json), "managerId");
        await ProblemAssert.FieldErrorAsync(await admin.PostAsJsonAsync("/api/v1/teams", new TeamRequest(" ", null, null), ApiWorld.Json), "name");
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(new Uri($"/api/v1/teams/{world.TeamIds[ApiWorld.Foreign]}", UriKind.Relative))).StatusCode);
        await using var db = world.Host.Database.CreateContext(world.Host.OrgId);
        Assert.Equal(2, await db.Teams.CountAsync());
    }

    [Fact]
    public async Task Delete_IsRefusedWhileTheTeamHasMembersOrSubTeams()
    {
        await using var world = await ApiWorld.CreateAsync();
        var admin = world.Client(ApiWorld.Admin);
        var withMembers = await admin.DeleteAsync(new Uri($"/api/v1/teams/{world.TeamIds[ApiWorld.TeamA]}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Conflict, withMembers.StatusCode);
        using (var problem = JsonDocument.Parse(await withMembers.Content.ReadAsStringAsync()))
        {
            Assert.Contains("4 member", problem.RootElement.GetProperty("errors").GetProperty("members")[0].GetString(), StringComparison.Ordinal);
        }
        var parent = await (await admin.PostAsJsonAsync("/api/v1/teams", new TeamRequest("Parent", null, null), ApiWorld.Json)).Content.ReadFromJsonAsync<TeamResponse>(ApiWorld.Json);
        var child = await (await admin.PostAsJsonAsync("/api/v1/teams", new TeamRequest("Child", parent!.Id, null), ApiWorld.Json)).Content.ReadFromJsonAsync<TeamResponse>(ApiWorld.Json);
        var withChild = await admin.DeleteAsync(new Uri($"/api/v1/teams/{parent.Id}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Conflict, withChild.StatusCode);
        using (var problem = JsonDocument.Parse(await withChild.Content.ReadAsStringAsync()))
        {
            Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty("subTeams", out _));
        }
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync(new Uri($"/api/v1/teams/{child!.Id}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync(new Uri($"/api/v1/teams/{parent.Id}", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task StaleVersion_IsAConflict()
    {
        await using var world = await ApiWorld.CreateAsync();
        var teamA = await CurrentAsync(world, world.TeamIds[ApiWorld.TeamA]);
        var admin = world.Client(ApiWorld.Admin);
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/v1/teams/{teamA.Id}", new TeamRequest("Team Alpha", null, teamA.ManagerId, teamA.Version), ApiWorld.Json)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PutAsJsonAsync($"/api/v1/teams/{teamA.Id}", new TeamRequest("Team Omega", null, teamA.ManagerId, teamA.Version), ApiWorld.Json)).StatusCode);
        Assert.Equal("Team Alpha", (await CurrentAsync(world, teamA.Id)).Name);
    }

    private static async Task<Team> CurrentAsync(ApiWorld world, long id)
    {
        await using var db = world.Host.Database.CreateContext(world.Host.OrgId);
        return await db.Teams.AsNoTracking().SingleAsync(t => t.Id == id);
    }
}
