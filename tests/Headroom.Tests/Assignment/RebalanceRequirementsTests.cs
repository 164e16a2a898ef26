using System.Net;
using System.Net.Http.Json;
using Headroom.Accounts;
using Headroom.Assignment;
using Headroom.FollowUps;
using Headroom.Leads;
using Headroom.Organizations;
using Headroom.Tests.Web;
using Headroom.Web.Assignment;
using Microsoft.EntityFrameworkCore;

namespace Headroom.Tests.Assignment;

// A rebalance gives work only to a teammate who may hold it: the account's territory, a lead's
// language and skill, checked the way assignment queues check them.
public sealed class RebalanceRequirementsTests
{
    // Capacity 10 h each: 0.7–1.0 is the healthy band (7 to 10 h).
    private static RebalanceMember Member(long id, double load, string[]? territories = null, string[]? languages = null, Dictionary<string, int>? skills = null) =>
        new(id, $"m{id}", 1, 10, load, true, new MemberFit(territories ?? [], languages ?? [], skills ?? []));

    private static RebalanceItem FollowUp(long id, long owner, double hours, HardRequirements? requires = null) =>
        new(RebalanceItemKind.FollowUp, id, $"f{id}", owner, hours, 1, [], requires);

    [Fact]
    public void TheLeastLoadedRep_WithoutTheTerritory_IsNotChosen_AndTheExplanationSaysWhy()
    {
        var inputs = new RebalanceInputs
        {
            Members = [Member(1, 13, ["上海"]), Member(2, 2, ["杭州"]), Member(3, 6, ["上海", "苏州"])],
            Items = [FollowUp(10, 1, 3.5, HardRequirements.ForAccount("苏州"))],
        };
        var move = Assert.Single(Rebalancer.Propose(inputs, new RebalanceRequest()).Moves);
        Assert.Equal(3L, move.ToMemberId);
        Assert.Null(move.RunnerUp);
        var limit = Assert.Single(move.LimitedBy);
        Assert.Equal((RequirementRule.Territory, "苏州", 1), (limit.Rule, limit.Value, limit.Excluded));
        Assert.Contains("only teammates who meet its requirements: territory 苏州 (1 ruled out)", RebalanceExplanation.English(move), StringComparison.Ordinal);

        // Without the requirement the least loaded takes it.
        var free = Rebalancer.Propose(inputs with { Items = [FollowUp(10, 1, 3.5)] }, new RebalanceRequest());
        Assert.Equal(2L, Assert.Single(free.Moves).ToMemberId);
        Assert.Empty(free.Moves[0].LimitedBy);
    }

    [Fact]
    public void TheLeastLoadedRep_WithoutTheLanguageOrSkill_IsNotChosen()
    {
        var inputs = new RebalanceInputs
        {
            Members = [Member(1, 13), Member(2, 2, languages: ["zh-CN"], skills: new() { ["Negotiation"] = 4 }), Member(3, 6, languages: ["en-US", "zh"], skills: new() { ["negotiation"] = 2 })],
            Items = [FollowUp(10, 1, 3.5, HardRequirements.ForLead(null, null, "EN", null))],
        };
        var move = Assert.Single(Rebalancer.Propose(inputs, new RebalanceRequest()).Moves);
        Assert.Equal((3L, RequirementRule.Language), (move.ToMemberId, Assert.Single(move.LimitedBy).Rule));

        var skilled = inputs with { Items = [FollowUp(10, 1, 3.5, HardRequirements.ForLead("Negotiation", 3, null, null))] };
        Assert.Equal(2L, Assert.Single(Rebalancer.Propose(skilled, new RebalanceRequest()).Moves).ToMemberId);
        var expert = inputs with { Items = [FollowUp(10, 1, 3.5, HardRequirements.ForLead("Negotiation", 5, null, null))] };
        Assert.Empty(Rebalancer.Propose(expert, new RebalanceRequest()).Moves);
    }

    [Fact]
    public void AnItemNoTeammateMayHold_IsReportedAsNotMovable_WithTheRule()
    {
        var inputs = new RebalanceInputs
        {
            Members = [Member(1, 14, ["上海"]), Member(2, 2, ["杭州"], ["zh"]), Member(3, 2, ["杭州"], ["en"])],
            Items = [FollowUp(10, 1, 4, HardRequirements.ForAccount("上海")), FollowUp(11, 1, 4, HardRequirements.ForAccount("杭州").With(HardRequirements.ForLead(null, null, "fr", null)))],
        };
        var proposal = Rebalancer.Propose(inputs, new RebalanceRequest());
        Assert.Empty(proposal.Moves);
        Assert.Equal(UnresolvedReason.NoReceiverMeetsRequirements, Assert.Single(proposal.Unresolved).Reason);
        Assert.Equal([10L, 11L], proposal.NotMovable.Select(n => n.ItemId));
        Assert.Equal((RequirementRule.Territory, 2), (Assert.Single(proposal.NotMovable[0].Reasons).Rule, proposal.NotMovable[0].Reasons[0].Excluded));
        Assert.Equal((RequirementRule.Language, "fr", 2), (Assert.Single(proposal.NotMovable[1].Reasons).Rule, proposal.NotMovable[1].Reasons[0].Value, proposal.NotMovable[1].Reasons[0].Excluded));
    }

