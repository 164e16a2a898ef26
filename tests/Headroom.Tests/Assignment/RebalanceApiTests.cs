using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Headroom.Assignment;
using Headroom.FollowUps;
using Headroom.Tests.Web;
using Headroom.Web.Api;
using Headroom.Web.Assignment;
using Microsoft.EntityFrameworkCore;

namespace Headroom.Tests.Assignment;

[Trait("Category", "Integration")]
public class RebalanceApiTests
{
    // repA1 gets five 20-hour follow-ups due this week: 100 h of work plus overhead against 80 h
    // of capacity over the two-week horizon.
    private static async Task<List<long>> OverloadRepA1Async(ApiWorld world)
    {
        var now = world.Host.Clock.GetUtcNow().UtcDateTime;
        await using var db = world.Host.Database.CreateContext(world.Host.OrgId);
        var followUps = Enumerable.Range(1, 5).Select(i => new FollowUp
        {
            Title = $"tender {i}", AssigneeId = world.MemberIds[ApiWorld.RepA1], DueUtc = now.AddDays(3), EffortHours = 20,
        }).ToList();
        db.FollowUps.AddRange(followUps);
        await db.SaveChangesAsync();
        return [.. followUps.Select(f => f.Id)];
    }

    private static async Task<ProposalResponse> ProposeAsync(HttpClient client, long teamId, int? maxMoves = null)
    {
        var response = await client.PostAsJsonAsync("/api/v1/rebalance/proposal", new ProposalRequest(teamId, maxMoves, null), ApiWorld.Json);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<ProposalResponse>(ApiWorld.Json))!;
    }

    private static List<MoveRequest> Lines(ProposalResponse proposal) =>
        [.. proposal.Moves.Select(m => new MoveRequest(m.Kind, m.ItemId, m.FromMemberId, m.ToMemberId, "test"))];

    [Fact]
    public async Task Proposal_MovesTheOverloadedRepsWork_ToTeammates_AndApplyLogsEveryChange()
    {
        await using var world = await ApiWorld.CreateAsync();
        var tenders = await OverloadRepA1Async(world);
        var client = world.Client(ApiWorld.ManagerA);

        var proposal = await ProposeAsync(client, world.TeamIds[ApiWorld.TeamA]);
        Assert.Equal(1, proposal.Before.Over);
        Assert.Equal(0, proposal.After.Over);
        Assert.Equal(2, proposal.Moves.Count);
        Assert.All(proposal.Moves, m => Assert.Equal(world.MemberIds[ApiWorld.RepA1], m.FromMemberId));
        Assert.All(proposal.Moves, m => Assert.Contains(m.ItemId, tenders));
        Assert.All(proposal.Moves, m => Assert.Contains(proposal.Receivers, r => r.MemberId == m.ToMemberId));
        Assert.DoesNotContain(proposal.Receivers, r => r.MemberId == world.MemberIds[ApiWorld.ManagerA]);
        Assert.True(proposal.After.MaxUtilization < proposal.Before.MaxUtilization);

        var applied = await client.PostAsJsonAsync("/api/v1/rebalance/apply", new ApplyRequest(Lines(proposal)), ApiWorld.Json);
        Assert.Equal(HttpStatusCode.OK, applied.StatusCode);
        var body = (await applied.Content.ReadFromJsonAsync<ApplyResponse>(ApiWorld.Json))!;
        Assert.Equal(2, body.Entries.Count);
        await using (var db = world.Host.Database.CreateContext(world.Host.OrgId))
        {
            foreach (var move in proposal.Moves)
            {
                Assert.Equal(move.ToMemberId, (await db.FollowUps.SingleAsync(f => f.Id == move.ItemId)).AssigneeId);
            }
            // The follow-ups' creation was logged too (Manual); the apply wrote its own two.
            var log = await db.AssignmentLog.Where(e => e.Source != AssignmentSource.Manual).OrderBy(e => e.Id).ToListAsync();
            Assert.Equal(2, log.Count);
            Assert.All(log, e => Assert.Equal((world.MemberIds[ApiWorld.ManagerA], AssignmentSource.Rebalance, body.BatchId, "test"), (e.ActorMemberId!.Value, e.Source, e.BatchId, e.Reason)));
        }

        // The same lines again: their items changed owner since, so nothing is applied.
        var again = await client.PostAsJsonAsync("/api/v1/rebalance/apply", new ApplyRequest(Lines(proposal)), ApiWorld.Json);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains(proposal.Moves[0].Label, await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var page = (await client.GetFromJsonAsync<PagedList<LogEntryResponse>>("/api/v1/assignment-log?pageSize=1", ApiWorld.Json))!;
        Assert.Equal((1, AssignmentSource.Rebalance), (page.Items.Count, page.Items[0].Source));
        Assert.Equal(proposal.Moves[0].FromName, page.Items[0].FromName);
        var repView = (await world.Client(ApiWorld.RepA1).GetFromJsonAsync<PagedList<LogEntryResponse>>("/api/v1/assignment-log", ApiWorld.Json))!;
        Assert.Equal(2, repView.Items.Count(e => e.Source == AssignmentSource.Rebalance));
        foreach (var outsider in new[] { ApiWorld.ManagerB, ApiWorld.RepB, ApiWorld.OtherAdmin })
        {
            var view = (await world.Client(outsider).GetFromJsonAsync<PagedList<LogEntryResponse>>("/api/v1/assignment-log", ApiWorld.Json))!;
            Assert.DoesNotContain(view.Items, e => e.Source == AssignmentSource.Rebalance);
        }
        var byTeam = await world.Client(ApiWorld.ManagerB).GetAsync(new Uri($"/api/v1/assignment-log?teamId={world.TeamIds[ApiWorld.TeamA]}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, byTeam.StatusCode);
        var admin = (await world.Client(ApiWorld.Admin).GetFromJsonAsync<PagedList<LogEntryResponse>>($"/api/v1/assignment-log?teamId={world.TeamIds[ApiWorld.TeamA]}&memberId={world.MemberIds[ApiWorld.RepA1]}", ApiWorld.Json))!;
        Assert.Equal(2, admin.Items.Count(e => e.Source == AssignmentSource.Rebalance));
    }

    [Fact]
    public async Task Reps_OtherTeams_AndOtherOrganizations_CannotRunOrApply()
    {
        await using var world = await ApiWorld.CreateAsync();
        var tenders = await OverloadRepA1Async(world);
        var teamA = world.TeamIds[ApiWorld.TeamA];
        (string Principal, long Team, HttpStatusCode Expected)[] cases =
        [
            (ApiWorld.RepA1, teamA, HttpStatusCode.Forbidden),
            (ApiWorld.RepA1, world.TeamIds[ApiWorld.TeamB], HttpStatusCode.NotFound),
            (ApiWorld.RepB, teamA, HttpStatusCode.NotFound),
            (ApiWorld.ManagerB, teamA, HttpStatusCode.NotFound),
            (ApiWorld.OtherAdmin, teamA, HttpStatusCode.NotFound),
            (ApiWorld.Admin, world.TeamIds[ApiWorld.Foreign], HttpStatusCode.NotFound),
            (ApiWorld.Admin, teamA, HttpStatusCode.OK),
            (ApiWorld.Anonymous, teamA, HttpStatusCode.Unauthorized),
        ];
        foreach (var (principal, team, expected) in cases)
        {
            var response = await world.Client(principal).PostAsJsonAsync("/api/v1/rebalance/proposal", new ProposalRequest(team, null, null), ApiWorld.Json);
            Assert.True(expected == response.StatusCode, $"{principal} on team {team}: {response.StatusCode}");
        }

        MoveRequest[] line = [new(RebalanceItemKind.FollowUp, tenders[0], world.MemberIds[ApiWorld.RepA1], world.MemberIds[ApiWorld.RepA2], null)];
        var rep = await world.Client(ApiWorld.RepA1).PostAsJsonAsync("/api/v1/rebalance/apply", new ApplyRequest(line), ApiWorld.Json);
        Assert.Equal(HttpStatusCode.Forbidden, rep.StatusCode);
        foreach (var outsider in new[] { ApiWorld.ManagerB, ApiWorld.OtherAdmin })
        {
            var response = await world.Client(outsider).PostAsJsonAsync("/api/v1/rebalance/apply", new ApplyRequest(line), ApiWorld.Json);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty("moves[0].toMemberId", out _)
                || problem.RootElement.GetProperty("errors").TryGetProperty("moves[0].itemId", out _));
        }
        // Manager B may give to their own rep, but the item is not theirs to see.
        MoveRequest[] toRepB = [new(RebalanceItemKind.FollowUp, tenders[0], world.MemberIds[ApiWorld.RepA1], world.MemberIds[ApiWorld.RepB], null)];
        var foreignItem = await world.Client(ApiWorld.ManagerB).PostAsJsonAsync("/api/v1/rebalance/apply", new ApplyRequest(toRepB), ApiWorld.Json);
        using (var problem = JsonDocument.Parse(await foreignItem.Content.ReadAsStringAsync()))
        {
            Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty("moves[0].itemId", out _));
        }
        await using var db = world.Host.Database.CreateContext(world.Host.OrgId);
        Assert.Equal(0, await db.AssignmentLog.CountAsync(e => e.Source != AssignmentSource.Manual));
        Assert.All(await db.FollowUps.Where(f => tenders.Contains(f.Id)).ToListAsync(), f => Assert.Equal(world.MemberIds[ApiWorld.RepA1], f.AssigneeId));
    }

    [Fact]
    public async Task AnEditedLine_GoesToTheChosenReceiver_AndABadLineStopsTheWholeBatch()
    {
        await using var world = await ApiWorld.CreateAsync();
        var tenders = await OverloadRepA1Async(world);
        var client = world.Client(ApiWorld.ManagerA);
        var (repA1, repA2) = (world.MemberIds[ApiWorld.RepA1], world.MemberIds[ApiWorld.RepA2]);
        MoveRequest[] bad =
        [
            new(RebalanceItemKind.FollowUp, tenders[0], repA1, repA2, null),
            new(RebalanceItemKind.FollowUp, tenders[1], repA1, world.MemberIds[ApiWorld.RepB], null),
            new(RebalanceItemKind.FollowUp, tenders[0], repA1, repA2, null),
        ];
        var refused = await client.PostAsJsonAsync("/api/v1/rebalance/apply", new ApplyRequest(bad), ApiWorld.Json);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        using (var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()))
        {
            var errors = problem.RootElement.GetProperty("errors");
            Assert.True(errors.TryGetProperty("moves[1].toMemberId", out _));
            Assert.True(errors.TryGetProperty("moves[2].itemId", out _));
        }
        var missing = await client.PostAsJsonAsync("/api/v1/rebalance/proposal", new ProposalRequest(null, -1, 9), ApiWorld.Json);
        using (var problem = JsonDocument.Parse(await missing.Content.ReadAsStringAsync()))
        {
            var errors = problem.RootElement.GetProperty("errors");
            Assert.True(errors.TryGetProperty("teamId", out _) && errors.TryGetProperty("maxMoves", out _) && errors.TryGetProperty("weeks", out _));
        }

        MoveRequest[] edited = [new(RebalanceItemKind.FollowUp, tenders[2], repA1, world.MemberIds[ApiWorld.ManagerA], "manager takes it")];
        var applied = await client.PostAsJsonAsync("/api/v1/rebalance/apply", new ApplyRequest(edited), ApiWorld.Json);
        Assert.Equal(HttpStatusCode.OK, applied.StatusCode);
        await using var db = world.Host.Database.CreateContext(world.Host.OrgId);
        Assert.Equal(world.MemberIds[ApiWorld.ManagerA], (await db.FollowUps.SingleAsync(f => f.Id == tenders[2])).AssigneeId);
        Assert.Equal(repA1, (await db.FollowUps.SingleAsync(f => f.Id == tenders[0])).AssigneeId);
        Assert.Equal("manager takes it", (await db.AssignmentLog.SingleAsync(e => e.Source == AssignmentSource.Rebalance)).Reason);
    }
}
