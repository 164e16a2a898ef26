using System.Net;
using System.Net.Http.Json;
using Headroom.Goals;
using Headroom.Tests.Web;
using Headroom.Web.Goals;

namespace Headroom.Tests.Goals;

[Trait("Category", "Integration")]
public sealed class RepHomeGoalsTests
{
    [Fact]
    public async Task RepsHome_ShowsTheirOwnRunningGoals_WithPace_AndNoOneElses()
    {
        await using var world = await ApiWorld.CreateAsync();
        var manager = world.Client(ApiWorld.ManagerA);
        async Task CreateAsync(string name, long member, DateOnly start)
        {
            var response = await manager.PostAsJsonAsync("/api/v1/goals", new GoalRequest(name, null, null, GoalOwnerKind.Member, null, member,
                GoalMetric.DealsWon, null, GoalPeriodKind.Month, start, null, 5, null, null), ApiWorld.Json);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }
        // The clock is 2 November 2026.
        await CreateAsync("Win five deals in November", world.MemberIds[ApiWorld.RepA1], new DateOnly(2026, 11, 1));
        await CreateAsync("A goal of last month", world.MemberIds[ApiWorld.RepA1], new DateOnly(2026, 10, 1));
        await CreateAsync("Someone else's goal", world.MemberIds[ApiWorld.RepA2], new DateOnly(2026, 11, 1));

        var home = await world.Client(ApiWorld.RepA1).GetStringAsync(new Uri("/", UriKind.Relative));

        Assert.Contains("my-goals-heading", home, StringComparison.Ordinal);
        Assert.Contains("Win five deals in November", home, StringComparison.Ordinal);
        Assert.DoesNotContain("A goal of last month", home, StringComparison.Ordinal);
        Assert.DoesNotContain("Someone else&#x27;s goal", home, StringComparison.Ordinal);
        var other = await world.Client(ApiWorld.RepB).GetStringAsync(new Uri("/", UriKind.Relative));
        Assert.Contains("No goal of yours runs today.", other, StringComparison.Ordinal);
    }
}
