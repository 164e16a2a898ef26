using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Headroom.FollowUps;
using Headroom.Tests.Web;
using Headroom.Web.Workload;
using Headroom.Workload;

namespace Headroom.Tests.Workload;

[Trait("Category", "Integration")]
public class WorkloadApiTests
{
    // Every principal, with and without each team, against AccessRules: the members scored are
    // exactly the active members the caller may see; a team outside the scope answers 404.
    [Fact]
    public async Task EveryPrincipal_GetsExactlyTheMembersInScope_AndForeignTeams404()
    {
        await using var world = await ApiWorld.CreateAsync();
        var mismatches = new List<string>();
        foreach (var principal in ApiWorld.Principals)
        {
            var client = world.Client(principal);
            var response = await client.GetAsync(new Uri("/api/v1/workload", UriKind.Relative));
            if (!AccessRules.SignedIn(principal))
            {
                Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
                continue;
            }
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = (await response.Content.ReadFromJsonAsync<WorkloadResponse>(ApiWorld.Json))!;
            var expected = VisibleMembers(world, principal);
            var actual = body.Members.Select(m => m.MemberId).Order().ToList();
            if (!expected.SequenceEqual(actual))
            {
                mismatches.Add($"{principal}: expected [{string.Join(",", expected)}], got [{string.Join(",", actual)}]");
            }
            Assert.Equal(12, body.Team.Count);
            Assert.All(body.Members, m => Assert.Equal(12, m.Periods.Count));

            foreach (var team in new[] { ApiWorld.TeamA, ApiWorld.TeamB, ApiWorld.Foreign })
            {
                var byTeam = await client.GetAsync(new Uri($"/api/v1/workload?teamId={world.TeamIds[team]}", UriKind.Relative));
                var expectedStatus = AccessRules.CanSeeTeam(principal, team) ? HttpStatusCode.OK : HttpStatusCode.NotFound;
                if (byTeam.StatusCode != expectedStatus)
                {
                    mismatches.Add($"{principal} on {team}: expected {expectedStatus}, got {byTeam.StatusCode}");
                    continue;
                }
                if (byTeam.StatusCode == HttpStatusCode.OK)
                {
                    var inTeam = (await byTeam.Content.ReadFromJsonAsync<WorkloadResponse>(ApiWorld.Json))!;
                    var teamId = world.TeamIds[team];
                    Assert.All(inTeam.Members, m => Assert.Equal(teamId, m.TeamId));
                    Assert.All(inTeam.Members, m => Assert.Contains(m.MemberId, expected));
                }
            }
        }
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
    }

    [Theory]
    [InlineData("from=2026-12-10&to=2026-12-01", "to")]
    [InlineData("from=2026-01-05&to=2026-07-31", "to")]
    [InlineData("period=day&from=2026-01-01&to=2026-04-30", "to")]
    [InlineData("from=tomorrow", "from")]
    [InlineData("to=2026-13-01", "to")]
    [InlineData("period=year", "period")]
    [InlineData("period=3", "period")]
    public async Task BadRange_IsAFieldError(string query, string field)
    {
        await using var world = await ApiWorld.CreateAsync();
        var response = await world.Client(ApiWorld.Admin).GetAsync(new Uri($"/api/v1/workload?{query}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(field, out _), await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Days_AndMonths_WithinTheLimits_AreScored()
    {
        await using var world = await ApiWorld.CreateAsync();
        var client = world.Client(ApiWorld.ManagerA);
        var days = (await client.GetFromJsonAsync<WorkloadResponse>("/api/v1/workload?period=day&from=2026-01-01&to=2026-04-02", ApiWorld.Json))!;
        Assert.Equal(92, days.Team.Count);
        Assert.Equal(WorkloadPeriod.Day, days.Period);
        var months = (await client.GetFromJsonAsync<WorkloadResponse>("/api/v1/workload?period=Month&from=2026-01-15&to=2026-03-02", ApiWorld.Json))!;
        Assert.Equal((new DateOnly(2026, 1, 1), new DateOnly(2026, 3, 31)), (months.From, months.To));
        Assert.Equal(3, months.Team.Count);
    }

    [Fact]
    public async Task OpenFollowUp_IsPlannedInFull_AndShowsInTheCallersView()
    {
        await using var world = await ApiWorld.CreateAsync();
        var now = world.Host.Clock.GetUtcNow().UtcDateTime;
        await using (var db = world.Host.Database.CreateContext(world.Host.OrgId))
        {
            db.FollowUps.Add(new FollowUp
            {
                Title = "prepare the tender",
                AssigneeId = world.MemberIds[ApiWorld.RepA1],
                DueUtc = DateTime.SpecifyKind(now.Date.AddDays(10).AddHours(9), DateTimeKind.Utc),
                EffortHours = 12,
            });
            await db.SaveChangesAsync();
        }
        var body = (await world.Client(ApiWorld.RepA1).GetFromJsonAsync<WorkloadResponse>("/api/v1/workload", ApiWorld.Json))!;
        var member = Assert.Single(body.Members);
        Assert.Equal(12, member.Periods.Sum(p => p.Load.FollowUps), 6);
        Assert.All(member.Periods, p => Assert.Equal(p.Load.Total, p.Load.FollowUps + p.Load.Deals + p.Load.Accounts + p.Load.Meetings + p.Load.Overhead, 6));
        var team = (await world.Client(ApiWorld.ManagerB).GetFromJsonAsync<WorkloadResponse>("/api/v1/workload", ApiWorld.Json))!;
        Assert.DoesNotContain(team.Members, m => m.MemberId == world.MemberIds[ApiWorld.RepA1]);
    }

    private static List<long> VisibleMembers(ApiWorld world, string principal) =>
        [.. ApiWorld.Owners.Append(ApiWorld.Foreign)
            .Where(owner => AccessRules.CanSee(principal, owner))
            .Select(owner => owner == ApiWorld.Foreign ? world.MemberIds[ApiWorld.OtherAdmin] : world.MemberIds[owner])
            .Order()];
}
