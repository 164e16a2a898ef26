using Headroom.Accounts;
using Headroom.Activities;
using Headroom.Analytics;
using Headroom.Deals;
using Headroom.Feedback;
using Headroom.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Headroom.Tests.Analytics;

// Hand-computed figures for November 2026 in Asia/Shanghai: [2026-10-31 16:00 UTC, 2026-11-30 16:00 UTC).
[Trait("Category", "Integration")]
public class SalesMetricsTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private static readonly MetricsPeriod November = MetricsPeriod.Of(new DateOnly(2026, 11, 1), new DateOnly(2026, 12, 1), Shanghai);

    private static DateTime Utc(int month, int day, int hour = 0, int minute = 0) => new(2026, month, day, hour, minute, 0, DateTimeKind.Utc);

    private sealed record World(WebTestHost Host, long Admin, long Manager, long Rep1, long Rep2, long OtherRep, int P1, int P2) : IAsyncDisposable
    {
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
        var rep1 = (await host.AddUserAsync("rep1@example.com", teamId: teamA)).MemberId;
        var rep2 = (await host.AddUserAsync("rep2@example.com", teamId: teamA)).MemberId;
        var otherRep = (await host.AddUserAsync("rep3@example.com", teamId: teamB)).MemberId;
        await using var context = host.Database.CreateContext(host.OrgId);
        (await context.Teams.SingleAsync(t => t.Id == teamA)).ManagerId = manager;
        var stages = await context.PipelineStages.Where(s => s.ClosesAs == null).OrderBy(s => s.SortOrder).ToListAsync();
        var (s1, s2) = (stages[0], stages[^1]);
        var account1 = context.Accounts.Add(new Account { Name = "rep1 account", OwnerId = rep1 }).Entity;
        var account2 = context.Accounts.Add(new Account { Name = "rep2 account", OwnerId = rep2 }).Entity;
        var account3 = context.Accounts.Add(new Account { Name = "rep3 account", OwnerId = otherRep }).Entity;
        await context.SaveChangesAsync();
        Deal Deal(string name, long owner, long account, long amount, DateTime created, DealOutcome outcome = DealOutcome.Open, DateTime? closed = null, long? stage = null) =>
            context.Deals.Add(new Deal
            {
                Name = name, OwnerId = owner, AccountId = account, AmountMinor = amount, StageId = stage ?? s1.Id, Outcome = outcome, ClosedUtc = closed,
                CreatedUtc = created,
            }).Entity;
        Deal("won 40 days", rep1, account1.Id, 100_000, Utc(10, 2), DealOutcome.Won, Utc(11, 11));
        Deal("won 20 days", rep1, account1.Id, 300_000, Utc(11, 1), DealOutcome.Won, Utc(11, 21));
        Deal("lost", rep1, account1.Id, 50_000, Utc(9, 1), DealOutcome.Lost, Utc(11, 5));
        Deal("won on Oct 31 local", rep1, account1.Id, 70_000, Utc(9, 1), DealOutcome.Won, Utc(10, 31, 15, 59));
        Deal("won on Nov 1 local, 10 days", rep1, account1.Id, 20_000, Utc(10, 21, 16), DealOutcome.Won, Utc(10, 31, 16));
        Deal("open, created in November", rep1, account1.Id, 200_000, Utc(11, 15), stage: s1.Id);
        Deal("open of rep2", rep2, account2.Id, 100_000, Utc(8, 1), stage: s2.Id);
        Deal("other team's win", otherRep, account3.Id, 999_999, Utc(11, 2), DealOutcome.Won, Utc(11, 3));
        context.SalesActivities.AddRange(
            new SalesActivity { Type = ActivityType.Call, MemberId = rep1, StartUtc = Utc(11, 3), DurationMinutes = 30, Outcome = ActivityOutcome.Completed },
            new SalesActivity { Type = ActivityType.Visit, MemberId = rep1, StartUtc = Utc(11, 4), DurationMinutes = 60, Outcome = ActivityOutcome.Completed },
            new SalesActivity { Type = ActivityType.Call, MemberId = rep1, StartUtc = Utc(11, 5), DurationMinutes = 15, Outcome = ActivityOutcome.Cancelled },
            new SalesActivity { Type = ActivityType.Call, MemberId = rep1, StartUtc = Utc(10, 31, 15), DurationMinutes = 5, Outcome = ActivityOutcome.Completed },
            new SalesActivity { Type = ActivityType.Call, MemberId = otherRep, StartUtc = Utc(11, 3), DurationMinutes = 45, Outcome = ActivityOutcome.Completed });
        CustomerFeedback Score(FeedbackKind kind, int score, long account, int month, int day) =>
            context.CustomerFeedback.Add(new CustomerFeedback { Kind = kind, Score = score, AccountId = account, Date = new DateOnly(2026, month, day) }).Entity;
        Score(FeedbackKind.Csat, 4, account1.Id, 11, 10);
        Score(FeedbackKind.Csat, 5, account1.Id, 11, 10);
        Score(FeedbackKind.Nps, 10, account1.Id, 11, 20);
        Score(FeedbackKind.Nps, 9, account1.Id, 11, 20);
        Score(FeedbackKind.Nps, 3, account1.Id, 11, 30);
        Score(FeedbackKind.Csat, 1, account1.Id, 10, 31);
        Score(FeedbackKind.Csat, 1, account3.Id, 11, 10);
        await context.SaveChangesAsync();
        return new World(host, admin, manager, rep1, rep2, otherRep, s1.WinProbability, s2.WinProbability);
    }

    [Fact]
    public async Task Manager_SeesTheirTeamsFigures_ComputedByHand()
    {
        await using var world = await CreateWorldAsync();
        await using var db = world.Host.Database.CreateContext(world.Host.OrgId);
        var metrics = await SalesMetrics.LoadAsync(db, await AccessScope.ForMemberAsync(db, world.Manager), November);

        Assert.Equal((420_000L, 3, 1), (metrics.WonRevenueMinor, metrics.DealsWon, metrics.DealsLost));
        Assert.Equal(0.75m, metrics.WinRate);
        Assert.Equal(140_000L, metrics.AverageDealSizeMinor);
        Assert.Equal(23.3m, metrics.AverageSalesCycleDays);
        Assert.Equal((2, 500_000L), (metrics.DealsCreated, metrics.PipelineCreatedMinor));
        Assert.Equal((2, 300_000L), (metrics.OpenDeals, metrics.OpenPipelineMinor));
        Assert.Equal((long)Math.Round((200_000m * world.P1 + 100_000m * world.P2) / 100m, MidpointRounding.AwayFromZero), metrics.WeightedOpenPipelineMinor);
        Assert.Equal([new ActivityVolume(ActivityType.Call, 1, 30), new ActivityVolume(ActivityType.Visit, 1, 60)], metrics.Activities);
        Assert.Equal((2, 4.5m), (metrics.Feedback.CsatCount, metrics.Feedback.CsatAverage));
        Assert.Equal((3, 2, 1, 33.3m), (metrics.Feedback.NpsCount, metrics.Feedback.Promoters, metrics.Feedback.Detractors, metrics.Feedback.Nps));
    }

    [Fact]
    public async Task OneMemberWithNothingClosed_HasNoRatios_RatherThanZero()
    {
        await using var world = await CreateWorldAsync();
        await using var db = world.Host.Database.CreateContext(world.Host.OrgId);
        var metrics = await SalesMetrics.LoadAsync(db, await AccessScope.ForMemberAsync(db, world.Manager), November, world.Rep2);
        Assert.Equal((0L, 0, 0), (metrics.WonRevenueMinor, metrics.DealsWon, metrics.DealsLost));
        Assert.Null(metrics.WinRate);
        Assert.Null(metrics.AverageDealSizeMinor);
        Assert.Null(metrics.AverageSalesCycleDays);
        Assert.Equal((1, 100_000L), (metrics.OpenDeals, metrics.OpenPipelineMinor));
        Assert.Empty(metrics.Activities);
        Assert.Null(metrics.Feedback.CsatAverage);
        Assert.Null(metrics.Feedback.Nps);
    }

    [Fact]
    public async Task TheSameQuestion_AnswersWithinEachScope()
    {
        await using var world = await CreateWorldAsync();
        await using var db = world.Host.Database.CreateContext(world.Host.OrgId);
        var admin = await SalesMetrics.LoadAsync(db, await AccessScope.ForMemberAsync(db, world.Admin), November);
        Assert.Equal((1_419_999L, 4), (admin.WonRevenueMinor, admin.DealsWon));
        Assert.Equal(3, admin.Feedback.CsatCount);

        // A rep asking about someone outside their scope gets nothing, not the other member's figures.
        var rep = await SalesMetrics.LoadAsync(db, await AccessScope.ForMemberAsync(db, world.Rep2), November, world.Rep1);
        Assert.Equal((0L, 0, 0, 0), (rep.WonRevenueMinor, rep.DealsWon, rep.OpenDeals, rep.Feedback.Count));
        var own = await SalesMetrics.LoadAsync(db, await AccessScope.ForMemberAsync(db, world.Rep1), November);
        Assert.Equal((420_000L, 1, 200_000L), (own.WonRevenueMinor, own.OpenDeals, own.OpenPipelineMinor));
    }
}