    [Fact]
    public void Requirements_CompareLikeTheQueues()
    {
        var fit = new MemberFit(["上海", "Suzhou"], ["zh-CN", "EN_us"], new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase) { ["Negotiation"] = 3 });
        Assert.Empty(HardRequirements.ForLead("negotiation", 3, "en", "suzhou").Unmet(fit));
        Assert.Equal([RequirementRule.Territory, RequirementRule.Language, RequirementRule.Skill], HardRequirements.ForLead("Negotiation", 4, "fr", "杭州").Unmet(fit));
        Assert.Equal([RequirementRule.Territory, RequirementRule.Language, RequirementRule.Skill], HardRequirements.ForLead("Negotiation", 1, "zh", "上海").Unmet(MemberFit.None));
        Assert.True(HardRequirements.ForAccount("  ").IsNone);
        Assert.True(HardRequirements.ForLead("x", 9, "fr", "杭州", matchSkill: false, matchLanguage: false, matchRegion: false).IsNone);
        Assert.Equal(5, HardRequirements.ForLead("x", 9, null, null).SkillLevel);
    }

    // The queue's engine encoding and the shared check agree on who may hold a lead.
    [Fact]
    public void QueueEligibility_IsTheSharedCheck()
    {
        string[] territories = ["上海", "苏州", "杭州"], languages = ["zh-CN", "en", "ja"], skills = ["Negotiation", "Cloud"];
        var random = new Random(7);
        for (var round = 0; round < 200; round++)
        {
            var reps = Enumerable.Range(1, 4).Select(i => new QueueRep(
                i, $"r{i}", 64, 0, 0, false, null,
                [.. territories.Where(_ => random.Next(2) == 0)], [.. languages.Where(_ => random.Next(2) == 0)],
                skills.Where(_ => random.Next(2) == 0).ToDictionary(s => s, _ => random.Next(1, 6), StringComparer.OrdinalIgnoreCase))).ToList();
            var lead = new QueueLead(1, "l", null, null,
                random.Next(4) == 0 ? null : territories[random.Next(3)], random.Next(3) == 0 ? null : languages[random.Next(3)],
                random.Next(3) == 0 ? null : skills[random.Next(2)], random.Next(1, 6), 0);
            var queue = new AssignmentQueue { Name = "q", MatchRegion = random.Next(2) == 0, MatchLanguage = random.Next(4) > 0, MatchSkill = random.Next(4) > 0 };
            var instance = new QueueInstance(queue, reps, [lead]);
            var requires = instance.RequirementsOf(lead);
            Assert.Equal(
                Enumerable.Range(0, reps.Count).Where(r => requires.MetBy(reps[r].Fit)),
                instance.Qualified(lead));
        }
    }

    [Fact]
    [Trait("Category", "Integration")]
    public async Task TheProposal_ReadsTerritoriesAndLanguages_FromTheDatabase()
    {
        await using var world = await ApiWorld.CreateAsync();
        var teamA = world.TeamIds[ApiWorld.TeamA];
        var repA3 = (await world.Host.AddUserAsync("repA3@example.com", role: MemberRole.Rep, teamId: teamA)).MemberId;
        var now = world.Host.Clock.GetUtcNow().UtcDateTime;
        long suzhou, french;
        await using (var db = world.Host.Database.CreateContext(world.Host.OrgId))
        {
            (await db.Members.SingleAsync(m => m.Id == world.MemberIds[ApiWorld.RepA2])).Territories = ["杭州"];
            var three = await db.Members.SingleAsync(m => m.Id == repA3);
            three.Territories = ["苏州"];
            three.Languages = ["zh-CN"];
            // Someone else's account in 苏州: its follow-ups need a 苏州 owner.
            var account = db.Accounts.Add(new Account { Name = "苏州 customer", Territory = "苏州", OwnerId = world.MemberIds[ApiWorld.ManagerA] }).Entity;
            var lead = db.Leads.Add(new Lead { Name = "Pierre", Language = "fr-FR" }).Entity;
            await db.SaveChangesAsync();
            (suzhou, french) = (account.Id, lead.Id);
            db.FollowUps.AddRange(Enumerable.Range(1, 4).Select(i => new FollowUp
            {
                Title = $"tender {i}", AssigneeId = world.MemberIds[ApiWorld.RepA1], DueUtc = now.AddDays(3), EffortHours = 20, AccountId = suzhou,
            }));
            db.FollowUps.Add(new FollowUp { Title = "call Pierre", AssigneeId = world.MemberIds[ApiWorld.RepA1], DueUtc = now.AddDays(3), EffortHours = 20, LeadId = french });
            await db.SaveChangesAsync();
        }

        var response = await world.Client(ApiWorld.ManagerA).PostAsJsonAsync("/api/v1/rebalance/proposal", new ProposalRequest(teamA, null, null), ApiWorld.Json);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var proposal = (await response.Content.ReadFromJsonAsync<ProposalResponse>(ApiWorld.Json))!;
        Assert.NotEmpty(proposal.Moves);
        Assert.All(proposal.Moves, m => Assert.Equal(repA3, m.ToMemberId));
        Assert.All(proposal.Moves.Where(m => m.Label.StartsWith("tender", StringComparison.Ordinal)),
            m => Assert.Equal((RequirementRule.Territory, "苏州"), (Assert.Single(m.LimitedBy).Rule, m.LimitedBy[0].Value)));
        var pierre = Assert.Single(proposal.NotMovable, n => n.Label == "call Pierre");
        // RepA2, repA3 and the rep whose sign-in is disabled (still an active member).
        Assert.Equal((RequirementRule.Language, "fr-FR", 3), (Assert.Single(pierre.Reasons).Rule, pierre.Reasons[0].Value, pierre.Reasons[0].Excluded));
    }
}
