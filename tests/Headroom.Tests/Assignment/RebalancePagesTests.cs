using System.Net;
using Headroom.FollowUps;
using Headroom.Tests.Web;

namespace Headroom.Tests.Assignment;

[Trait("Category", "Integration")]
public class RebalancePagesTests
{
    [Fact]
    public async Task Manager_SeesTheProposalOfTheirTeam_ARepDoesNot_AndOtherTeams404()
    {
        await using var world = await ApiWorld.CreateAsync();
        var now = world.Host.Clock.GetUtcNow().UtcDateTime;
        await using (var db = world.Host.Database.CreateContext(world.Host.OrgId))
        {
            for (var i = 1; i <= 5; i++)
            {
                db.FollowUps.Add(new FollowUp { Title = $"tender {i}", AssigneeId = world.MemberIds[ApiWorld.RepA1], DueUtc = now.AddDays(3), EffortHours = 20 });
            }
            await db.SaveChangesAsync();
        }
        var manager = world.Client(ApiWorld.ManagerA);
        var page = await manager.GetStringAsync(new Uri($"/workload/rebalance?teamId={world.TeamIds[ApiWorld.TeamA]}", UriKind.Relative));
        Assert.Contains("Apply selected moves", page, StringComparison.Ordinal);
        Assert.Contains("Follow-up: tender", page, StringComparison.Ordinal);
        Assert.Contains("runner-up", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync(new Uri($"/workload/rebalance?teamId={world.TeamIds[ApiWorld.TeamB]}", UriKind.Relative))).StatusCode);
        var heatmap = await manager.GetStringAsync(new Uri($"/workload?teamId={world.TeamIds[ApiWorld.TeamA]}", UriKind.Relative));
        Assert.Contains($"href=\"/workload/rebalance?teamId={world.TeamIds[ApiWorld.TeamA]}\"", heatmap, StringComparison.Ordinal);

        var teamB = await world.Client(ApiWorld.ManagerB).GetStringAsync(new Uri($"/workload/rebalance?teamId={world.TeamIds[ApiWorld.TeamB]}", UriKind.Relative));
        Assert.Contains("Everyone is within the healthy band", teamB, StringComparison.Ordinal);

        var rep = await world.Client(ApiWorld.RepA1).GetStringAsync(new Uri("/workload/rebalance", UriKind.Relative));
        Assert.Contains("Only managers and administrators may rebalance a team.", rep, StringComparison.Ordinal);
        Assert.DoesNotContain("tender", rep, StringComparison.Ordinal);

        var log = await world.Client(ApiWorld.RepA1).GetStringAsync(new Uri("/assignment/log", UriKind.Relative));
        // Nothing rebalanced yet: the rep's log shows only their own records being given to them.
        Assert.Contains("account of repA1", log, StringComparison.Ordinal);
        Assert.DoesNotContain("account of repA2", log, StringComparison.Ordinal);
    }
}
