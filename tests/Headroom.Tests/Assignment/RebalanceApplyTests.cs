using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Headroom.Accounts;
using Headroom.Assignment;
using Headroom.Deals;
using Headroom.FollowUps;
using Headroom.Leads;
using Headroom.Organizations;
using Headroom.Tests.Web;
using Headroom.Web.Assignment;
using Microsoft.EntityFrameworkCore;

namespace Headroom.Tests.Assignment;

// What the apply checks beyond the proposal: a receiver picked by hand must meet the item's hard
// requirements, and an account takes exactly the work the proposal counted for it (ADR 25).
[Trait("Category", "Integration")]
public class RebalanceApplyTests
{
    private static async Task<JsonElement> RefusedAsync(HttpClient client, params MoveRequest[] moves)
    {
        var response = await client.PostAsJsonAsync("/api/v1/rebalance/apply", new ApplyRequest(moves), ApiWorld.Json);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return problem.RootElement.GetProperty("errors").Clone();
    }

    private static IEnumerable<ItemRef> Sorted(IEnumerable<ItemRef> items) => items.OrderBy(i => i.Kind).ThenBy(i => i.Id);

    private static string Error(JsonElement errors, string field) =>
        Assert.Single(errors.GetProperty(field).EnumerateArray()).GetString()!;

