using System.Text.Json;
using Headroom.Accounts;
using Headroom.Activities;
using Headroom.Cli;
using Headroom.Deals;
using Headroom.FollowUps;
using Headroom.Organizations;
using Microsoft.EntityFrameworkCore;
using static Headroom.Tests.Cli.CliRun;

namespace Headroom.Tests.Cli;

// `headroom report workload` against the test database, as a script would run it.
[Trait("Category", "Integration")]
[Collection(nameof(CliCollection))]
public sealed class ReportCommandTests
{
    // Week of Monday 2 November 2026 in Shanghai: Li (full time) has a 10-hour follow-up due
    // Friday and 3 hours of logged calls; Wang (half time) is in another team.
    private static async Task<TestDatabase> SeedAsync()
    {
        var database = await TestDatabase.CreateAsync();
        var org = await database.CreateOrganizationAsync();
        await using var db = database.CreateContext(org.Id);
        var north = new Team { Name = "华北" };
        var south = new Team { Name = "South, \"B\"" };
        var li = new Member { Name = "=Li Lei", Team = north };
        var wang = new Member { Name = "Wang Fang", Team = south, WeeklyCapacityHours = 20 };
        db.AddRange(north, south, li, wang);
        await db.SaveChangesAsync();
        db.Add(new FollowUp { Title = "Proposal", AssigneeId = li.Id, DueUtc = new DateTime(2026, 11, 6, 8, 0, 0, DateTimeKind.Utc), EffortHours = 10 });
        db.Add(new SalesActivity { MemberId = li.Id, Type = ActivityType.Call, StartUtc = new DateTime(2026, 11, 3, 2, 0, 0, DateTimeKind.Utc), DurationMinutes = 180, Outcome = ActivityOutcome.Completed });
        await db.SaveChangesAsync();
        return database;
    }

