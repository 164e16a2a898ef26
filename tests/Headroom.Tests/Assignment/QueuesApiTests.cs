using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Headroom.Assignment;
using Headroom.Leads;
using Headroom.Organizations;
using Headroom.Tests.Web;
using Headroom.Web.Api;
using Headroom.Web.Assignment;
using Headroom.Web.Leads;
using Microsoft.EntityFrameworkCore;

namespace Headroom.Tests.Assignment;

[Trait("Category", "Integration")]
public class QueuesApiTests
{
    // Team A's reps: repA1 speaks zh and en, covers 上海, negotiates at level 4; repA2 speaks zh only,
    // covers 杭州, negotiates at level 2. Leads wait in team A's pool, one in team B's.
    private static async Task<Dictionary<string, long>> LeadsAsync(ApiWorld world)
    {
        await using var db = world.Host.Database.CreateContext(world.Host.OrgId);
        // The disabled user's member leaves the team's reps.
        (await db.Members.SingleAsync(m => m.Id == world.MemberIds[ApiWorld.Disabled])).Active = false;
        var a1 = await db.Members.Include(m => m.Skills).SingleAsync(m => m.Id == world.MemberIds[ApiWorld.RepA1]);
        a1.Languages = ["zh", "en"];
        a1.Territories = ["上海"];
        a1.Skills.Add(new MemberSkill { Skill = "Negotiation", Level = 4 });
        var a2 = await db.Members.Include(m => m.Skills).SingleAsync(m => m.Id == world.MemberIds[ApiWorld.RepA2]);
        a2.Languages = ["zh"];
        a2.Territories = ["杭州"];
        a2.Skills.Add(new MemberSkill { Skill = "Negotiation", Level = 2 });
        var teamA = world.TeamIds[ApiWorld.TeamA];
        var leads = new Dictionary<string, Lead>
        {
            ["plain1"] = new() { Name = "plain 1", PoolTeamId = teamA, Source = "web" },
            ["plain2"] = new() { Name = "plain 2", PoolTeamId = teamA, Source = "web" },
            ["plain3"] = new() { Name = "plain 3", Source = "web" },
            ["english"] = new() { Name = "needs English", PoolTeamId = teamA, Language = "en-US", Source = "web" },
            ["expert"] = new() { Name = "needs a level 3 negotiator", PoolTeamId = teamA, RequiredSkill = "negotiation", RequiredSkillLevel = 3, Source = "web" },
            ["hangzhou"] = new() { Name = "in 杭州", PoolTeamId = teamA, Region = "杭州", Source = "web" },
            ["japanese"] = new() { Name = "needs Japanese", PoolTeamId = teamA, Language = "ja", Source = "web" },
            ["fair"] = new() { Name = "from a fair", PoolTeamId = teamA, Source = "fair" },
            ["teamB"] = new() { Name = "in team B's pool", PoolTeamId = world.TeamIds[ApiWorld.TeamB], Source = "web" },
            ["working"] = new() { Name = "already worked", PoolTeamId = teamA, Status = LeadStatus.Working, Source = "web" },
        };
        db.Leads.AddRange(leads.Values);
        await db.SaveChangesAsync();
        return leads.ToDictionary(l => l.Key, l => l.Value.Id);
    }

    private static QueueRequest Request(ApiWorld world, string name = "Team A web", AssignmentStrategy strategy = AssignmentStrategy.LeastLoaded, bool region = true, bool autoRoute = false) =>
        new(name, world.TeamIds[ApiWorld.TeamA], strategy, LeadSource: "WEB", MatchRegion: region, AutoRoute: autoRoute, EffortHoursPerLead: 2);

