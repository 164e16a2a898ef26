using Headroom.Accounts;
using Headroom.Activities;
using Headroom.Deals;
using Headroom.Feedback;
using Headroom.Goals;
using Headroom.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Headroom.Tests.Goals;

// Hand-computed actuals for November 2026 in Asia/Shanghai ([2026-10-31 16:00 UTC, 2026-11-30 16:00 UTC)).
[Trait("Category", "Integration")]
public class GoalProgressQueryTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private static readonly DateOnly NovFirst = new(2026, 11, 1), NovLast = new(2026, 11, 30);

    private static DateTime Utc(int month, int day, int hour = 0, int minute = 0) => new(2026, month, day, hour, minute, 0, DateTimeKind.Utc);

    private sealed record World(WebTestHost Host, long TeamA, long Rep1, long Rep2, long Rep3) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Host.DisposeAsync();

        public async Task<GoalActuals> ActualAsync(GoalMetric metric, GoalOwnerKind kind, long? team = null, long? member = null, ActivityType? type = null,
            DateOnly? start = null, DateOnly? end = null)
        {
            await using var db = Host.Database.CreateContext(Host.OrgId);
            return await GoalProgressQuery.LoadAsync(db,
                new GoalSubject(kind, team, member, metric, type, GoalPeriodKind.Month, start ?? NovFirst, end ?? NovLast, ManualActual: 7), Shanghai);
        }
    }

    private static async Task<World> CreateWorldAsync()
    {
        var host = await WebTestHost.CreateAsync();
        long teamA, teamB, sub;
        await using (var db = host.Database.CreateContext(host.OrgId))
        {
            var a = db.Teams.Add(new Team { Name = "A" }).Entity;
            var b = db.Teams.Add(new Team { Name = "B" }).Entity;
            await db.SaveChangesAsync();
            var s = db.Teams.Add(new Team { Name = "A1", ParentTeamId = a.Id }).Entity;
            await db.SaveChangesAsync();
            (teamA, teamB, sub) = (a.Id, b.Id, s.Id);
        }
        var rep1 = (await host.AddUserAsync("rep1@example.com", teamId: teamA)).MemberId;
        var rep2 = (await host.AddUserAsync("rep2@example.com", teamId: sub)).MemberId;
        var rep3 = (await host.AddUserAsync("rep3@example.com", teamId: teamB)).MemberId;
        await using var context = host.Database.CreateContext(host.OrgId);
        var stages = await context.PipelineStages.Where(s => s.ClosesAs == null).OrderBy(s => s.SortOrder).ToListAsync();
        var account1 = context.Accounts.Add(new Account { Name = "rep1 account", OwnerId = rep1 }).Entity;
        var account2 = context.Accounts.Add(new Account { Name = "rep2 account", OwnerId = rep2 }).Entity;
        var account3 = context.Accounts.Add(new Account { Name = "rep3 account", OwnerId = rep3 }).Entity;
        await context.SaveChangesAsync();
        foreach (var (account, created) in new[] { (account1, Utc(11, 3)), (account2, Utc(10, 3)), (account3, Utc(11, 4)) })
        {
            account.CreatedUtc = created;
        }
        void Deal(long owner, long account, long amount, DateTime created, DealOutcome outcome = DealOutcome.Open, DateTime? closed = null, DateOnly? close = null, int stage = 0) =>
            context.Deals.Add(new Deal
            {
                Name = "d", OwnerId = owner, AccountId = account, AmountMinor = amount, StageId = stages[stage].Id, Outcome = outcome, ClosedUtc = closed,
                CreatedUtc = created, ExpectedCloseDate = close,
            });
        // Created in October, won in November: November's revenue, October's pipeline.
        Deal(rep1, account1.Id, 100_000, Utc(10, 2), DealOutcome.Won, Utc(11, 11));
        Deal(rep1, account1.Id, 300_000, Utc(11, 1), DealOutcome.Won, Utc(11, 21));
        Deal(rep1, account1.Id, 50_000, Utc(9, 1), DealOutcome.Lost, Utc(11, 5));
        // 23:59 on 31 October in Shanghai: October's.
        Deal(rep1, account1.Id, 70_000, Utc(9, 1), DealOutcome.Won, Utc(10, 31, 15, 59));
        // Won by rep2, then handed to rep1 (the owner now): rep1's, team A's, not rep2's.
        Deal(rep1, account2.Id, 20_000, Utc(10, 21, 16), DealOutcome.Won, Utc(10, 31, 16));
        Deal(rep2, account2.Id, 40_000, Utc(11, 6), DealOutcome.Lost, Utc(11, 7));
        Deal(rep3, account3.Id, 999_000, Utc(11, 2), DealOutcome.Won, Utc(11, 3));
        // Won in November, then reopened (the stage change clears the close): counts nowhere.
        Deal(rep3, account3.Id, 555_000, Utc(10, 5));
        // Open: one expected in November at the last open stage, one expected in December.
        Deal(rep1, account1.Id, 200_000, Utc(11, 15), close: new DateOnly(2026, 11, 28), stage: stages.Count - 1);
        Deal(rep1, account1.Id, 500_000, Utc(11, 16), close: new DateOnly(2026, 12, 28), stage: stages.Count - 1);
        context.SalesActivities.AddRange(
            new SalesActivity { Type = ActivityType.Call, MemberId = rep1, StartUtc = Utc(11, 3), DurationMinutes = 30, Outcome = ActivityOutcome.Completed },
            new SalesActivity { Type = ActivityType.Call, MemberId = rep1, StartUtc = Utc(11, 3), DurationMinutes = 30, Outcome = ActivityOutcome.NoAnswer },
            new SalesActivity { Type = ActivityType.Visit, MemberId = rep1, StartUtc = Utc(11, 4), DurationMinutes = 60, Outcome = ActivityOutcome.Completed },
            new SalesActivity { Type = ActivityType.Visit, MemberId = rep2, StartUtc = Utc(11, 4), DurationMinutes = 60, Outcome = ActivityOutcome.Planned },
            new SalesActivity { Type = ActivityType.Call, MemberId = rep1, StartUtc = Utc(11, 5), DurationMinutes = 15, Outcome = ActivityOutcome.Cancelled },
            new SalesActivity { Type = ActivityType.Call, MemberId = rep1, StartUtc = Utc(10, 31, 15), DurationMinutes = 5, Outcome = ActivityOutcome.Completed },
            new SalesActivity { Type = ActivityType.Email, MemberId = rep3, StartUtc = Utc(11, 3), DurationMinutes = 45, Outcome = ActivityOutcome.Completed });
        context.CustomerFeedback.AddRange(
            new CustomerFeedback { Kind = FeedbackKind.Csat, Score = 4, AccountId = account1.Id, Date = new DateOnly(2026, 11, 10) },
            new CustomerFeedback { Kind = FeedbackKind.Csat, Score = 5, AccountId = account2.Id, Date = new DateOnly(2026, 11, 10) },
            new CustomerFeedback { Kind = FeedbackKind.Csat, Score = 3, AccountId = account2.Id, Date = new DateOnly(2026, 11, 11) },
            new CustomerFeedback { Kind = FeedbackKind.Nps, Score = 10, AccountId = account1.Id, Date = new DateOnly(2026, 11, 20) },
            new CustomerFeedback { Kind = FeedbackKind.Nps, Score = 9, AccountId = account1.Id, Date = new DateOnly(2026, 11, 20) },
            new CustomerFeedback { Kind = FeedbackKind.Nps, Score = 3, AccountId = account1.Id, Date = new DateOnly(2026, 11, 30) },
            new CustomerFeedback { Kind = FeedbackKind.Csat, Score = 1, AccountId = account1.Id, Date = new DateOnly(2026, 10, 31) });
        await context.SaveChangesAsync();
        return new World(host, teamA, rep1, rep2, rep3);
    }

    [Fact]
    public async Task EveryMetric_ForMemberTeamAndOrganization_MatchesTheHandCount()
    {
        await using var world = await CreateWorldAsync();
        var (member, team, org) = (GoalOwnerKind.Member, GoalOwnerKind.Team, GoalOwnerKind.Organization);

        // Revenue: rep1 100k + 300k + the handed-over 20k; rep2 none; team A (with sub-team) the same; org + rep3's 999k.
        Assert.Equal(420_000, (await world.ActualAsync(GoalMetric.WonRevenue, member, member: world.Rep1)).Actual);
        Assert.Equal(0, (await world.ActualAsync(GoalMetric.WonRevenue, member, member: world.Rep2)).Actual);
        Assert.Equal(420_000, (await world.ActualAsync(GoalMetric.WonRevenue, team, team: world.TeamA)).Actual);
        Assert.Equal(1_419_000, (await world.ActualAsync(GoalMetric.WonRevenue, org)).Actual);
        Assert.Equal(3, (await world.ActualAsync(GoalMetric.DealsWon, team, team: world.TeamA)).Actual);

        // Win rate of team A: 3 won, 2 lost = 60.00 % = 6000 basis points; rep2 0 of 1.
        Assert.Equal(6000, (await world.ActualAsync(GoalMetric.WinRate, team, team: world.TeamA)).Actual);
        Assert.Equal(0, (await world.ActualAsync(GoalMetric.WinRate, member, member: world.Rep2)).Actual);
        // Nothing closed in December: no rate rather than zero.
        Assert.Null((await world.ActualAsync(GoalMetric.WinRate, org, start: new DateOnly(2026, 12, 1), end: new DateOnly(2026, 12, 31))).Actual);

        // Cycle of rep1's November wins: 40 and 20 days and the 10-day handed-over one: 23.3 days = 233 tenths.
        Assert.Equal(233, (await world.ActualAsync(GoalMetric.AverageSalesCycle, member, member: world.Rep1)).Actual);

        // Pipeline created in November by rep1: 300k + 200k + 500k (the won-in-November 100k was created in October).
        Assert.Equal(1_000_000, (await world.ActualAsync(GoalMetric.PipelineCreated, member, member: world.Rep1)).Actual);
        Assert.Equal(1, (await world.ActualAsync(GoalMetric.NewAccounts, team, team: world.TeamA)).Actual);
        Assert.Equal(2, (await world.ActualAsync(GoalMetric.NewAccounts, org)).Actual);

        // Logged activities (completed or no answer), not planned or cancelled ones or October's.
        Assert.Equal(3, (await world.ActualAsync(GoalMetric.Activities, member, member: world.Rep1)).Actual);
        Assert.Equal(2, (await world.ActualAsync(GoalMetric.Activities, member, member: world.Rep1, type: ActivityType.Call)).Actual);
        Assert.Equal(4, (await world.ActualAsync(GoalMetric.Activities, org)).Actual);
        Assert.Equal(1, (await world.ActualAsync(GoalMetric.Visits, team, team: world.TeamA)).Actual);

        // CSAT of team A: 4, 5, 3 = 4.00; rep2's accounts up to 10 November: 5 = 5.00; NPS of rep1: 2 promoters, 1 detractor of 3 = 33.3.
        Assert.Equal(400, (await world.ActualAsync(GoalMetric.AverageCsat, team, team: world.TeamA)).Actual);
        Assert.Equal(500, (await world.ActualAsync(GoalMetric.AverageCsat, member, member: world.Rep2, start: new DateOnly(2026, 11, 1), end: new DateOnly(2026, 11, 10))).Actual);
        Assert.Equal(333, (await world.ActualAsync(GoalMetric.Nps, member, member: world.Rep1)).Actual);

        // Manual goals carry their entered value.
        Assert.Equal(7, (await world.ActualAsync(GoalMetric.Manual, org)).Actual);
    }

    [Fact]
    public async Task WeightedPipeline_CountsOpenDealsExpectedToCloseInThePeriod()
    {
        await using var world = await CreateWorldAsync();
        int probability;
        await using (var db = world.Host.Database.CreateContext(world.Host.OrgId))
        {
            probability = await db.PipelineStages.Where(s => s.ClosesAs == null).OrderByDescending(s => s.SortOrder).Select(s => s.WinProbability).FirstAsync();
        }
        var revenue = await world.ActualAsync(GoalMetric.WonRevenue, GoalOwnerKind.Member, member: world.Rep1);
        Assert.Equal(200_000L * probability / 100, revenue.WeightedPipeline);
        var rep3 = await world.ActualAsync(GoalMetric.WonRevenue, GoalOwnerKind.Member, member: world.Rep3);
        Assert.Equal(0, rep3.WeightedPipeline);
        Assert.Null((await world.ActualAsync(GoalMetric.Visits, GoalOwnerKind.Organization)).WeightedPipeline);
    }
}
