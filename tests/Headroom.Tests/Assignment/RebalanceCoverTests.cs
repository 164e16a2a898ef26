using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Headroom.Assignment;
using Headroom.FollowUps;
using Headroom.Tests.Web;
using Headroom.Web.Assignment;
using Microsoft.EntityFrameworkCore;

namespace Headroom.Tests.Assignment;

// A follow-up under an active leave cover stays with its owner and cover member until the return:
// a rebalance neither proposes it (nor the deal carrying it) nor applies a stale line naming it.
[Trait("Category", "Integration")]
public sealed class RebalanceCoverTests
{
    private sealed record Setup(List<long> Tenders, long Covered, long Deal);

    // repA1 carries five 20-hour tenders; one more follow-up, on repA1's deal, is covered by repA2.
    private static async Task<Setup> ArrangeAsync(ApiWorld world)
    {
        var now = world.Host.Clock.GetUtcNow().UtcDateTime;
        var repA1 = world.MemberIds[ApiWorld.RepA1];
        await using var db = world.Host.Database.CreateContext(world.Host.OrgId);
        var tenders = Enumerable.Range(1, 5).Select(i => new FollowUp { Title = $"tender {i}", AssigneeId = repA1, DueUtc = now.AddDays(3), EffortHours = 20 }).ToList();
        db.FollowUps.AddRange(tenders);
        var covered = db.FollowUps.Add(new FollowUp
        {
            Title = "covered call", AssigneeId = repA1, CoverMemberId = world.MemberIds[ApiWorld.RepA2], DueUtc = now.AddDays(2), EffortHours = 2, DealId = world.DealIds[ApiWorld.RepA1],
        }).Entity;
        await db.SaveChangesAsync();
        return new Setup([.. tenders.Select(f => f.Id)], covered.Id, world.DealIds[ApiWorld.RepA1]);
    }

    [Fact]
    public async Task CoveredFollowUps_AndTheirDealsAndAccounts_AreLeftOut_AndCounted()
    {
        await using var world = await ApiWorld.CreateAsync();
        var setup = await ArrangeAsync(world);
        var client = world.Client(ApiWorld.ManagerA);
        var response = await client.PostAsJsonAsync("/api/v1/rebalance/proposal", new ProposalRequest(world.TeamIds[ApiWorld.TeamA], null, null), ApiWorld.Json);
        var proposal = (await response.Content.ReadFromJsonAsync<ProposalResponse>(ApiWorld.Json))!;
        Assert.NotEmpty(proposal.Moves);
        Assert.DoesNotContain(proposal.Moves, m => m.Kind == RebalanceItemKind.FollowUp && m.ItemId == setup.Covered);
        Assert.DoesNotContain(proposal.Moves, m => m.Includes.Contains(new ItemRef(RebalanceItemKind.FollowUp, setup.Covered)));
        Assert.DoesNotContain(proposal.Moves, m => (m.Kind, m.ItemId) == (RebalanceItemKind.Deal, setup.Deal) || (m.Kind, m.ItemId) == (RebalanceItemKind.Account, world.AccountIds[ApiWorld.RepA1]));
        // The follow-up, its deal and the deal's account.
        Assert.Equal((1, 2), (proposal.CoveredFollowUps, proposal.CoveredCarriers));
    }

    [Fact]
    public async Task AStaleLine_NamingACoveredFollowUpOrItsDeal_IsRefused_AndNothingIsWritten()
    {
        await using var world = await ApiWorld.CreateAsync();
        var setup = await ArrangeAsync(world);
        var client = world.Client(ApiWorld.ManagerA);
        var (repA1, repA2) = (world.MemberIds[ApiWorld.RepA1], world.MemberIds[ApiWorld.RepA2]);
        MoveRequest[] lines =
        [
            new(RebalanceItemKind.FollowUp, setup.Tenders[0], repA1, repA2, null),
            new(RebalanceItemKind.FollowUp, setup.Covered, repA1, repA2, null),
            new(RebalanceItemKind.Deal, setup.Deal, repA1, repA2, null),
            new(RebalanceItemKind.Account, world.AccountIds[ApiWorld.RepA1], repA1, repA2, null),
        ];
        var response = await client.PostAsJsonAsync("/api/v1/rebalance/apply", new ApplyRequest(lines), ApiWorld.Json);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using (var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()))
        {
            var errors = problem.RootElement.GetProperty("errors");
            Assert.Equal(["moves[1].itemId", "moves[2].itemId", "moves[3].itemId"], errors.EnumerateObject().Select(e => e.Name).Order());
            Assert.Contains("leave cover", errors.GetProperty("moves[1].itemId")[0].GetString(), StringComparison.Ordinal);
        }

        await using var db = world.Host.Database.CreateContext(world.Host.OrgId);
        Assert.Equal(repA1, (await db.FollowUps.SingleAsync(f => f.Id == setup.Tenders[0])).AssigneeId);
        var covered = await db.FollowUps.SingleAsync(f => f.Id == setup.Covered);
        Assert.Equal((repA1, repA2), (covered.AssigneeId!.Value, covered.CoverMemberId!.Value));
        Assert.False(await db.AssignmentLog.AnyAsync(e => e.Source == AssignmentSource.Rebalance));

        // Without the covered lines the rest applies.
        var rest = await client.PostAsJsonAsync("/api/v1/rebalance/apply", new ApplyRequest([lines[0]]), ApiWorld.Json);
        Assert.Equal(HttpStatusCode.OK, rest.StatusCode);
    }
}
