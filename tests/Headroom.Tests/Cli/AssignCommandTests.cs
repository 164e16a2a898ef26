using System.Text.Json;
using Headroom.Assignment;
using Headroom.Cli;
using Headroom.Leads;
using Headroom.Organizations;
using Microsoft.EntityFrameworkCore;
using static Headroom.Tests.Cli.CliRun;

namespace Headroom.Tests.Cli;

// `headroom assign --queue Q` against the test database: the dry run prints the plan with its
// explanations and changes nothing; without --dry-run the leads get owners and the log says "cli".
[Trait("Category", "Integration")]
[Collection(nameof(CliCollection))]
public sealed class AssignCommandTests
{
    [Fact]
    public async Task Assign_DryRunPrintsThePlan_JsonAgrees_ThenApplyGivesOwnersAndLogsAsCli()
    {
        await using var database = await TestDatabase.CreateAsync();
        var org = await database.CreateOrganizationAsync();
        long li, wang;
        await using (var db = database.CreateContext(org.Id))
        {
            var north = new Team { Name = "华北" };
            var a = new Member { Name = "Li Lei", Team = north, Languages = ["zh", "en"] };
            var b = new Member { Name = "Wang Fang", Team = north, Languages = ["zh"] };
            db.AddRange(north, a, b);
            await db.SaveChangesAsync();
            db.Leads.AddRange(
                new Lead { Name = "Acme inquiry", Language = "en" },
                new Lead { Name = "北京 inquiry", Language = "zh", PoolTeamId = north.Id },
                new Lead { Name = "Owned already", OwnerId = a.Id });
            db.AssignmentQueues.Add(new AssignmentQueue { Name = "North inbound", TeamId = north.Id, Strategy = AssignmentStrategy.RoundRobin });
            await db.SaveChangesAsync();
            (li, wang) = (a.Id, b.Id);
        }

        var (exit, output, error) = await RunAsync(database, "assign", "--queue", "North inbound", "--dry-run");
        Assert.True(exit == ExitCodes.Ok, error);
        Assert.Contains("Acme inquiry", output, StringComparison.Ordinal);
        Assert.Contains("北京 inquiry", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Owned already", output, StringComparison.Ordinal);
        Assert.Contains("queue North inbound: Li Lei, the only eligible rep of 1 eligible", output, StringComparison.Ordinal);
        Assert.Contains("Dry run: nothing was changed.", output, StringComparison.Ordinal);
        await using (var db = database.CreateContext(org.Id))
        {
            Assert.Equal(2, await db.Leads.CountAsync(l => l.OwnerId == null));
        }

        var (jsonExit, json, _) = await RunAsync(database, "assign", "--queue", "North inbound", "--dry-run", "--format", "json");
        Assert.Equal(ExitCodes.Ok, jsonExit);
        var lines = JsonDocument.Parse(json).RootElement.GetProperty("lines").EnumerateArray()
            .ToDictionary(l => l.GetProperty("leadName").GetString()!, l => l.GetProperty("repId").GetInt64());
        Assert.Equal(li, lines["Acme inquiry"]);
        Assert.Equal(wang, lines["北京 inquiry"]);

        (exit, output, error) = await RunAsync(database, "assign", "--queue", "North inbound");
        Assert.True(exit == ExitCodes.Ok, error);
        Assert.Contains("Applied: 2 lead(s)", output, StringComparison.Ordinal);
        await using (var db = database.CreateContext(org.Id))
        {
            Assert.Equal(li, (await db.Leads.SingleAsync(l => l.Name == "Acme inquiry")).OwnerId);
            Assert.Equal(wang, (await db.Leads.SingleAsync(l => l.Name == "北京 inquiry")).OwnerId);
            // Only the routing: whatever else the setup owned is logged as Manual.
            var log = await db.AssignmentLog.Where(e => e.Source != AssignmentSource.Manual).OrderBy(e => e.Id).ToListAsync();
            Assert.Equal(2, log.Count);
            Assert.All(log, e => Assert.Equal(("cli", AssignmentSource.Routing), (e.ActorName, e.Source)));
        }
        Assert.Equal(ExitCodes.NotFound, (await RunAsync(database, "assign", "--queue", "nope")).Exit);
        Assert.Equal(ExitCodes.InvalidInput, (await RunAsync(database, "assign", "--queue", "North inbound", "--limit", "0")).Exit);
    }
}
