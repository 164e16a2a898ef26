using System.Net;
using Headroom.Tests.Web;
using Headroom.Wellbeing;
using Microsoft.EntityFrameworkCore;

namespace Headroom.Tests.Wellbeing;

[Trait("Category", "Integration")]
public sealed class WellbeingPageTests
{
    [Fact]
    public async Task Rep_AnswersThePulse_ManagerSeesTheRiskListAndOnlyTheAverage()
    {
        await using var world = await ApiWorld.CreateAsync();
        var rep = world.Client(ApiWorld.RepA1);

        var saved = await WebTestHost.PostFormAsync(rep, "/wellbeing", "/wellbeing",
            new Dictionary<string, string> { ["_handler"] = "pulse", ["Form.Energy"] = "2", ["Form.Stress"] = "5", ["Form.Comment"] = "季度末太忙了" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.EndsWith("/wellbeing?saved=2026-11-02", saved.Headers.Location?.OriginalString, StringComparison.Ordinal);
        var own = await rep.GetStringAsync(new Uri("/wellbeing?saved=2026-11-02", UriKind.Relative));
        Assert.Contains("季度末太忙了", own, StringComparison.Ordinal);
        // A rep's page has no risk list of others and no team averages.
        Assert.DoesNotContain("team-pulse-heading", own, StringComparison.Ordinal);
        Assert.DoesNotContain("repA2", own, StringComparison.Ordinal);

        var manager = world.Client(ApiWorld.ManagerA);
        var before = await manager.GetStringAsync(new Uri("/wellbeing", UriKind.Relative));
        Assert.Contains("risk-heading", before, StringComparison.Ordinal);
        Assert.Contains($"/people/{world.MemberIds[ApiWorld.RepA2]}", before, StringComparison.Ordinal);
        Assert.DoesNotContain($"/people/{world.MemberIds[ApiWorld.RepB]}", before, StringComparison.Ordinal);
        Assert.DoesNotContain("季度末太忙了", before, StringComparison.Ordinal);
        Assert.DoesNotContain("2026-11-02", before, StringComparison.Ordinal);

        await using (var db = world.Host.Database.CreateContext(world.Host.OrgId))
        {
            foreach (var other in new[] { ApiWorld.RepA2, ApiWorld.Disabled })
            {
                db.PulseResponses.Add(new PulseResponse { MemberId = world.MemberIds[other], WeekStart = new DateOnly(2026, 11, 2), Energy = 4, Stress = 3 });
            }
            await db.SaveChangesAsync();
            Assert.Equal(1, await db.PulseResponses.CountAsync(p => p.MemberId == world.MemberIds[ApiWorld.RepA1]));
        }
        var after = await manager.GetStringAsync(new Uri("/wellbeing", UriKind.Relative));
        Assert.Contains("2026-11-02", after, StringComparison.Ordinal);
        // (2 + 4 + 4) / 3 = 3.3 energy, (5 + 3 + 3) / 3 = 3.7 stress; never the comment.
        Assert.Contains("3.3", after, StringComparison.Ordinal);
        Assert.Contains("3.7", after, StringComparison.Ordinal);
        Assert.DoesNotContain("季度末太忙了", after, StringComparison.Ordinal);
    }
}
