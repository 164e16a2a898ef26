using Headroom.Activities;
using Headroom.Organizations;
using Headroom.Wellbeing;
using Headroom.Workload;

namespace Headroom.Tests.Wellbeing;

[Trait("Category", "Integration")]
public sealed class WellbeingQueryTests
{
    // The window (19 October to 15 November 2026) spans the end of daylight saving in New York (1 November).
    private static readonly DateOnly AsOf = new(2026, 11, 15);

    [Fact]
    public async Task Load_ManagerScope_ActivityPerLocalHourInEachMembersZone_NoOnesPulse()
    {
        await using var database = await TestDatabase.CreateAsync();
        var org = await database.CreateOrganizationAsync();
        var ids = await SeedAsync(database, org.Id);

        await using var db = database.CreateContext(org.Id);
        var scope = await AccessScope.ForMemberAsync(db, ids.Manager);
        var inputs = await WellbeingQuery.LoadAsync(db, scope, AsOf);

        Assert.Equal(["Li Lei", "Wang Fang", "Zhang Wei"], inputs.Members.Select(m => m.Name));
        Assert.Equal((new TimeOnly(9, 0), new TimeOnly(18, 0)), (inputs.WorkdayStart, inputs.WorkdayEnd));
        Assert.Equal([ids.Li], inputs.Leave.Select(l => l.MemberId));
        // Li answered the survey; their manager reads no one's answers, only their own (none).
        Assert.Empty(inputs.Pulse);

        // Shanghai: 14:00 UTC on 20 October is 22:00; 02:00 UTC on 21 October is 10:00 (two
        // activities in one hour). New York: 23:30 UTC on 30 October is 19:30 EDT; 00:30 UTC on
        // 3 November is 19:30 EST on the 2nd. Planned and cancelled ones, the outsider's and
        // those outside the window are not read.
        Assert.Equal(
            [
                new ActivityHour(ids.Li, new DateOnly(2026, 10, 20), 22, 60),
                new ActivityHour(ids.Li, new DateOnly(2026, 10, 21), 10, 75),
                new ActivityHour(ids.Wang, new DateOnly(2026, 10, 30), 19, 30),
                new ActivityHour(ids.Wang, new DateOnly(2026, 11, 2), 19, 40),
            ],
            inputs.Activity.OrderBy(a => a.MemberId == ids.Li ? 0 : 1).ThenBy(a => a.Date).ThenBy(a => a.Hour));

        var risks = BurnoutRiskScorer.Score(inputs, AsOf);
        Assert.Equal(3, risks.Count);
    }

    [Fact]
    public async Task Load_MatchesTheInMemoryBucketsOfTheSameLog()
    {
        await using var database = await TestDatabase.CreateAsync();
        var org = await database.CreateOrganizationAsync();
        var ids = await SeedAsync(database, org.Id);

        await using var db = database.CreateContext(org.Id);
        var inputs = await WellbeingQuery.LoadAsync(db, AccessScope.WholeOrganization(), AsOf);

        var first = AsOf.AddDays(1 - BurnoutRiskScorer.WindowDays);
        var log = db.SalesActivities
            .Where(a => a.Outcome == ActivityOutcome.Completed || a.Outcome == ActivityOutcome.NoAnswer)
            .Select(a => new { a.MemberId, a.StartUtc, a.DurationMinutes }).AsEnumerable()
            .Select(a => (a.MemberId, a.StartUtc, a.DurationMinutes));
        var expected = ActivityHours.FromLog(log, inputs.Members, org.TimeZoneId).Where(a => a.Date >= first && a.Date <= AsOf);
        Assert.Equal(expected, inputs.Activity);
        Assert.Contains(inputs.Activity, a => a.MemberId == ids.Outsider);
    }

