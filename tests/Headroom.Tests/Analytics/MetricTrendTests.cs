using Headroom.Accounts;
using Headroom.Activities;
using Headroom.Analytics;
using Headroom.Deals;
using Headroom.Feedback;
using Headroom.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Headroom.Tests.Analytics;

// Hand-computed trends for October and November 2026 in Asia/Shanghai (UTC+8), team A against
// team B, with the edge cases: a member with nothing at all (no deals, no capacity), a deal
// created in October and won in November, a deal won and then reopened, a deal handed from rep1
// to rep2 after it closed, and closes one minute either side of a month's local edge.
[Trait("Category", "Integration")]
public sealed class MetricTrendTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    private static DateTime Utc(int month, int day, int hour = 0, int minute = 0) => new(2026, month, day, hour, minute, 0, DateTimeKind.Utc);

    private sealed record World(WebTestHost Host, long Admin, long Manager, long Rep0, long Rep1, long Rep2, long Rep3, long TeamA) : IAsyncDisposable
    {
        public long[] TeamAReps => [Rep0, Rep1, Rep2];
        public long[] TeamAMembers => [Manager, Rep0, Rep1, Rep2];

        public ValueTask DisposeAsync() => Host.DisposeAsync();
    }

    private static async Task<World> CreateWorldAsync()
    {
        var host = await WebTestHost.CreateAsync();
        long teamA, teamB;
        await using (var db = host.Database.CreateContext(host.OrgId))
        {
            var a = db.Teams.Add(new Team { Name = "A" }).Entity;
            var b = db.Teams.Add(new Team { Name = "B" }).Entity;
            await db.SaveChangesAsync();
            (teamA, teamB) = (a.Id, b.Id);
        }
        var admin = (await host.AddUserAsync("admin@example.com", role: MemberRole.Admin)).MemberId;
        var manager = (await host.AddUserAsync("manager@example.com", role: MemberRole.Manager, teamId: teamA)).MemberId;
        var rep0 = (await host.AddUserAsync("rep0@example.com", teamId: teamA)).MemberId;
        var rep1 = (await host.AddUserAsync("rep1@example.com", teamId: teamA)).MemberId;
        var rep2 = (await host.AddUserAsync("rep2@example.com", teamId: teamA)).MemberId;
        var rep3 = (await host.AddUserAsync("rep3@example.com", teamId: teamB)).MemberId;
        await using var context = host.Database.CreateContext(host.OrgId);
        (await context.Teams.SingleAsync(t => t.Id == teamA)).ManagerId = manager;
        // rep0 works no hours at all: nothing may divide by their capacity.
        (await context.Members.SingleAsync(m => m.Id == rep0)).WeeklyCapacityHours = 0;
        var organization = await context.Organizations.SingleAsync();
        organization.FiscalYearStartMonth = 4;
        var stage = await context.PipelineStages.Where(s => s.ClosesAs == null).OrderBy(s => s.SortOrder).FirstAsync();
        var account1 = context.Accounts.Add(new Account { Name = "rep1 account", OwnerId = rep1 }).Entity;
        var account2 = context.Accounts.Add(new Account { Name = "rep2 account", OwnerId = rep2 }).Entity;
        var account3 = context.Accounts.Add(new Account { Name = "rep3 account", OwnerId = rep3 }).Entity;
        await context.SaveChangesAsync();
        Deal Deal(string name, long owner, long account, long amount, DateTime created, DealOutcome outcome = DealOutcome.Open, DateTime? closed = null) =>
            context.Deals.Add(new Deal
            {
                Name = name, OwnerId = owner, AccountId = account, AmountMinor = amount, StageId = stage.Id, Outcome = outcome, ClosedUtc = closed, CreatedUtc = created,
            }).Entity;
        Deal("created Oct, won Nov, 40 days", rep1, account1.Id, 100_000, Utc(10, 2), DealOutcome.Won, Utc(11, 11));
        Deal("won Nov, 20 days", rep1, account1.Id, 300_000, Utc(11, 1), DealOutcome.Won, Utc(11, 21));
        Deal("lost Nov", rep1, account1.Id, 50_000, Utc(9, 1), DealOutcome.Lost, Utc(11, 5));
        Deal("won Oct 31 23:59 local", rep1, account1.Id, 70_000, Utc(9, 1), DealOutcome.Won, Utc(10, 31, 15, 59));
        var handed = Deal("won Nov 1 00:00 local, handed to rep2", rep1, account1.Id, 20_000, Utc(10, 21, 16), DealOutcome.Won, Utc(10, 31, 16));
        var reopened = Deal("won then reopened", rep2, account2.Id, 500_000, Utc(10, 1), DealOutcome.Won, Utc(11, 10));
        Deal("open, created Nov", rep1, account1.Id, 200_000, Utc(11, 15));
        Deal("team B's win", rep3, account3.Id, 999_999, Utc(11, 2), DealOutcome.Won, Utc(11, 3));
        context.SalesActivities.AddRange(
            new SalesActivity { Type = ActivityType.Call, MemberId = rep1, StartUtc = Utc(11, 3), DurationMinutes = 30, Outcome = ActivityOutcome.Completed, Notes = "Nov call" },
            new SalesActivity { Type = ActivityType.Visit, MemberId = rep1, StartUtc = Utc(11, 4), DurationMinutes = 60, Outcome = ActivityOutcome.Completed, Notes = "Nov visit" },
            new SalesActivity { Type = ActivityType.Call, MemberId = rep1, StartUtc = Utc(11, 5), DurationMinutes = 15, Outcome = ActivityOutcome.Cancelled },
            new SalesActivity { Type = ActivityType.Call, MemberId = rep1, StartUtc = Utc(10, 31, 15), DurationMinutes = 5, Outcome = ActivityOutcome.Completed, Notes = "Oct call" },
            new SalesActivity { Type = ActivityType.Email, MemberId = rep2, StartUtc = Utc(11, 6), DurationMinutes = 5, Outcome = ActivityOutcome.Planned },
            new SalesActivity { Type = ActivityType.Call, MemberId = rep3, StartUtc = Utc(11, 3), DurationMinutes = 45, Outcome = ActivityOutcome.Completed });
        void Score(FeedbackKind kind, int score, long account, int month, int day) =>
            context.CustomerFeedback.Add(new CustomerFeedback { Kind = kind, Score = score, AccountId = account, Date = new DateOnly(2026, month, day) });
        Score(FeedbackKind.Csat, 4, account1.Id, 11, 10);
        Score(FeedbackKind.Csat, 5, account1.Id, 11, 10);
        Score(FeedbackKind.Csat, 1, account1.Id, 10, 31);
        Score(FeedbackKind.Csat, 1, account3.Id, 11, 10);
        Score(FeedbackKind.Nps, 10, account1.Id, 11, 20);
        Score(FeedbackKind.Nps, 9, account1.Id, 11, 20);
        Score(FeedbackKind.Nps, 3, account1.Id, 11, 30);
        await context.SaveChangesAsync();

        // Handed over after it closed, and reopened after it was won: both real second saves.
        handed.OwnerId = rep2;
        reopened.Outcome = DealOutcome.Open;
        reopened.ClosedUtc = null;
        await context.SaveChangesAsync();
        return new World(host, admin, manager, rep0, rep1, rep2, rep3, teamA);
    }

    private static TrendBuckets Months() => TrendBuckets.Cover(TrendGranularity.Month, new DateOnly(2026, 10, 1), new DateOnly(2026, 11, 30), 4, Shanghai);

    private static async Task<TrendValues> TeamATrendAsync(World world, TrendMetric metric, ActivityType? type = null, TrendBuckets? buckets = null)
    {
        await using var db = world.Host.Database.CreateContext(world.Host.OrgId);
        var scope = await AccessScope.ForMemberAsync(db, world.Manager);
        return await MetricTrend.LoadAsync(db, scope, buckets ?? Months(), metric, type, world.TeamAMembers, world.TeamAReps);
    }

    [Fact]
    public async Task WonRevenue_PerMonth_ByTheLocalDayOfTheClose_ForTheOwnerNow()
    {
        await using var world = await CreateWorldAsync();
        var trend = await TeamATrendAsync(world, TrendMetric.WonRevenue);

        Assert.Equal([70_000m, 420_000m], trend.Group);
        Assert.Equal([0m, 0m], trend.ByMember[world.Rep0]);
        Assert.Equal([70_000m, 400_000m], trend.ByMember[world.Rep1]);
        // The deal rep1 won and handed over counts for rep2; the reopened one for no one.
        Assert.Equal([0m, 20_000m], trend.ByMember[world.Rep2]);
        Assert.Equal([0m, 20_000m], trend.Median);
    }

    [Fact]
    public async Task Ratios_AreOverTheGroupsRecords_AndNullWithNothingToDivide()
    {
        await using var world = await CreateWorldAsync();

        var winRate = await TeamATrendAsync(world, TrendMetric.WinRate);
        Assert.Equal([1m, 0.75m], winRate.Group);
        Assert.Equal([1m, 0.6667m], winRate.ByMember[world.Rep1]);
        Assert.Equal([null, null], winRate.ByMember[world.Rep0]);
        // The median leaves out who has no win rate: October rep1 alone, November rep1 and rep2.
        Assert.Equal([1m, 0.8334m], winRate.Median);

        var dealSize = await TeamATrendAsync(world, TrendMetric.AverageDealSize);
        Assert.Equal([70_000m, 140_000m], dealSize.Group);

        // 60 days 15:59 in October; (40 + 20 + 10) ÷ 3 in November.
        var cycle = await TeamATrendAsync(world, TrendMetric.SalesCycleDays);
        Assert.Equal([60.7m, 23.3m], cycle.Group);

        var won = await TeamATrendAsync(world, TrendMetric.DealsWon);
        Assert.Equal([1m, 3m], won.Group);
    }

    [Fact]
    public async Task PipelineCreated_CountsTheDealInTheMonthItWasCreated_ReopenedOrNot()
    {
        await using var world = await CreateWorldAsync();
        var trend = await TeamATrendAsync(world, TrendMetric.PipelineCreated);

        // October: created Oct 2 (won in November), Oct 22 local (handed over), Oct 1 (reopened).
        Assert.Equal([620_000m, 500_000m], trend.Group);
        Assert.Equal([100_000m, 500_000m], trend.ByMember[world.Rep1]);
        Assert.Equal([520_000m, 0m], trend.ByMember[world.Rep2]);
    }

    [Fact]
    public async Task Activities_FromTheRollup_ByType_AndVisits()
    {
        await using var world = await CreateWorldAsync();

        var all = await TeamATrendAsync(world, TrendMetric.Activities);
        // Not cancelled, planned included; the Oct 31 23:00 local call is October's.
        Assert.Equal([1m, 3m], all.Group);
        Assert.Equal([1m, 2m], all.ByMember[world.Rep1]);
        Assert.Equal([0m, 1m], all.ByMember[world.Rep2]);

        var calls = await TeamATrendAsync(world, TrendMetric.Activities, ActivityType.Call);
        Assert.Equal([1m, 1m], calls.Group);
        Assert.Equal([0m, 0m], calls.ByMember[world.Rep0]);

        var visits = await TeamATrendAsync(world, TrendMetric.Visits);
        Assert.Equal([0m, 1m], visits.Group);
    }

    [Fact]
    public async Task ActivitiesOfOneType_FromTheRollup_EqualTheActivityRowsCounted_AfterEditsAndDeletes()
    {
        await using var world = await CreateWorldAsync();
        await using (var db = world.Host.Database.CreateContext(world.Host.OrgId))
        {
            SalesActivity Log(ActivityType type, long member, DateTime start, ActivityOutcome outcome = ActivityOutcome.Completed) =>
                db.SalesActivities.Add(new SalesActivity { Type = type, MemberId = member, StartUtc = start, DurationMinutes = 30, Outcome = outcome }).Entity;
            Log(ActivityType.Meeting, world.Rep1, Utc(10, 12));
            Log(ActivityType.Meeting, world.Rep1, Utc(11, 12), ActivityOutcome.Cancelled);
            Log(ActivityType.Demo, world.Rep2, Utc(11, 13));
            Log(ActivityType.Demo, world.Rep2, Utc(11, 14), ActivityOutcome.Planned);
            Log(ActivityType.Message, world.Rep0, Utc(10, 20));
            Log(ActivityType.Other, world.Rep2, Utc(11, 30, 15, 59));
            Log(ActivityType.Other, world.Rep2, Utc(11, 30, 16));
            Log(ActivityType.Email, world.Rep1, Utc(11, 2), ActivityOutcome.Cancelled);
            await db.SaveChangesAsync();

            // A call turned into a demo, a meeting deleted, a cancelled email held after all.
            (await db.SalesActivities.SingleAsync(a => a.Notes == "Nov call")).Type = ActivityType.Demo;
            db.SalesActivities.Remove(await db.SalesActivities.SingleAsync(a => a.Type == ActivityType.Meeting && a.Outcome == ActivityOutcome.Completed));
            (await db.SalesActivities.SingleAsync(a => a.Type == ActivityType.Email && a.Outcome == ActivityOutcome.Cancelled)).Outcome = ActivityOutcome.Completed;
            await db.SaveChangesAsync();
        }

        // Hand-counted: November's demos are rep1's former call and rep2's two; rep1's calls are
        // October's and a cancelled one; the Other at Dec 1 00:00 local is out of range.
        var demos = await TeamATrendAsync(world, TrendMetric.Activities, ActivityType.Demo);
        Assert.Equal([0m, 3m], demos.Group);
        Assert.Equal([0m, 1m], demos.ByMember[world.Rep1]);
        Assert.Equal([0m, 0m], (await TeamATrendAsync(world, TrendMetric.Activities, ActivityType.Meeting)).Group);
        Assert.Equal([1m, 0m], (await TeamATrendAsync(world, TrendMetric.Activities, ActivityType.Call)).ByMember[world.Rep1]);
        Assert.Equal([0m, 1m], (await TeamATrendAsync(world, TrendMetric.Activities, ActivityType.Other)).Group);

        // Every type, every member, every month: the same as counting the activity rows.
        await using var read = world.Host.Database.CreateContext(world.Host.OrgId);
        var rows = await read.SalesActivities.Where(a => a.Outcome != ActivityOutcome.Cancelled)
            .Select(a => new { a.Type, a.MemberId, a.StartUtc }).ToListAsync();
        var months = Months();
        foreach (var type in Enum.GetValues<ActivityType>())
        {
            var trend = await TeamATrendAsync(world, TrendMetric.Activities, type);
            decimal[] Counted(IEnumerable<long> members) => [.. Enumerable.Range(0, months.Count)
                .Select(i => (decimal)rows.Count(a => a.Type == type && members.Contains(a.MemberId)
                    && months.IndexOf(DateTime.SpecifyKind(a.StartUtc, DateTimeKind.Utc)) == i))];
            Assert.Equal(Counted(world.TeamAMembers), trend.Group.Select(v => v!.Value));
            foreach (var rep in world.TeamAReps)
            {
                Assert.Equal(Counted([rep]), trend.ByMember[rep].Select(v => v!.Value));
            }
        }
    }

    [Fact]
    public async Task Feedback_AndNewAccounts_CountForTheAccountsOwner()
    {
        await using var world = await CreateWorldAsync();

        var csat = await TeamATrendAsync(world, TrendMetric.Csat);
        Assert.Equal([1m, 4.5m], csat.Group);
        Assert.Equal([null, null], csat.ByMember[world.Rep2]);

        var nps = await TeamATrendAsync(world, TrendMetric.Nps);
        Assert.Equal([null, 33.3m], nps.Group);

        // The accounts were opened at the test clock, 2026-11-02.
        var accounts = await TeamATrendAsync(world, TrendMetric.NewAccounts);
        Assert.Equal([0m, 2m], accounts.Group);
    }

    [Fact]
    public async Task FiscalQuarters_AndWeeks_CutTheSameRecords()
    {
        await using var world = await CreateWorldAsync();
        // With an April fiscal year, October to December is 2026-Q3.
        var quarters = TrendBuckets.Cover(TrendGranularity.Quarter, new DateOnly(2026, 10, 1), new DateOnly(2026, 11, 30), 4, Shanghai);
        Assert.Equal(["2026-Q3"], quarters.Items.Select(b => b.Label));
        Assert.Equal((new DateOnly(2026, 10, 1), new DateOnly(2026, 12, 31)), (quarters.Items[0].Start, quarters.Items[0].End));
        var quarter = await TeamATrendAsync(world, TrendMetric.WonRevenue, buckets: quarters);
        Assert.Equal([490_000m], quarter.Group);

        // Mon Oct 26 – Sun Nov 1 holds the Oct 31 and the Nov 1 local closes.
        var weeks = TrendBuckets.Cover(TrendGranularity.Week, new DateOnly(2026, 10, 28), new DateOnly(2026, 11, 12), 4, Shanghai);
        Assert.Equal(["2026-W44", "2026-W45", "2026-W46"], weeks.Items.Select(b => b.Label));
        Assert.Equal(new DateOnly(2026, 10, 26), weeks.Items[0].Start);
        var weekly = await TeamATrendAsync(world, TrendMetric.WonRevenue, buckets: weeks);
        Assert.Equal([90_000m, 0m, 100_000m], weekly.Group);
    }

    [Fact]
    public async Task TheWholeScope_WithoutAGroup_StaysWithinTheReadersScope()
    {
        await using var world = await CreateWorldAsync();
        await using var db = world.Host.Database.CreateContext(world.Host.OrgId);
        var manager = await MetricTrend.LoadAsync(db, await AccessScope.ForMemberAsync(db, world.Manager), Months(), TrendMetric.WonRevenue, null, null, []);
        Assert.Equal([70_000m, 420_000m], manager.Group);
        var admin = await MetricTrend.LoadAsync(db, await AccessScope.ForMemberAsync(db, world.Admin), Months(), TrendMetric.WonRevenue, null, null, [world.Rep3]);
        Assert.Equal([70_000m, 1_419_999m], admin.Group);
        Assert.Equal([0m, 999_999m], admin.ByMember[world.Rep3]);

        // A rep asking about someone else's records gets none of them.
        var rep = await MetricTrend.LoadAsync(db, await AccessScope.ForMemberAsync(db, world.Rep2), Months(), TrendMetric.WonRevenue, null, [world.Rep1], [world.Rep1]);
        Assert.Equal([0m, 0m], rep.Group);
        var activities = await MetricTrend.LoadAsync(db, await AccessScope.ForMemberAsync(db, world.Rep2), Months(), TrendMetric.Activities, null, null, [world.Rep1]);
        Assert.Equal([0m, 1m], activities.Group);
    }

    [Fact]
    public async Task NoRecordsAtAll_GivesZerosAndNoRatios()
    {
        await using var world = await CreateWorldAsync();
        await using var db = world.Host.Database.CreateContext(world.Host.OrgId);
        var early = TrendBuckets.Cover(TrendGranularity.Month, new DateOnly(2025, 1, 1), new DateOnly(2025, 2, 28), 4, Shanghai);
        var scope = await AccessScope.ForMemberAsync(db, world.Manager);
        var won = await MetricTrend.LoadAsync(db, scope, early, TrendMetric.WonRevenue, null, world.TeamAMembers, world.TeamAReps);
        Assert.Equal([0m, 0m], won.Group);
        Assert.Equal([0m, 0m], won.Median);
        var rate = await MetricTrend.LoadAsync(db, scope, early, TrendMetric.WinRate, null, world.TeamAMembers, world.TeamAReps);
        Assert.Equal([null, null], rate.Group);
        Assert.Equal([null, null], rate.Median);
    }

    [Fact]
    public async Task Records_BehindACell_AreTheOnesItCounted()
    {
        await using var world = await CreateWorldAsync();
        await using var db = world.Host.Database.CreateContext(world.Host.OrgId);
        var scope = await AccessScope.ForMemberAsync(db, world.Manager);
        var november = Months().Period(1);

        var rep1Won = await TrendRecords.LoadAsync(db, scope, november, TrendMetric.WonRevenue, null, [world.Rep1], 1, 10);
        Assert.Equal(["won Nov, 20 days", "created Oct, won Nov, 40 days"], rep1Won.Items.Select(r => r.Title));
        var closed = await TrendRecords.LoadAsync(db, scope, november, TrendMetric.WinRate, null, world.TeamAMembers, 1, 3);
        Assert.Equal((4, 3), (closed.Total, closed.Items.Count));
        var secondPage = await TrendRecords.LoadAsync(db, scope, november, TrendMetric.WinRate, null, world.TeamAMembers, 2, 3);
        Assert.Equal("won Nov 1 00:00 local, handed to rep2", Assert.Single(secondPage.Items).Title);
        var visits = await TrendRecords.LoadAsync(db, scope, november, TrendMetric.Visits, null, null, 1, 10);
        Assert.Equal("Nov visit", Assert.Single(visits.Items).Title);
        var csat = await TrendRecords.LoadAsync(db, scope, november, TrendMetric.Csat, null, world.TeamAMembers, 1, 10);
        Assert.Equal([4, 5], csat.Items.Select(r => r.Number!.Value).Order());
        var accounts = await TrendRecords.LoadAsync(db, scope, november, TrendMetric.NewAccounts, null, null, 1, 10);
        Assert.Equal(["rep1 account", "rep2 account"], accounts.Items.Select(r => r.Title).Order());
    }
}
