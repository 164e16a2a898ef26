using System.Text.Json;
using Headroom.Accounts;
using Headroom.Cli;
using Headroom.Deals;
using Headroom.Goals;
using Headroom.Organizations;
using Microsoft.EntityFrameworkCore;
using static Headroom.Tests.Cli.CliRun;

namespace Headroom.Tests.Cli;

// `headroom report goals` against the test database, as a script would run it.
[Trait("Category", "Integration")]
[Collection(nameof(CliCollection))]
public sealed class ReportGoalsCommandTests
{
    // Q4 2026: an organization goal of ¥100,000 with team 华北's ¥60,000 under it; Li of 华北 won
    // ¥30,000 on 5 November; Wang of the other team has a goal too.
    private static async Task<TestDatabase> SeedAsync()
    {
        var database = await TestDatabase.CreateAsync();
        var org = await database.CreateOrganizationAsync();
        await using var db = database.CreateContext(org.Id);
        var north = new Team { Name = "华北" };
        var south = new Team { Name = "South" };
        var li = new Member { Name = "Li Lei", Team = north };
        var wang = new Member { Name = "Wang Fang", Team = south };
        db.AddRange(north, south, li, wang);
        await db.SaveChangesAsync();
        var account = db.Accounts.Add(new Account { Name = "Acme", OwnerId = li.Id }).Entity;
        await db.SaveChangesAsync();
        var won = await db.PipelineStages.Where(s => s.ClosesAs == DealOutcome.Won).Select(s => s.Id).FirstAsync();
        db.Deals.Add(new Deal
        {
            Name = "Pilot", AccountId = account.Id, OwnerId = li.Id, AmountMinor = 3_000_000, StageId = won, Outcome = DealOutcome.Won,
            CreatedUtc = new DateTime(2026, 10, 1, 2, 0, 0, DateTimeKind.Utc), ClosedUtc = new DateTime(2026, 11, 5, 2, 0, 0, DateTimeKind.Utc),
        });
        Goal Quarter(string name, GoalOwnerKind kind, long target, long? team = null, long? member = null, Goal? parent = null) => db.Goals.Add(new Goal
        {
            Name = name, OwnerKind = kind, TeamId = team, MemberId = member, Metric = GoalMetric.WonRevenue, PeriodKind = GoalPeriodKind.Quarter,
            StartDate = new DateOnly(2026, 10, 1), EndDate = new DateOnly(2026, 12, 31), Target = target, ParentGoalId = parent?.Id, Description = "Q4",
        }).Entity;
        var company = Quarter("Company Q4", GoalOwnerKind.Organization, 10_000_000);
        await db.SaveChangesAsync();
        Quarter("North Q4", GoalOwnerKind.Team, 6_000_000, team: north.Id, parent: company);
        Quarter("Wang Q4", GoalOwnerKind.Member, 1_000_000, member: wang.Id, parent: company);
        await db.SaveChangesAsync();
        return database;
    }

    [Fact]
    public async Task Goals_AsCsvJsonAndTable_WithActualAndPace()
    {
        await using var database = await SeedAsync();

        var (exit, output, error) = await RunAsync(database, "report", "goals", "--period", "2026-Q4", "--as-of", "2026-11-15", "--format", "csv");
        Assert.True(exit == ExitCodes.Ok, error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.StartsWith("goal_id,name,owner_kind,owner_id,owner,metric,activity_type,unit,period_start,period_end,status,target,actual,progress", lines[0], StringComparison.Ordinal);
        Assert.Equal(4, lines.Length);
        Assert.Matches(@"^\d+,Company Q4,Organization,,\(organization\),WonRevenue,,MinorUnits,2026-10-01,2026-12-31,Draft,10000000,3000000,0\.3,", lines[1]);
        Assert.Matches(@"^\d+,North Q4,Team,\d+,华北,WonRevenue,,MinorUnits,2026-10-01,2026-12-31,Draft,6000000,3000000,0\.5,", lines[2]);
        Assert.Matches(@"^\d+,Wang Q4,Member,\d+,Wang Fang,WonRevenue,,MinorUnits,2026-10-01,2026-12-31,Draft,1000000,0,0,.*,OffTrack,\d+,", lines[3]);

        var (teamExit, json, _) = await RunAsync(database, "report", "goals", "--team", "华北", "--period", "2026-Q4", "--as-of", "2026-11-15", "--format", "json");
        Assert.Equal(ExitCodes.Ok, teamExit);
        using var document = JsonDocument.Parse(json);
        var goals = document.RootElement.GetProperty("goals");
        Assert.Equal(1, goals.GetArrayLength());
        Assert.Equal("North Q4", goals[0].GetProperty("goal").GetProperty("name").GetString());
        Assert.Equal(3_000_000, goals[0].GetProperty("goal").GetProperty("pace").GetProperty("actual").GetInt64());
        Assert.Equal("2026-Q4", document.RootElement.GetProperty("period").GetString());

        var (tableExit, table, _) = await RunAsync(database, "report", "goals", "--period", "2026-Q4", "--as-of", "2026-11-15");
        Assert.Equal(ExitCodes.Ok, tableExit);
        Assert.Contains("Company Q4", table, StringComparison.Ordinal);
        Assert.Contains("¥30,000.00", table, StringComparison.Ordinal);

        Assert.Equal(ExitCodes.InvalidInput, (await RunAsync(database, "report", "goals", "--period", "2026-Q5")).Exit);
        Assert.Equal(ExitCodes.NotFound, (await RunAsync(database, "report", "goals", "--team", "nobody")).Exit);
    }
}