    [Fact]
    public async Task Load_RepScope_OnlyThemselves_WithTheirOwnPulse()
    {
        await using var database = await TestDatabase.CreateAsync();
        var org = await database.CreateOrganizationAsync();
        var ids = await SeedAsync(database, org.Id);

        await using var db = database.CreateContext(org.Id);
        var scope = await AccessScope.ForMemberAsync(db, ids.Li);
        var inputs = await WellbeingQuery.LoadAsync(db, scope, AsOf);

        Assert.Equal([ids.Li], inputs.Members.Select(m => m.Id));
        Assert.Equal([new PulseInput(ids.Li, new DateOnly(2026, 11, 9), 2, 5)], inputs.Pulse);
        var risk = Assert.Single(BurnoutRiskScorer.Score(inputs, AsOf));
        Assert.Contains(risk.Factors, f => f.Kind == RiskFactorKind.HighStress);
    }

    private sealed record Ids(long Manager, long Li, long Wang, long Outsider);

    private static async Task<Ids> SeedAsync(TestDatabase database, long orgId)
    {
        await using var db = database.CreateContext(orgId);
        var north = new Team { Name = "华北" };
        var beijing = new Team { Name = "北京", ParentTeam = north };
        var south = new Team { Name = "华南" };
        var manager = new Member { Name = "Zhang Wei", Role = MemberRole.Manager, Team = north };
        var li = new Member { Name = "Li Lei", Team = beijing };
        var wang = new Member { Name = "Wang Fang", Team = north, TimeZoneId = "America/New_York" };
        var gone = new Member { Name = "Former", Team = north, Active = false };
        var outsider = new Member { Name = "Outsider", Team = south };
        db.AddRange(north, beijing, south, manager, li, wang, gone, outsider);
        await db.SaveChangesAsync();
        north.ManagerId = manager.Id;
        db.AddRange(
            new TimeOff { MemberId = li.Id, StartDate = new DateOnly(2026, 10, 1), EndDate = new DateOnly(2026, 10, 7) },
            new TimeOff { MemberId = outsider.Id, StartDate = new DateOnly(2026, 10, 1), EndDate = new DateOnly(2026, 10, 7) },
            new PulseResponse { MemberId = li.Id, WeekStart = new DateOnly(2026, 11, 9), Energy = 2, Stress = 5, Comment = "累" });
        static SalesActivity Logged(long member, DateTime startUtc, int minutes, ActivityOutcome outcome = ActivityOutcome.Completed) =>
            new() { MemberId = member, Type = ActivityType.Call, StartUtc = startUtc, DurationMinutes = minutes, Outcome = outcome };
        db.SalesActivities.AddRange(
            Logged(li.Id, new DateTime(2026, 10, 20, 14, 0, 0, DateTimeKind.Utc), 60),
            Logged(li.Id, new DateTime(2026, 10, 21, 2, 0, 0, DateTimeKind.Utc), 45),
            Logged(li.Id, new DateTime(2026, 10, 21, 2, 50, 0, DateTimeKind.Utc), 30, ActivityOutcome.NoAnswer),
            Logged(li.Id, new DateTime(2026, 10, 22, 2, 0, 0, DateTimeKind.Utc), 30, ActivityOutcome.Planned),
            Logged(li.Id, new DateTime(2026, 10, 22, 3, 0, 0, DateTimeKind.Utc), 30, ActivityOutcome.Cancelled),
            Logged(li.Id, new DateTime(2026, 9, 1, 2, 0, 0, DateTimeKind.Utc), 30),
            Logged(li.Id, new DateTime(2026, 11, 16, 2, 0, 0, DateTimeKind.Utc), 30),
            Logged(wang.Id, new DateTime(2026, 10, 30, 23, 30, 0, DateTimeKind.Utc), 30),
            Logged(wang.Id, new DateTime(2026, 11, 3, 0, 30, 0, DateTimeKind.Utc), 40),
            Logged(outsider.Id, new DateTime(2026, 11, 3, 12, 0, 0, DateTimeKind.Utc), 50));
        await db.SaveChangesAsync();
        return new Ids(manager.Id, li.Id, wang.Id, outsider.Id);
    }
}