    [Fact]
    public async Task Workload_Csv_OneRowPerMemberAndWeek()
    {
        await using var database = await SeedAsync();

        var (exit, output, error) = await RunAsync(database, "report", "workload", "--from", "2026-11-02", "--to", "2026-11-08", "--as-of", "2026-11-02", "--format", "csv");

        Assert.True(exit == ExitCodes.Ok, error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.StartsWith("member_id,member,team,period_start,period_end,capacity_hours,followups_hours", lines[0], StringComparison.Ordinal);
        Assert.Equal(3, lines.Length);
        // 40 h capacity; 10 h follow-up + 6 h overhead (15 %) = 16 h load, 40 %, under; 3 h logged;
        // the four weeks before held only overhead (15 %), so the trend is +25 points.
        Assert.Matches(@"^\d+,'=Li Lei,华北,2026-11-02,2026-11-08,40,10,0,0,0,6,16,3,0\.4,0\.075,under,0\.25$", lines[1]);
        Assert.Matches(@"^\d+,Wang Fang,""South, """"B"""""",2026-11-02,2026-11-08,20,0,0,0,0,3,3,0,0\.15,0,under,0$", lines[2]);
    }

    [Fact]
    public async Task Workload_TeamAsJson_AndAsTable()
    {
        await using var database = await SeedAsync();

        var (exit, output, _) = await RunAsync(database, "report", "workload", "--team", "华北", "--from", "2026-11-02", "--to", "2026-11-04", "--period", "day", "--as-of", "2026-11-02", "--format", "json");
        Assert.Equal(ExitCodes.Ok, exit);
        using var json = JsonDocument.Parse(output);
        var member = Assert.Single(json.RootElement.GetProperty("members").EnumerateArray());
        Assert.Equal("=Li Lei", member.GetProperty("name").GetString());
        var days = member.GetProperty("periods").EnumerateArray().ToList();
        Assert.Equal(3, days.Count);
        Assert.Equal("2026-11-03", days[1].GetProperty("start").GetString());
        Assert.Equal(3, days[1].GetProperty("actualHours").GetDouble());
        Assert.Equal(2, days[1].GetProperty("load").GetProperty("followUps").GetDouble(), 9);
        Assert.Equal(3, json.RootElement.GetProperty("team").GetArrayLength());

        var (tableExit, table, _) = await RunAsync(database, "report", "workload", "--from", "2026-11-02", "--to", "2026-11-08", "--as-of", "2026-11-02");
        Assert.Equal(ExitCodes.Ok, tableExit);
        Assert.Contains("Wang Fang", table, StringComparison.Ordinal);
        Assert.Contains("under", table, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Workload_BadInput_HasTheDocumentedExitCodes()
    {
        await using var database = await SeedAsync();

        Assert.Equal(ExitCodes.InvalidInput, (await RunAsync(database, "report", "workload", "--from", "2026-11-09", "--to", "2026-11-02")).Exit);
        Assert.Equal(ExitCodes.InvalidInput, (await RunAsync(database, "report", "workload", "--from", "2/11/2026", "--to", "2026-11-02")).Exit);
        Assert.Equal(ExitCodes.NotFound, (await RunAsync(database, "report", "workload", "--team", "Nowhere", "--from", "2026-11-02", "--to", "2026-11-08")).Exit);
        Assert.Equal(ExitCodes.Usage, (await RunAsync(database, "report", "workload", "--from", "2026-11-02")).Exit);
        Assert.Equal(ExitCodes.Usage, (await RunAsync(database, "report", "workload", "--from", "2026-11-02", "--to", "2026-11-08", "--period", "year")).Exit);
    }

    // Li wins 12,000.00 on 5 November after 10 days and loses one; Wang in the other team wins one.
    [Fact]
    public async Task Kpis_PerMemberAndTotal_AsCsvAndForOneTeam()
    {
        await using var database = await SeedAsync();
        await using (var db = database.CreateContext(await database.CreateContext().Organizations.Select(o => o.Id).SingleAsync()))
        {
            var li = await db.Members.SingleAsync(m => m.Name == "=Li Lei");
            var wang = await db.Members.SingleAsync(m => m.Name == "Wang Fang");
            var stage = await db.PipelineStages.Where(s => s.ClosesAs == null).OrderBy(s => s.SortOrder).FirstAsync();
            var account = db.Accounts.Add(new Account { Name = "Hongda", OwnerId = li.Id }).Entity;
            await db.SaveChangesAsync();
            db.Deals.AddRange(
                new Deal { Name = "won", AccountId = account.Id, OwnerId = li.Id, AmountMinor = 1_200_000, StageId = stage.Id, Outcome = DealOutcome.Won,
                    CreatedUtc = new DateTime(2026, 10, 26, 2, 0, 0, DateTimeKind.Utc), ClosedUtc = new DateTime(2026, 11, 5, 2, 0, 0, DateTimeKind.Utc) },
                new Deal { Name = "lost", AccountId = account.Id, OwnerId = li.Id, AmountMinor = 300_000, StageId = stage.Id, Outcome = DealOutcome.Lost,
                    CreatedUtc = new DateTime(2026, 9, 1, 2, 0, 0, DateTimeKind.Utc), ClosedUtc = new DateTime(2026, 11, 6, 2, 0, 0, DateTimeKind.Utc) },
                new Deal { Name = "wang won", AccountId = account.Id, OwnerId = wang.Id, AmountMinor = 500_000, StageId = stage.Id, Outcome = DealOutcome.Won,
                    CreatedUtc = new DateTime(2026, 11, 2, 2, 0, 0, DateTimeKind.Utc), ClosedUtc = new DateTime(2026, 11, 4, 2, 0, 0, DateTimeKind.Utc) });
            await db.SaveChangesAsync();
        }

        var (exit, output, error) = await RunAsync(database, "report", "kpis", "--from", "2026-11-01", "--to", "2026-11-30", "--format", "csv");
        Assert.True(exit == ExitCodes.Ok, error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.StartsWith("member_id,member,won_revenue_minor,deals_won,deals_lost,win_rate", lines[0], StringComparison.Ordinal);
        Assert.Equal(4, lines.Length);
        Assert.Matches(@"^\d+,'=Li Lei,1200000,1,1,0\.5,1200000,10,0,0,0,0,0,1,180,", lines[1]);
        Assert.Matches(@"^\d+,Wang Fang,500000,1,0,1,500000,2,1,500000,", lines[2]);
        Assert.StartsWith(",Total,1700000,2,1,0.6667,850000,6,1,500000,", lines[3], StringComparison.Ordinal);

        var (teamExit, team, _) = await RunAsync(database, "report", "kpis", "--team", "华北", "--from", "2026-11-01", "--to", "2026-11-30");
        Assert.Equal(ExitCodes.Ok, teamExit);
        Assert.Contains("=Li Lei", team, StringComparison.Ordinal);
        Assert.DoesNotContain("Wang Fang", team, StringComparison.Ordinal);
        Assert.Contains("¥12,000.00", team, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.InvalidInput, (await RunAsync(database, "report", "kpis", "--from", "2026-11-30", "--to", "2026-11-01")).Exit);
    }
}