    [Fact]
    public async Task AReceiverPickedByHand_OutsideTheTerritory_OrWithoutTheLanguage_IsRefusedOnItsLine_AndNothingIsWritten()
    {
        await using var world = await ApiWorld.CreateAsync();
        var (repA1, repA2) = (world.MemberIds[ApiWorld.RepA1], world.MemberIds[ApiWorld.RepA2]);
        var now = world.Host.Clock.GetUtcNow().UtcDateTime;
        long plain, onLead, lead;
        await using (var db = world.Host.Database.CreateContext(world.Host.OrgId))
        {
            (await db.Accounts.SingleAsync(a => a.Id == world.AccountIds[ApiWorld.RepA1])).Territory = "苏州";
            var two = await db.Members.SingleAsync(m => m.Id == repA2);
            two.Territories = ["杭州"];
            two.Languages = ["zh-CN"];
            var french = db.Leads.Add(new Lead { Name = "Pierre", Language = "fr-FR", RequiredSkill = "Negotiation", RequiredSkillLevel = 3, OwnerId = repA1 }).Entity;
            await db.SaveChangesAsync();
            lead = french.Id;
            var free = db.FollowUps.Add(new FollowUp { Title = "no requirement", AssigneeId = repA1, DueUtc = now.AddDays(3), EffortHours = 2 }).Entity;
            var call = db.FollowUps.Add(new FollowUp { Title = "call Pierre", AssigneeId = repA1, DueUtc = now.AddDays(3), EffortHours = 2, LeadId = lead }).Entity;
            await db.SaveChangesAsync();
            (plain, onLead) = (free.Id, call.Id);
        }
        var client = world.Client(ApiWorld.ManagerA);

        var errors = await RefusedAsync(client,
            new MoveRequest(RebalanceItemKind.FollowUp, plain, repA1, repA2, null),
            new MoveRequest(RebalanceItemKind.Account, world.AccountIds[ApiWorld.RepA1], repA1, repA2, null),
            new MoveRequest(RebalanceItemKind.Deal, world.DealIds[ApiWorld.RepA1], repA1, repA2, null),
            new MoveRequest(RebalanceItemKind.FollowUp, onLead, repA1, repA2, null),
            new MoveRequest(RebalanceItemKind.Lead, lead, repA1, repA2, null));
        Assert.False(errors.TryGetProperty("moves[0].toMemberId", out _));
        Assert.Equal("The receiver does not meet this item's requirements: territory 苏州.", Error(errors, "moves[1].toMemberId"));
        Assert.Equal("The receiver does not meet this item's requirements: territory 苏州.", Error(errors, "moves[2].toMemberId"));
        Assert.Equal("The receiver does not meet this item's requirements: language fr-FR, skill Negotiation 3.", Error(errors, "moves[3].toMemberId"));
        Assert.Equal("The receiver does not meet this item's requirements: language fr-FR, skill Negotiation 3.", Error(errors, "moves[4].toMemberId"));

        // In Chinese too.
        var zh = world.Client(ApiWorld.ManagerA);
        using (var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/rebalance/apply")
        {
            Content = JsonContent.Create(new ApplyRequest([new MoveRequest(RebalanceItemKind.Account, world.AccountIds[ApiWorld.RepA1], repA1, repA2, null)]), options: ApiWorld.Json),
        })
        {
            request.Headers.AcceptLanguage.ParseAdd("zh-CN");
            var response = await zh.SendAsync(request);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("接收人不满足该事项的要求：区域 苏州。", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        await using (var db = world.Host.Database.CreateContext(world.Host.OrgId))
        {
            Assert.Equal(repA1, (await db.FollowUps.SingleAsync(f => f.Id == plain)).AssigneeId);
            Assert.Equal(repA1, (await db.Accounts.SingleAsync(a => a.Id == world.AccountIds[ApiWorld.RepA1])).OwnerId);
            Assert.Equal(repA1, (await db.Leads.SingleAsync(l => l.Id == lead)).OwnerId);
            Assert.Equal(0, await db.AssignmentLog.CountAsync(e => e.Source == AssignmentSource.Rebalance));

            // A receiver who covers 苏州, speaks French (any region) and negotiates at level 3 may take them.
            var two = await db.Members.SingleAsync(m => m.Id == repA2);
            two.Territories = ["杭州", "苏州"];
            two.Languages = ["zh-CN", "fr"];
            db.MemberSkills.Add(new MemberSkill { MemberId = repA2, Skill = "negotiation", Level = 4 });
            await db.SaveChangesAsync();
        }
        var applied = await client.PostAsJsonAsync("/api/v1/rebalance/apply", new ApplyRequest(
        [
            new MoveRequest(RebalanceItemKind.Account, world.AccountIds[ApiWorld.RepA1], repA1, repA2, null),
            new MoveRequest(RebalanceItemKind.FollowUp, onLead, repA1, repA2, null),
            new MoveRequest(RebalanceItemKind.Lead, lead, repA1, repA2, null),
        ]), ApiWorld.Json);
        Assert.Equal(HttpStatusCode.OK, applied.StatusCode);
    }

    [Fact]
    public async Task AForeignOrUnknownMember_AsReceiver_IsAClearLineError()
    {
        await using var world = await ApiWorld.CreateAsync();
        var repA1 = world.MemberIds[ApiWorld.RepA1];
        var client = world.Client(ApiWorld.ManagerA);
        foreach (var receiver in new[] { world.MemberIds[ApiWorld.OtherAdmin], world.MemberIds[ApiWorld.RepB], long.MaxValue })
        {
            var errors = await RefusedAsync(client, new MoveRequest(RebalanceItemKind.Account, world.AccountIds[ApiWorld.RepA1], repA1, receiver, null));
            Assert.Equal("The receiver must be another active member you manage.", Error(errors, "moves[0].toMemberId"));
        }
        await using var db = world.Host.Database.CreateContext(world.Host.OrgId);
        Assert.Equal(repA1, (await db.Accounts.SingleAsync(a => a.Id == world.AccountIds[ApiWorld.RepA1])).OwnerId);
    }

    // An account carries its follow-ups on no deal and its open deals of the same owner with theirs.
    // A follow-up on a deal that stays (won, or another rep's) stays with its assignee: the proposal
    // did not count it, so the apply must not move it.
    [Fact]
    public async Task AnAccount_MovesWithTheWorkTheProposalCounted_AndNoMore()
    {
        await using var world = await ApiWorld.CreateAsync();
        var (repA1, repA2) = (world.MemberIds[ApiWorld.RepA1], world.MemberIds[ApiWorld.RepA2]);
        var (account, openDeal) = (world.AccountIds[ApiWorld.RepA1], world.DealIds[ApiWorld.RepA1]);
        var now = world.Host.Clock.GetUtcNow().UtcDateTime;
        Dictionary<string, long> followUps;
        long wonDeal, othersDeal;
        await using (var db = world.Host.Database.CreateContext(world.Host.OrgId))
        {
            var open = await db.PipelineStages.Where(s => s.ClosesAs == null).OrderBy(s => s.SortOrder).FirstAsync();
            var won = await db.PipelineStages.FirstAsync(s => s.ClosesAs == DealOutcome.Won);
            var closed = db.Deals.Add(new Deal { Name = "won deal", AccountId = account, OwnerId = repA1, StageId = won.Id, Outcome = DealOutcome.Won, ClosedUtc = now.AddDays(-1) }).Entity;
            var others = db.Deals.Add(new Deal { Name = "repA2's deal", AccountId = account, OwnerId = repA2, StageId = open.Id }).Entity;
            await db.SaveChangesAsync();
            (wonDeal, othersDeal) = (closed.Id, others.Id);
            FollowUp Add(string title, long? dealId) => db.FollowUps.Add(new FollowUp
            {
                Title = title, AssigneeId = repA1, DueUtc = now.AddDays(3), EffortHours = 3, AccountId = account, DealId = dealId,
            }).Entity;
            var added = new Dictionary<string, FollowUp>
            {
                ["on the account"] = Add("on the account", null),
                ["on the open deal"] = Add("on the open deal", openDeal),
                ["on the won deal"] = Add("on the won deal", wonDeal),
                ["on repA2's deal"] = Add("on repA2's deal", othersDeal),
            };
            await db.SaveChangesAsync();
            followUps = added.ToDictionary(f => f.Key, f => f.Value.Id);
        }

        // The proposal's view of the account, as RebalanceApi.Propose builds it.
        RebalanceInputs inputs;
        await using (var db = world.Host.Database.CreateContext(world.Host.OrgId))
        {
            var scope = await AccessScope.ForMemberAsync(db, world.MemberIds[ApiWorld.ManagerA]);
            (inputs, _) = await RebalanceQuery.LoadAsync(db, scope, world.TeamIds[ApiWorld.TeamA], world.Host.Clock.GetUtcNow());
        }
        var items = inputs.Items.ToDictionary(i => i.Ref);
        var proposed = items[new ItemRef(RebalanceItemKind.Account, account)];
        Assert.Equal(
            Sorted([new ItemRef(RebalanceItemKind.Deal, openDeal), new(RebalanceItemKind.FollowUp, followUps["on the open deal"]), new(RebalanceItemKind.FollowUp, followUps["on the account"])]),
            Sorted(proposed.Includes));

        var applied = await world.Client(ApiWorld.ManagerA).PostAsJsonAsync("/api/v1/rebalance/apply", new ApplyRequest(
            [new MoveRequest(RebalanceItemKind.Account, account, repA1, repA2, "test")]), ApiWorld.Json);
        Assert.Equal(HttpStatusCode.OK, applied.StatusCode);
        var entries = (await applied.Content.ReadFromJsonAsync<ApplyResponse>(ApiWorld.Json))!.Entries;
        var moved = entries.Select(e => new ItemRef(e.ItemKind, e.ItemId)).ToList();
        Assert.Equal(Sorted(proposed.Includes.Prepend(proposed.Ref)), Sorted(moved));

        // The effort that changed hands: each moved item's own hours (an account's or deal's without
        // what it carries, a follow-up's own), added up, is the proposal's figure for the line.
        double Own(RebalanceItem item)
        {
            var nested = item.Includes.Where(i => i.Kind == RebalanceItemKind.Deal).SelectMany(d => items[d].Includes).ToHashSet();
            return item.Hours - item.Includes.Where(i => !nested.Contains(i)).Sum(i => items[i].Hours);
        }
        Assert.Equal(proposed.Hours, moved.Sum(i => Own(items[i])), 6);

        await using (var db = world.Host.Database.CreateContext(world.Host.OrgId))
        {
            var owners = await db.FollowUps.Where(f => followUps.Values.Contains(f.Id)).ToDictionaryAsync(f => f.Id, f => f.AssigneeId);
            Assert.Equal(repA2, owners[followUps["on the account"]]);
            Assert.Equal(repA2, owners[followUps["on the open deal"]]);
            Assert.Equal(repA1, owners[followUps["on the won deal"]]);
            Assert.Equal(repA1, owners[followUps["on repA2's deal"]]);
            Assert.Equal(repA1, (await db.Deals.SingleAsync(d => d.Id == wonDeal)).OwnerId);
        }
    }
}