    private static async Task<QueueResponse> CreateAsync(ApiWorld world, QueueRequest request, string principal = ApiWorld.ManagerA)
    {
        var response = await world.Client(principal).PostAsJsonAsync("/api/v1/assignment/queues", request, ApiWorld.Json);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<QueueResponse>(ApiWorld.Json))!;
    }

    private static async Task<QueuePreview> PreviewAsync(ApiWorld world, long queue, string principal = ApiWorld.ManagerA)
    {
        var response = await world.Client(principal).GetAsync(new Uri($"/api/v1/assignment/queues/{queue}/preview", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<QueuePreview>(ApiWorld.Json))!;
    }

    private static async Task<Dictionary<string, string[]>> ErrorsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(ApiWorld.Json);
        return problem.GetProperty("errors").Deserialize<Dictionary<string, string[]>>(ApiWorld.Json)!;
    }

    [Fact]
    public async Task Create_ValidatesEveryField_ByName_AndOnlyForTeamsInScope()
    {
        await using var world = await ApiWorld.CreateAsync();
        var client = world.Client(ApiWorld.ManagerA);
        var queue = await CreateAsync(world, Request(world));
        Assert.Equal(("Team A", AssignmentStrategy.LeastLoaded, "WEB", 2.0, 1), (queue.TeamName, queue.Strategy, queue.LeadSource, queue.EffortHoursPerLead, queue.Version + 1));

        var bad = await ErrorsAsync(await client.PostAsJsonAsync("/api/v1/assignment/queues", new QueueRequest(
            "Team A web", world.TeamIds[ApiWorld.TeamB], null, TargetUtilization: 5, MaxOpenLeadsPerRep: 0, EffortHoursPerLead: 0,
            Weights: [new QueueWeightRequest(world.MemberIds[ApiWorld.RepB], 1)]), ApiWorld.Json));
        Assert.True(bad.ContainsKey("name") && bad.ContainsKey("teamId") && bad.ContainsKey("strategy") && bad.ContainsKey("targetUtilization")
            && bad.ContainsKey("maxOpenLeadsPerRep") && bad.ContainsKey("effortHoursPerLead"), string.Join(",", bad.Keys));
        var weights = await ErrorsAsync(await client.PostAsJsonAsync("/api/v1/assignment/queues", Request(world, "weighted") with
        {
            Weights = [new QueueWeightRequest(world.MemberIds[ApiWorld.RepB], 1), new QueueWeightRequest(world.MemberIds[ApiWorld.RepA1], 101)],
        }, ApiWorld.Json));
        Assert.Equal(["weights[0].memberId", "weights[1].weight"], weights.Keys.Order().ToArray());

        Assert.Equal(HttpStatusCode.Forbidden, (await world.Client(ApiWorld.RepA1).PostAsJsonAsync("/api/v1/assignment/queues", Request(world, "rep's"), ApiWorld.Json)).StatusCode);
        await using var db = world.Host.Database.CreateContext(world.Host.OrgId);
        Assert.Equal(1, await db.AssignmentQueues.CountAsync());
    }

    [Fact]
    public async Task Access_RepSeesOnlyOwnTeamsQueue_AndCannotRunIt_OtherTeamsAndOrganizationsGet404()
    {
        await using var world = await ApiWorld.CreateAsync();
        var queue = await CreateAsync(world, Request(world));
        var id = queue.Id;
        Uri At(string path = "") => new($"/api/v1/assignment/queues/{id}{path}", UriKind.Relative);
        var apply = new QueueApplyRequest([new QueueLineRequest(1, 0, world.MemberIds[ApiWorld.RepA1])]);

        Assert.Equal(HttpStatusCode.OK, (await world.Client(ApiWorld.RepA1).GetAsync(At())).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await world.Client(ApiWorld.RepA1).GetAsync(At("/preview"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await world.Client(ApiWorld.RepA1).PostAsJsonAsync(At("/apply"), apply, ApiWorld.Json)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await world.Client(ApiWorld.RepA1).PutAsJsonAsync(At(), Request(world) with { Version = queue.Version }, ApiWorld.Json)).StatusCode);
        foreach (var outsider in new[] { ApiWorld.RepB, ApiWorld.ManagerB, ApiWorld.OtherAdmin })
        {
            var client = world.Client(outsider);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(At())).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(At("/preview"))).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsJsonAsync(At("/apply"), apply, ApiWorld.Json)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.PutAsJsonAsync(At(), Request(world) with { Version = queue.Version }, ApiWorld.Json)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync(At())).StatusCode);
            var list = await client.GetFromJsonAsync<PagedList<QueueResponse>>("/api/v1/assignment/queues", ApiWorld.Json);
            Assert.Empty(list!.Items);
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await world.Client(ApiWorld.Anonymous).GetAsync(At())).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await world.Client(ApiWorld.Admin).GetAsync(At("/preview"))).StatusCode);
        // A manager may not move their queue to a team outside their subtree.
        var moved = await ErrorsAsync(await world.Client(ApiWorld.ManagerA).PutAsJsonAsync(At(), Request(world) with { TeamId = world.TeamIds[ApiWorld.TeamB], Version = queue.Version }, ApiWorld.Json));
        Assert.Equal(["teamId"], moved.Keys.ToArray());
        Assert.Equal(HttpStatusCode.NoContent, (await world.Client(ApiWorld.ManagerA).DeleteAsync(At())).StatusCode);
    }

    [Fact]
    public async Task Preview_RespectsHardConstraints_ExplanationsAgreeWithThePlan_AndTheSameDataGivesTheSamePlan()
    {
        await using var world = await ApiWorld.CreateAsync();
        var leads = await LeadsAsync(world);
        foreach (var strategy in Enum.GetValues<AssignmentStrategy>())
        {
            var queue = await CreateAsync(world, Request(world, $"queue {strategy}", strategy));
            var preview = await PreviewAsync(world, queue.Id);
            var line = preview.Lines.ToDictionary(l => l.LeadId);
            var (a1, a2) = (world.MemberIds[ApiWorld.RepA1], world.MemberIds[ApiWorld.RepA2]);

            // Source "web" ignoring case, team A's pool and the organization's, New only.
            Assert.Equal(
                new[] { "plain1", "plain2", "plain3", "english", "expert", "hangzhou", "japanese" }.Select(k => leads[k]).Order(),
                line.Keys.Order());
            Assert.Equal(a1, line[leads["english"]].RepId);
            Assert.Equal([a1], line[leads["english"]].EligibleRepIds);
            Assert.Equal(AssignmentDecision.OnlyEligibleRep, line[leads["english"]].DecidedBy);
            Assert.Equal(a1, line[leads["expert"]].RepId);
            Assert.Equal(a2, line[leads["hangzhou"]].RepId);
            Assert.Null(line[leads["japanese"]].RepId);
            Assert.Equal(UnplacedReason.NoEligibleRep, line[leads["japanese"]].Unplaced);
            Assert.Equal([a1, a2], preview.Reps.Select(r => r.MemberId).Order().ToArray());

            // Explanations agree with the plan: the rep is eligible, the runner-up another eligible
            // rep, and each rep's load after is its load before plus 2 h per lead it got.
            foreach (var l in preview.Lines.Where(l => l.RepId is not null))
            {
                Assert.Contains(l.RepId!.Value, l.EligibleRepIds);
                Assert.Equal(l.EligibleRepIds.Count, l.EligibleReps);
                if (l.RunnerUpId is { } second)
                {
                    Assert.NotEqual(l.RepId, second);
                    Assert.Contains(second, l.EligibleRepIds);
                }
                var rep = preview.Reps.Single(r => r.MemberId == l.RepId);
                Assert.InRange(Math.Abs(rep.LoadBeforeHours - l.LoadBeforeHours), 0, 0.01);
                Assert.Equal(rep.LoadAfterHours, l.LoadAfterHours, 6);
            }
            foreach (var rep in preview.Reps)
            {
                var got = preview.Lines.Count(l => l.RepId == rep.MemberId);
                Assert.Equal(got, rep.NewLeads);
                Assert.InRange(Math.Abs(rep.LoadBeforeHours + (2.0 * got) - rep.LoadAfterHours), 0, 0.01);
            }
            Assert.Equal(0, preview.Metrics.Violations);

            // The same database and seed, the same plan.
            var again = await PreviewAsync(world, queue.Id);
            Assert.Equal(
                preview.Lines.Select(l => (l.LeadId, l.RepId, l.RunnerUpId, l.DecidedBy)),
                again.Lines.Select(l => (l.LeadId, l.RepId, l.RunnerUpId, l.DecidedBy)));
        }
    }

    [Fact]
    public async Task Preview_Balanced_GivesALeadToItsCompanysAccountOwner_NotWhenTwoRepsOwnThatName_NorUnderLeastLoaded()
    {
        await using var world = await ApiWorld.CreateAsync();
        await LeadsAsync(world);
        var (a1, a2) = (world.MemberIds[ApiWorld.RepA1], world.MemberIds[ApiWorld.RepA2]);
        var teamA = world.TeamIds[ApiWorld.TeamA];
        Dictionary<string, long> ids;
        await using (var db = world.Host.Database.CreateContext(world.Host.OrgId))
        {
            // ApiWorld's accounts are named "account of <owner>"; the company is matched trimmed and ignoring case.
            db.Accounts.AddRange(new Headroom.Accounts.Account { Name = "Shared Co", OwnerId = a1 }, new Headroom.Accounts.Account { Name = "shared co ", OwnerId = a2 });
            var added = new Dictionary<string, Lead>
            {
                ["ofA1"] = new() { Name = "from A1's customer", Company = "Account of repA1", PoolTeamId = teamA, Source = "web" },
                ["ofA2"] = new() { Name = "from A2's customer", Company = " ACCOUNT OF REPA2", PoolTeamId = teamA, Source = "web" },
                ["ofB"] = new() { Name = "from team B's customer", Company = "account of repB", PoolTeamId = teamA, Source = "web" },
                ["shared"] = new() { Name = "from a shared name", Company = "Shared Co", PoolTeamId = teamA, Source = "web" },
            };
            db.Leads.AddRange(added.Values);
            await db.SaveChangesAsync();
            ids = added.ToDictionary(l => l.Key, l => l.Value.Id);
        }

        var balanced = await CreateAsync(world, Request(world, "balanced", AssignmentStrategy.Balanced, region: false));
        var preview = await PreviewAsync(world, balanced.Id);
        var line = preview.Lines.ToDictionary(l => l.LeadId);
        Assert.All(preview.Reps, r => Assert.True(r.NewLeads > 0, r.Name));
        Assert.Equal((a1, AssignmentDecision.AccountOwner), (line[ids["ofA1"]].RepId, line[ids["ofA1"]].DecidedBy));
        Assert.Equal((a2, AssignmentDecision.AccountOwner), (line[ids["ofA2"]].RepId, line[ids["ofA2"]].DecidedBy));
        Assert.NotEqual(AssignmentDecision.AccountOwner, line[ids["ofB"]].DecidedBy);
        Assert.NotEqual(AssignmentDecision.AccountOwner, line[ids["shared"]].DecidedBy);
        Assert.Equal(1, preview.Lines.Count(l => l.DecidedBy == AssignmentDecision.AccountOwner && l.RepId == a1));
        Assert.Equal(0, preview.Metrics.TotalCost);

        var least = await CreateAsync(world, Request(world, "least loaded", AssignmentStrategy.LeastLoaded, region: false));
        Assert.DoesNotContain((await PreviewAsync(world, least.Id)).Lines, l => l.DecidedBy == AssignmentDecision.AccountOwner);
    }

    [Fact]
    public async Task Preview_RepOnLeaveToday_OrWeightZero_TakesNothing_AndFullRepsMakeTheReasonFull()
    {
        await using var world = await ApiWorld.CreateAsync();
        var leads = await LeadsAsync(world);
        await using (var db = world.Host.Database.CreateContext(world.Host.OrgId))
        {
            db.TimeOffs.Add(new TimeOff { MemberId = world.MemberIds[ApiWorld.RepA2], StartDate = new DateOnly(2026, 11, 2), EndDate = new DateOnly(2026, 11, 2) });
            await db.SaveChangesAsync();
        }
        var queue = await CreateAsync(world, Request(world, region: false) with { MaxOpenLeadsPerRep = 2 });
        var preview = await PreviewAsync(world, queue.Id);
        Assert.Equal(QueueRepStatus.OnLeaveToday, preview.Reps.Single(r => r.MemberId == world.MemberIds[ApiWorld.RepA2]).Status);
        Assert.All(preview.Lines.Where(l => l.RepId is not null), l => Assert.Equal(world.MemberIds[ApiWorld.RepA1], l.RepId));
        Assert.Equal(2, preview.Lines.Count(l => l.RepId is not null));
        Assert.Equal(UnplacedReason.EligibleRepsFull, preview.Lines.Single(l => l.LeadId == leads["plain3"]).Unplaced);

        var weighted = await CreateAsync(world, Request(world, "weights", region: false) with
        {
            Weights = [new QueueWeightRequest(world.MemberIds[ApiWorld.RepA1], 0)],
        });
        var none = await PreviewAsync(world, weighted.Id);
        Assert.Equal(QueueRepStatus.LeftOut, none.Reps.Single(r => r.MemberId == world.MemberIds[ApiWorld.RepA1]).Status);
        Assert.All(none.Lines, l => Assert.Null(l.RepId));
    }

    [Fact]
    public async Task Apply_GivesOwnersAndLogsRouting_RefusesStaleAndForeignLinesWritingNothing()
    {
        await using var world = await ApiWorld.CreateAsync();
        var leads = await LeadsAsync(world);
        var queue = await CreateAsync(world, Request(world));
        var preview = await PreviewAsync(world, queue.Id);
        var placed = preview.Lines.Where(l => l.RepId is not null).ToList();
        var client = world.Client(ApiWorld.ManagerA);
        var url = new Uri($"/api/v1/assignment/queues/{queue.Id}/apply", UriKind.Relative);
        QueueLineRequest Line(QueuePreviewLine l, long? to = null) => new(l.LeadId, l.LeadVersion, to ?? l.RepId, "why");

        // Out of scope: team B's lead; a receiver outside the team or not meeting the requirements.
        var foreign = await ErrorsAsync(await client.PostAsJsonAsync(url, new QueueApplyRequest(
            [Line(placed[0]), new QueueLineRequest(leads["teamB"], 0, world.MemberIds[ApiWorld.RepA1])]), ApiWorld.Json));
        Assert.Equal(["lines[1].leadId"], foreign.Keys.ToArray());
        var english = preview.Lines.Single(l => l.LeadId == leads["english"]);
        var receivers = await ErrorsAsync(await client.PostAsJsonAsync(url, new QueueApplyRequest(
            [Line(placed[0], world.MemberIds[ApiWorld.RepB]), Line(english, world.MemberIds[ApiWorld.RepA2])]), ApiWorld.Json));
        Assert.Equal(["lines[0].toMemberId", "lines[1].toMemberId"], receivers.Keys.Order().ToArray());

        // Stale: someone claimed a lead after the preview.
        var claimed = placed.First(l => l.LeadId == leads["plain1"]);
        await using (var db = world.Host.Database.CreateContext(world.Host.OrgId))
        {
            (await db.Leads.SingleAsync(l => l.Id == claimed.LeadId)).OwnerId = world.MemberIds[ApiWorld.RepA2];
            await db.SaveChangesAsync();
        }
        var stale = await client.PostAsJsonAsync(url, new QueueApplyRequest([.. placed.Select(l => Line(l))]), ApiWorld.Json);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("plain 1", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using (var db = world.Host.Database.CreateContext(world.Host.OrgId))
        {
            Assert.Empty(await db.AssignmentLog.Where(e => e.Source != AssignmentSource.Manual).ToListAsync());
            Assert.Equal(1, await db.Leads.CountAsync(l => l.OwnerId != null && l.PoolTeamId == world.TeamIds[ApiWorld.TeamA]));
        }

        // The rest applies; one re-routed to the other eligible rep.
        var rest = placed.Where(l => l.LeadId != claimed.LeadId).ToList();
        var other = rest.First(l => l.EligibleRepIds.Count > 1);
        var moved = other.EligibleRepIds.Single(id => id != other.RepId);
        var applied = await client.PostAsJsonAsync(url, new QueueApplyRequest([.. rest.Select(l => l == other ? Line(l, moved) : Line(l))]), ApiWorld.Json);
        Assert.Equal(HttpStatusCode.OK, applied.StatusCode);
        await using (var db = world.Host.Database.CreateContext(world.Host.OrgId))
        {
            foreach (var l in rest)
            {
                var lead = await db.Leads.SingleAsync(x => x.Id == l.LeadId);
                Assert.Equal(l == other ? moved : l.RepId, lead.OwnerId);
                Assert.Equal(LeadStatus.New, lead.Status);
            }
            var log = await db.AssignmentLog.Where(e => e.Source != AssignmentSource.Manual).ToListAsync();
            Assert.Equal(rest.Count, log.Count);
            Assert.All(log, e => Assert.Equal((AssignmentSource.Routing, RebalanceItemKind.Lead, (long?)null, "why", (long?)world.MemberIds[ApiWorld.ManagerA]),
                (e.Source, e.ItemKind, e.FromMemberId, e.Reason, e.ActorMemberId)));
            Assert.Single(log.Select(e => e.BatchId).Distinct());
        }
        // Those leads are gone from the queue.
        Assert.DoesNotContain((await PreviewAsync(world, queue.Id)).Lines, l => rest.Any(r => r.LeadId == l.LeadId));
    }

    [Fact]
    public async Task CreateLead_WithRoute_Balanced_GoesToTheCompanysAccountOwner_WhoStaysUnderTheHighestUtilization()
    {
        await using var world = await ApiWorld.CreateAsync();
        await LeadsAsync(world);
        var client = world.Client(ApiWorld.ManagerA);
        await CreateAsync(world, Request(world, strategy: AssignmentStrategy.Balanced, region: false, autoRoute: true));
        // With two reps, the online router's cap (the team's highest utilization) leaves room only
        // on the less loaded one, so the load decides; the log names the account owner when that
        // is who got the lead (the router reads the owners too), and only then. The preference
        // among reps with room is in QueueInstanceTests.
        var preview = await client.GetFromJsonAsync<PagedList<QueueResponse>>("/api/v1/assignment/queues", ApiWorld.Json);
        var queue = await PreviewAsync(world, preview!.Items.Single().Id);
        var lighter = queue.Reps.MinBy(r => r.LoadBeforeHours / r.CapacityHours)!;
        var lighterName = world.MemberIds.Single(m => m.Value == lighter.MemberId).Key;
        var response = await client.PostAsJsonAsync("/api/v1/leads",
            new LeadRequest("from a customer", $" ACCOUNT OF {lighterName}", "web", null, null, null, null, null, true), ApiWorld.Json);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var lead = (await response.Content.ReadFromJsonAsync<LeadResponse>(ApiWorld.Json))!;
        Assert.Equal(lighter.MemberId, lead.OwnerId);
        await using var db = world.Host.Database.CreateContext(world.Host.OrgId);
        var entry = await db.AssignmentLog.SingleAsync(e => e.ItemKind == RebalanceItemKind.Lead && e.ItemId == lead.Id);
        Assert.Contains("the company's account owner", entry.Reason, StringComparison.Ordinal);

        var heavierName = world.MemberIds.Single(m => m.Value == queue.Reps.Single(r => r.MemberId != lighter.MemberId).MemberId).Key;
        var other = (await (await client.PostAsJsonAsync("/api/v1/leads",
            new LeadRequest("from the other customer", $"account of {heavierName}", "web", null, null, null, null, null, true), ApiWorld.Json))
            .Content.ReadFromJsonAsync<LeadResponse>(ApiWorld.Json))!;
        var otherEntry = await db.AssignmentLog.SingleAsync(e => e.ItemKind == RebalanceItemKind.Lead && e.ItemId == other.Id);
        Assert.Equal(other.OwnerId == world.MemberIds[heavierName], otherEntry.Reason!.Contains("account owner", StringComparison.Ordinal));
        // A company nobody in the team owns an account of is routed by load alone.
        var stranger = (await (await client.PostAsJsonAsync("/api/v1/leads",
            new LeadRequest("from a stranger", "account of repB", "web", null, null, null, null, null, true), ApiWorld.Json))
            .Content.ReadFromJsonAsync<LeadResponse>(ApiWorld.Json))!;
        Assert.NotNull(stranger.OwnerId);
        Assert.DoesNotContain("account owner", (await db.AssignmentLog.SingleAsync(e => e.ItemKind == RebalanceItemKind.Lead && e.ItemId == stranger.Id)).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateLead_WithRoute_GoesToTheAutoRoutingQueuesRep_AndIsLogged_OtherwiseNothingIsSaved()
    {
        await using var world = await ApiWorld.CreateAsync();
        await LeadsAsync(world);
        var client = world.Client(ApiWorld.ManagerA);
        var english = new LeadRequest("new web lead", null, "web", null, "en", null, null, null, true);

        var noQueue = await ErrorsAsync(await client.PostAsJsonAsync("/api/v1/leads", english, ApiWorld.Json));
        Assert.Equal(["route"], noQueue.Keys.ToArray());
        await CreateAsync(world, Request(world, strategy: AssignmentStrategy.RoundRobin, autoRoute: true));
        Assert.Equal(["route"], (await ErrorsAsync(await world.Client(ApiWorld.RepA1).PostAsJsonAsync("/api/v1/leads", english, ApiWorld.Json))).Keys.ToArray());
        Assert.Equal(["route"], (await ErrorsAsync(await client.PostAsJsonAsync("/api/v1/leads", english with { OwnerId = world.MemberIds[ApiWorld.RepA1] }, ApiWorld.Json))).Keys.ToArray());
        // Manager B's teams have no queue.
        Assert.Equal(["route"], (await ErrorsAsync(await world.Client(ApiWorld.ManagerB).PostAsJsonAsync("/api/v1/leads", english, ApiWorld.Json))).Keys.ToArray());

        var created = await client.PostAsJsonAsync("/api/v1/leads", english, ApiWorld.Json);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var lead = await created.Content.ReadFromJsonAsync<LeadResponse>(ApiWorld.Json);
        Assert.Equal(world.MemberIds[ApiWorld.RepA1], lead!.OwnerId);
        // Round robin: two plain leads in a row go to both reps.
        var owners = new List<long?>();
        for (var i = 0; i < 2; i++)
        {
            var plain = await client.PostAsJsonAsync("/api/v1/leads", english with { Name = $"plain {i}", Language = null }, ApiWorld.Json);
            owners.Add((await plain.Content.ReadFromJsonAsync<LeadResponse>(ApiWorld.Json))!.OwnerId);
        }
        Assert.Equal(new long?[] { world.MemberIds[ApiWorld.RepA1], world.MemberIds[ApiWorld.RepA2] }.Order(), owners.Order());

        await using var db = world.Host.Database.CreateContext(world.Host.OrgId);
        var routed = await db.Leads.Where(l => l.Name == "new web lead" || l.Name.StartsWith("plain ")).Select(l => l.Id).ToListAsync();
        var log = await db.AssignmentLog.Where(e => e.ItemKind == RebalanceItemKind.Lead && routed.Contains(e.ItemId)).OrderBy(e => e.Id).ToListAsync();
        // One Routing entry per routed lead, and no Manual one beside it.
        Assert.Equal(3, log.Count);
        Assert.All(log, e => Assert.Equal(AssignmentSource.Routing, e.Source));
        Assert.Equal((AssignmentSource.Routing, lead.Id, (long?)world.MemberIds[ApiWorld.RepA1]), (log[0].Source, log[0].ItemId, log[0].ToMemberId));
        Assert.Contains("queue Team A web", log[0].Reason, StringComparison.Ordinal);
        Assert.Equal(0, await db.Leads.CountAsync(l => l.Name == "new web lead" && l.OwnerId == null));
    }
}
