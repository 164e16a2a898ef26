using System.Net;
using System.Net.Http.Json;
using Headroom.FollowUps;
using Headroom.Organizations;
using Headroom.Tests.Web;
using Headroom.Web.Assignment;
using Microsoft.EntityFrameworkCore;

namespace Headroom.Tests.Assignment;

[Trait("Category", "Integration")]
public class LeaveCoverPagesTests
{
    [Fact]
    public async Task TheManagerSeesThePlan_TheMemberOnlyTheirCovers_OthersGet404_AndTheFollowUpsShowWhoCovers()
    {
        await using var world = await ApiWorld.CreateAsync();
        var repA1 = world.MemberIds[ApiWorld.RepA1];
        long timeOffId, followUpId;
        await using (var db = world.Host.Database.CreateContext(world.Host.OrgId))
        {
            var timeOff = db.TimeOffs.Add(new TimeOff { MemberId = repA1, StartDate = new DateOnly(2026, 11, 9), EndDate = new DateOnly(2026, 11, 13) }).Entity;
            var followUp = db.FollowUps.Add(new FollowUp { Title = "tender for Acme", AssigneeId = repA1, DueUtc = new DateTime(2026, 11, 10, 6, 0, 0, DateTimeKind.Utc), EffortHours = 2 }).Entity;
            (await db.Members.SingleAsync(m => m.Id == world.MemberIds[ApiWorld.Disabled])).Active = false;
            await db.SaveChangesAsync();
            (timeOffId, followUpId) = (timeOff.Id, followUp.Id);
        }
        var url = new Uri($"/people/{repA1}/leave/{timeOffId}/cover", UriKind.Relative);

        var manager = await world.Client(ApiWorld.ManagerA).GetStringAsync(url);
        Assert.Contains("Apply cover", manager, StringComparison.Ordinal);
        Assert.Contains("tender for Acme", manager, StringComparison.Ordinal);
        Assert.Contains("the least loaded teammate with room", manager, StringComparison.Ordinal);
        var member = await world.Client(ApiWorld.RepA1).GetStringAsync(new Uri($"/people/{repA1}", UriKind.Relative));
        Assert.Contains($"href=\"/people/{repA1}/leave/{timeOffId}/cover\"", member, StringComparison.Ordinal);

        var own = await world.Client(ApiWorld.RepA1).GetStringAsync(url);
        Assert.Contains("Only the member&#x27;s manager or an admin", own, StringComparison.Ordinal);
        Assert.DoesNotContain("Apply cover", own, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await world.Client(ApiWorld.ManagerB).GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await world.Client(ApiWorld.RepA2).GetAsync(url)).StatusCode);

        var applied = await world.Client(ApiWorld.ManagerA).PostAsJsonAsync("/api/v1/leave-cover",
            new CoverApplyRequest(timeOffId, [new CoverLineRequest(followUpId, world.MemberIds[ApiWorld.RepA2], null)]), ApiWorld.Json);
        Assert.Equal(HttpStatusCode.Created, applied.StatusCode);
        Assert.Contains("covering for repA1", await world.Client(ApiWorld.RepA2).GetStringAsync(new Uri("/followups", UriKind.Relative)), StringComparison.Ordinal);
        Assert.Contains("covered by repA2", await world.Client(ApiWorld.ManagerA).GetStringAsync(new Uri("/followups?view=All", UriKind.Relative)), StringComparison.Ordinal);
        var covers = await world.Client(ApiWorld.RepA2).GetStringAsync(new Uri("/leave-cover", UriKind.Relative));
        Assert.Contains("Planned", covers, StringComparison.Ordinal);
        var after = await world.Client(ApiWorld.ManagerA).GetStringAsync(url);
        Assert.Contains("End cover", after, StringComparison.Ordinal);
        Assert.DoesNotContain("Apply cover", after, StringComparison.Ordinal);
    }
}
