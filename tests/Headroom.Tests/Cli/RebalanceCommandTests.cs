using System.Text.Json;
using Headroom.Assignment;
using Headroom.Cli;
using Headroom.FollowUps;
using Headroom.Organizations;
using Microsoft.EntityFrameworkCore;
using static Headroom.Tests.Cli.CliRun;

namespace Headroom.Tests.Cli;

// `headroom rebalance` against the test database, as a script would run it.
[Trait("Category", "Integration")]
[Collection(nameof(CliCollection))]
public sealed class RebalanceCommandTests
{
    // Two weeks from Monday 2 November 2026 in Shanghai: Li carries four 25-hour tenders due that
    // Friday against 80 hours of capacity; Wang, in the same team, has nothing but overhead.
    private static async Task<(TestDatabase Database, long Li, long Wang)> SeedAsync()
    {
        var database = await TestDatabase.CreateAsync();
        var org = await database.CreateOrganizationAsync();
        await using var db = database.CreateContext(org.Id);
        var north = new Team { Name = "华北" };
        var li = new Member { Name = "Li Lei", Team = north };
        var wang = new Member { Name = "Wang Fang", Team = north };
        db.AddRange(north, li, wang);
        await db.SaveChangesAsync();
        for (var i = 1; i <= 4; i++)
        {
            db.Add(new FollowUp { Title = $"Tender {i}", AssigneeId = li.Id, DueUtc = new DateTime(2026, 11, 6, 8, 0, 0, DateTimeKind.Utc), EffortHours = 25 });
        }
        await db.SaveChangesAsync();
        return (database, li.Id, wang.Id);
    }

    [Fact]
    public async Task DryRun_ProposesAndChangesNothing_ThenApplyLogsAsCli()
    {
        var (database, li, wang) = await SeedAsync();
        await using var _ = database;

        var (exit, output, error) = await RunAsync(database, "rebalance", "--team", "华北", "--dry-run", "--as-of", "2026-11-02", "--format", "json");
        Assert.True(exit == ExitCodes.Ok, error);
        using (var json = JsonDocument.Parse(output))
        {
            var moves = json.RootElement.GetProperty("moves").EnumerateArray().ToList();
            // 100 h + 12 h overhead of 80 h: two tenders go, leaving 62 h (78 %) and Wang 62 h.
            Assert.Equal(2, moves.Count);
            Assert.All(moves, m => Assert.Equal((li, wang), (m.GetProperty("fromMemberId").GetInt64(), m.GetProperty("toMemberId").GetInt64())));
            Assert.Equal(1.4, json.RootElement.GetProperty("before").GetProperty("maxUtilization").GetDouble(), 6);
            Assert.Equal(0, json.RootElement.GetProperty("after").GetProperty("over").GetInt32());
            Assert.False(json.RootElement.GetProperty("applied").GetBoolean());
        }
        await using (var db = database.CreateContext(await database.CreateContext().Organizations.Select(o => o.Id).SingleAsync()))
        {
            Assert.Equal(0, await db.AssignmentLog.CountAsync(e => e.Source != AssignmentSource.Manual));
            Assert.Equal(4, await db.FollowUps.CountAsync(f => f.AssigneeId == li));
        }

        var (applyExit, table, applyError) = await RunAsync(database, "rebalance", "--team", "华北", "--as-of", "2026-11-02");
        Assert.True(applyExit == ExitCodes.Ok, applyError);
        Assert.Contains("Applied: 2 changes of owner logged", table, StringComparison.Ordinal);
        await using (var db = database.CreateContext(await database.CreateContext().Organizations.Select(o => o.Id).SingleAsync()))
        {
            var log = await db.AssignmentLog.Where(e => e.Source != AssignmentSource.Manual).ToListAsync();
            Assert.Equal(2, log.Count);
            Assert.All(log, e => Assert.Equal(("cli", (long?)null, AssignmentSource.Rebalance, (long?)li, (long?)wang), (e.ActorName, e.ActorMemberId, e.Source, e.FromMemberId, e.ToMemberId)));
            Assert.All(log, e => Assert.Contains("Li Lei", e.Reason, StringComparison.Ordinal));
            Assert.Equal(2, await db.FollowUps.CountAsync(f => f.AssigneeId == wang));
        }
        // Now everyone is within the band.
        var (_, again, _) = await RunAsync(database, "rebalance", "--team", "华北", "--as-of", "2026-11-02", "--dry-run");
        Assert.Contains("Everyone is within the band", again, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadInput_HasTheDocumentedExitCodes()
    {
        var (database, _, _) = await SeedAsync();
        await using var _ = database;
        Assert.Equal(ExitCodes.NotFound, (await RunAsync(database, "rebalance", "--team", "Nowhere", "--dry-run")).Exit);
        Assert.Equal(ExitCodes.InvalidInput, (await RunAsync(database, "rebalance", "--team", "华北", "--max-moves", "-1")).Exit);
        Assert.Equal(ExitCodes.InvalidInput, (await RunAsync(database, "rebalance", "--team", "华北", "--weeks", "9")).Exit);
        Assert.Equal(ExitCodes.InvalidInput, (await RunAsync(database, "rebalance", "--team", "华北", "--as-of", "2/11/2026")).Exit);
        Assert.Equal(ExitCodes.Usage, (await RunAsync(database, "rebalance", "--dry-run")).Exit);
    }
}
