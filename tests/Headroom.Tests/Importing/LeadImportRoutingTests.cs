using System.Net;
using Headroom.Assignment;
using Headroom.Importing;
using Headroom.Leads;
using Headroom.Tests.Web;
using Microsoft.EntityFrameworkCore;

namespace Headroom.Tests.Importing;

// Imported leads without an owner go through the first auto-routing queue that takes them, in the
// import's transaction, each with a Routing entry; the rest stay unowned and are counted.
[Trait("Category", "Integration")]
public sealed class LeadImportRoutingTests
{
    private const string Header = "ExternalId,Name,Company,Source,Region,RequiredSkill,RequiredSkillLevel,Language,EstimatedValue,Status,Owner\n";
    internal const string Rows = Header
        + "N-1,钱多多,苏州精密制造,展会,江苏,,,zh,\"50,000\",New,\n"
        + "N-2,Anna Schmidt,Kunshan Tools GmbH,Website,江苏,,,en,9000,New,\n"
        + "N-3,Pierre Dubois,Lyon Optique,Website,江苏,,,fr,7000,New,\n"
        + "N-4,孙悦,杭州云帆,转介绍,浙江,,,zh,12000,New,li.lei@acme.cn\n";

    internal static async Task<(ImportTestOrganization Test, string Path)> ArrangeAsync(string csv)
    {
        var test = await ImportTestOrganization.CreateAsync();
        await using (var db = test.CreateContext())
        {
            var east = await db.Teams.SingleAsync(t => t.Name == "华东大区");
            db.AssignmentQueues.Add(new AssignmentQueue
            {
                Name = "华东新线索", TeamId = east.Id, Strategy = AssignmentStrategy.LeastLoaded, AutoRoute = true, MatchLanguage = true, MatchSkill = true,
            });
            await db.SaveChangesAsync();
        }
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"leads-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(path, csv);
        return (test, path);
    }

    private static LeadRouting Routing(ImportTestOrganization test) =>
        new(Headroom.Organizations.AccessScope.WholeOrganization(), AssignmentActor.Cli, new QueueRouterCache(test.Database.Clock), test.Database.Clock.GetUtcNow());

    [Fact]
    public async Task NewUnownedLeads_AreRouted_AndOnesNoQueueTakes_StayUnowned()
    {
        var (test, path) = await ArrangeAsync(Rows);
        await using var _ = test;
        try
        {
            var result = await test.ImportAsync(ImportKind.Leads, path, routing: Routing(test));
            Assert.True(result.Succeeded, string.Join("\n", result.Errors));
            Assert.Equal((4L, 2L, 1L), (result.Created, result.Routed!.Value, result.Unrouted!.Value));

            await using var db = test.CreateContext();
            var leads = await db.Leads.Where(l => l.ExternalId!.StartsWith("N-")).ToDictionaryAsync(l => l.ExternalId!);
            var english = await db.Members.Where(m => m.Email == "emily.chen@acme.cn" || m.Email == "david.li@acme.cn").Select(m => m.Id).ToListAsync();
            var lilei = await db.Members.SingleAsync(m => m.Email == "li.lei@acme.cn");
            Assert.NotNull(leads["N-1"].OwnerId);
            // Only Emily Chen and David Li speak English.
            Assert.Contains(leads["N-2"].OwnerId!.Value, english);
            Assert.Null(leads["N-3"].OwnerId);
            Assert.Equal(lilei.Id, leads["N-4"].OwnerId);
            Assert.All(leads.Values, l => Assert.Equal(LeadStatus.New, l.Status));

            var ids = leads.Values.Select(l => l.Id).ToList();
            var log = await db.AssignmentLog.Where(e => e.ItemKind == RebalanceItemKind.Lead && ids.Contains(e.ItemId)).ToListAsync();
            var routing = log.Where(e => e.Source == AssignmentSource.Routing).ToList();
            Assert.Equal([leads["N-1"].Id, leads["N-2"].Id], routing.Select(e => e.ItemId).Order());
            Assert.Single(routing.Select(e => e.BatchId).Distinct());
            Assert.All(routing, e => Assert.StartsWith("queue 华东新线索", e.Reason, StringComparison.Ordinal));
            // The routed leads are not also logged as a manual assignment; the one with an owner in the file is.
            Assert.Equal([leads["N-4"].Id], log.Where(e => e.Source == AssignmentSource.Manual).Select(e => e.ItemId));

            // Without routing the same kind of file leaves its leads unowned and counts nothing.
            var plain = await test.ImportAsync(ImportKind.Leads, path);
            Assert.Null(plain.Routed);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task ABadRow_RollsBackEverything_RoutingIncluded()
    {
        var (test, path) = await ArrangeAsync(Rows + "N-5,坏数据,某公司,展会,江苏,,,zh,-5,New,\n");
        await using var _ = test;
        try
        {
            var before = await test.SnapshotAsync();
            var result = await test.ImportAsync(ImportKind.Leads, path, routing: Routing(test));
            Assert.False(result.Succeeded);
            Assert.Equal((6, "EstimatedValue"), (Assert.Single(result.Errors).Row, result.Errors[0].Column));
            Assert.Null(result.Routed);
            Assert.Equal(before, await test.SnapshotAsync());
            await using var db = test.CreateContext();
            Assert.False(await db.AssignmentLog.AnyAsync(e => e.Source == AssignmentSource.Routing));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task TheApi_RoutesOnRequest_OnlyForLeads_AndOnlyForAdmins()
    {
        await using var world = await ApiWorld.CreateAsync();
        await using (var db = world.Host.Database.CreateContext(world.Host.OrgId))
        {
            db.AssignmentQueues.Add(new AssignmentQueue { Name = "A", TeamId = world.TeamIds[ApiWorld.TeamA], Strategy = AssignmentStrategy.RoundRobin, AutoRoute = true });
            await db.SaveChangesAsync();
        }
        const string csv = "ExternalId,Name,Company,Language\nW-1,Web Lead,Acme,\nW-2,Other Lead,Acme,\n";
        var route = ("route", "true");

        var notLeads = await ImportsApiTests.PostAsync(world.Client(ApiWorld.Admin), "accounts", "ExternalId,Name\nX-1,X\n", dryRun: false, extra: route);
        Assert.Equal(HttpStatusCode.BadRequest, notLeads.StatusCode);
        Assert.Contains("\"route\"", await notLeads.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        foreach (var who in new[] { ApiWorld.ManagerA, ApiWorld.RepA1 })
        {
            var refused = await ImportsApiTests.PostAsync(world.Client(who), "leads", csv, dryRun: false, extra: route);
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        var response = await ImportsApiTests.PostAsync(world.Client(ApiWorld.Admin), "leads", csv, dryRun: false, fileName: "leads.csv", extra: route);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("\"routed\":2", body, StringComparison.Ordinal);
        Assert.Contains("\"unrouted\":0", body, StringComparison.Ordinal);
        await using (var db = world.Host.Database.CreateContext(world.Host.OrgId))
        {
            var owners = await db.Leads.Where(l => l.ExternalId == "W-1" || l.ExternalId == "W-2").Select(l => l.OwnerId).ToListAsync();
            var teamA = new[] { world.MemberIds[ApiWorld.RepA1], world.MemberIds[ApiWorld.RepA2], world.MemberIds[ApiWorld.Disabled] };
            Assert.All(owners, o => Assert.Contains(o!.Value, teamA));
            Assert.Equal(2, await db.AssignmentLog.CountAsync(e => e.Source == AssignmentSource.Routing && e.ActorMemberId == world.MemberIds[ApiWorld.Admin]));
        }
    }
}
