using Headroom.Accounts;
using Headroom.Analytics;
using Headroom.Data;
using Headroom.Deals;
using Headroom.Goals;
using Headroom.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Headroom.Tests.Analytics;

// Hand-computed funnel and coverage trends for October and November 2026 in Asia/Shanghai, with
// the default pipeline (open stages at 10, 20, 40 and 70 %). Team T: rep1 with a won-revenue goal
// for the quarter (1,000,000.00 → 10,000.00 minor units below are 100.00s), rep2 with none, and a
// team goal for November only that the team beats. Deals (amounts in minor units):
//   D1 rep1 200,000 created Oct 5 at stage 1, moved to stage 2 on Oct 20 and stage 3 on Nov 20;
//   D2 400,000 created Oct 10 at stage 1 for rep2, handed to rep1;
//   D3 rep1 300,000 created Oct 1 at stage 1, won Nov 10;
//   D4 rep1 100,000 created Nov 15 at stage 1;
//   D5 rep2 50,000 created Oct 3 at stage 2.
[Trait("Category", "Integration")]
public sealed class FunnelAndCoverageTrendTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    private static DateTime Utc(int month, int day) => new(2026, month, day, 2, 0, 0, DateTimeKind.Utc);

    private static TrendBuckets Months() => TrendBuckets.Cover(TrendGranularity.Month, new DateOnly(2026, 10, 1), new DateOnly(2026, 11, 30), 1, Shanghai);

    private sealed record World(TestDatabase Database, long OrgId, long Team, long Rep1, long Rep2, long[] OpenStages, long WonStage, Dictionary<string, long> Deals)
        : IAsyncDisposable
    {
        public long[] TeamMembers => [Rep1, Rep2];

        public AppDbContext Context() => Database.CreateContext(OrgId);

        public ValueTask DisposeAsync() => Database.DisposeAsync();
    }

    private static async Task<World> CreateWorldAsync(bool goals = true)
    {
        var database = await TestDatabase.CreateAsync();
        var org = await database.CreateOrganizationAsync();
        await using var db = database.CreateContext(org.Id);
        var team = db.Teams.Add(new Team { Name = "T" }).Entity;
        await db.SaveChangesAsync();
        var rep1 = db.Members.Add(new Member { Name = "rep1", TeamId = team.Id }).Entity;
        var rep2 = db.Members.Add(new Member { Name = "rep2", TeamId = team.Id }).Entity;
        var account = db.Accounts.Add(new Account { Name = "Acme" }).Entity;
        await db.SaveChangesAsync();
        var stages = await db.PipelineStages.OrderBy(s => s.SortOrder).ToListAsync();
        var open = stages.Where(s => s.ClosesAs == null).Select(s => s.Id).ToArray();
        Assert.Equal([10, 20, 40, 70], stages.Where(s => s.ClosesAs == null).Select(s => s.WinProbability));
        var won = stages.Single(s => s.ClosesAs == DealOutcome.Won).Id;
        Deal New(string name, long owner, long amount, DateTime created, long stage) =>
            db.Deals.Add(new Deal { Name = name, OwnerId = owner, AccountId = account.Id, AmountMinor = amount, StageId = stage, CreatedUtc = created }).Entity;
        var d1 = New("D1", rep1.Id, 200_000, Utc(10, 5), open[0]);
        var d2 = New("D2", rep2.Id, 400_000, Utc(10, 10), open[0]);
        var d3 = New("D3", rep1.Id, 300_000, Utc(10, 1), open[0]);
        var d4 = New("D4", rep1.Id, 100_000, Utc(11, 15), open[0]);
        var d5 = New("D5", rep2.Id, 50_000, Utc(10, 3), open[1]);
        await db.SaveChangesAsync();

        // Each move is its own save, dated afterwards (the interceptor dates an open move now).
        async Task MoveAsync(Deal deal, long stage, DateTime at)
        {
            deal.StageId = stage;
            await db.SaveChangesAsync();
            var change = await db.DealStageChanges.Where(c => c.DealId == deal.Id).OrderByDescending(c => c.Id).FirstAsync();
            change.ChangedUtc = at;
            await db.SaveChangesAsync();
        }
        await MoveAsync(d1, open[1], Utc(10, 20));
        await MoveAsync(d1, open[2], Utc(11, 20));
        (d3.StageId, d3.Outcome, d3.ClosedUtc) = (won, DealOutcome.Won, Utc(11, 10));
        d2.OwnerId = rep1.Id;
        await db.SaveChangesAsync();

        if (goals)
        {
            db.Goals.AddRange(
                new Goal
                {
                    Name = "rep1 Q4", OwnerKind = GoalOwnerKind.Member, MemberId = rep1.Id, Metric = GoalMetric.WonRevenue, PeriodKind = GoalPeriodKind.Quarter,
                    StartDate = new DateOnly(2026, 10, 1), EndDate = new DateOnly(2026, 12, 31), Target = 1_000_000,
                },
                new Goal
                {
                    Name = "T November", OwnerKind = GoalOwnerKind.Team, TeamId = team.Id, Metric = GoalMetric.WonRevenue, PeriodKind = GoalPeriodKind.Month,
                    StartDate = new DateOnly(2026, 11, 1), EndDate = new DateOnly(2026, 11, 30), Target = 100_000,
                },
                // Another metric's goal is no revenue target.
                new Goal
                {
                    Name = "rep2 deals", OwnerKind = GoalOwnerKind.Member, MemberId = rep2.Id, Metric = GoalMetric.DealsWon, PeriodKind = GoalPeriodKind.Quarter,
                    StartDate = new DateOnly(2026, 10, 1), EndDate = new DateOnly(2026, 12, 31), Target = 5,
                });
            await db.SaveChangesAsync();
        }
        return new World(database, org.Id, team.Id, rep1.Id, rep2.Id, open, won,
            new() { ["D1"] = d1.Id, ["D2"] = d2.Id, ["D3"] = d3.Id, ["D4"] = d4.Id, ["D5"] = d5.Id });
    }

    [Fact]
    public async Task Funnel_PerBucket_CountsEachCohortByTheFurthestStageItsHistoryShows()
    {
        await using var world = await CreateWorldAsync(goals: false);
        await using var db = world.Context();
        var team = await FunnelTrend.LoadAsync(db, AccessScope.WholeOrganization(), Months(), world.TeamMembers);

        // October: D1 got to stage 3, D2 stayed at 1, D3 was won (every stage), D5 began at 2.
        Assert.Equal((4, 1, 0), (team[0].Deals, team[0].Won, team[0].Lost));
        Assert.Equal([4, 3, 2, 1], team[0].Stages.Select(s => s.Reached));
        Assert.Equal([0.75m, 0.6667m, 0.5m, 1m], team[0].Stages.Select(s => s.ConversionToNext));
        // November: D4 alone, still at stage 1.
        Assert.Equal([1, 0, 0, 0], team[1].Stages.Select(s => s.Reached));
        Assert.Equal([0m, null, null, null], team[1].Stages.Select(s => s.ConversionToNext));

        // D2 counts for rep1, who holds it now.
        var rep2 = await FunnelTrend.LoadAsync(db, AccessScope.WholeOrganization(), Months(), [world.Rep2]);
        Assert.Equal([1, 1, 0, 0], rep2[0].Stages.Select(s => s.Reached));
        Assert.Equal(0, rep2[1].Deals);

        // The same counts as the single-period funnel of each month.
        for (var i = 0; i < 2; i++)
        {
            var single = await StageFunnel.LoadAsync(db, AccessScope.WholeOrganization(), Months().Period(i), world.TeamMembers);
            Assert.Equal(single.Stages, team[i].Stages);
        }
    }

    [Fact]
    public async Task FunnelRecords_AreTheDealsOfTheBucketThatReachedTheStage()
    {
        await using var world = await CreateWorldAsync(goals: false);
        await using var db = world.Context();
        var october = Months().Period(0);
        var third = await FunnelTrend.RecordsAsync(db, AccessScope.WholeOrganization(), october, world.OpenStages[2], world.TeamMembers, 1, 25);
        Assert.Equal([world.Deals["D1"], world.Deals["D3"]], third!.Items.Select(r => r.Id));
        var first = await FunnelTrend.RecordsAsync(db, AccessScope.WholeOrganization(), october, world.OpenStages[0], world.TeamMembers, 2, 3);
        Assert.Equal((4, 1), (first!.Total, first.Items.Count));
        Assert.Null(await FunnelTrend.RecordsAsync(db, AccessScope.WholeOrganization(), october, world.WonStage, world.TeamMembers, 1, 25));
        // Another rep's scope sees none of the team's deals.
        var other = await FunnelTrend.RecordsAsync(db, AccessScope.OfMember(world.Rep2), october, world.OpenStages[2], world.TeamMembers, 1, 25);
        Assert.Equal(0, other!.Total);
    }

    [Fact]
    public async Task Coverage_AtEachBucketsEnd_AgainstWhatIsLeftOfTheEnclosingGoal()
    {
        await using var world = await CreateWorldAsync();
        await using var db = world.Context();
        var scope = AccessScope.WholeOrganization();

        // rep1, end of October: D1 at stage 2 (20 % of 200,000), D2 (handed over: rep1's) and D3
        // at stage 1 (10 %): 40,000 + 40,000 + 30,000 against the whole 1,000,000 target.
        var rep1 = await CoverageTrend.LoadAsync(db, scope, Months(), [world.Rep1], new CoverageGoalOwner(GoalOwnerKind.Member, world.Rep1));
        Assert.Equal(new CoveragePoint(new DateOnly(2026, 10, 31), 110_000, rep1[0].GoalId, "rep1 Q4", 1_000_000, 0, 1_000_000, 0.11m, CoverageStatus.Shown), rep1[0]);
        // End of November: D1 moved on to stage 3 (40 %), D3 was won (300,000 off the target), D4
        // opened: 80,000 + 40,000 + 10,000 against 700,000 left.
        Assert.Equal(new CoveragePoint(new DateOnly(2026, 11, 30), 130_000, rep1[1].GoalId, "rep1 Q4", 1_000_000, 300_000, 700_000, 0.19m, CoverageStatus.Shown), rep1[1]);

        // rep2 has no revenue goal (a deals-won goal is not one): the pipeline, no ratio.
        var rep2 = await CoverageTrend.LoadAsync(db, scope, Months(), [world.Rep2], new CoverageGoalOwner(GoalOwnerKind.Member, world.Rep2));
        Assert.All(rep2, p => Assert.Equal((10_000L, CoverageStatus.NoGoal, (decimal?)null, (long?)null), (p.WeightedPipelineMinor, p.Status, p.Coverage, p.GoalId)));

        // The team: no goal covers October's end; November's 100,000 was beaten by D3's 300,000.
        var team = await CoverageTrend.LoadAsync(db, scope, Months(), world.TeamMembers, new CoverageGoalOwner(GoalOwnerKind.Team, world.Team));
        Assert.Equal((120_000L, CoverageStatus.NoGoal), (team[0].WeightedPipelineMinor, team[0].Status));
        Assert.Equal((140_000L, CoverageStatus.TargetMet, 0L, 300_000L, (decimal?)null), (team[1].WeightedPipelineMinor, team[1].Status, team[1].RemainingMinor, team[1].WonMinor, team[1].Coverage));

        // Weekly: in the week of Oct 19–25 D1 moved to stage 2 on the 20th; the week before it was at stage 1.
        var weeks = TrendBuckets.Cover(TrendGranularity.Week, new DateOnly(2026, 10, 12), new DateOnly(2026, 10, 25), 1, Shanghai);
        var weekly = await CoverageTrend.LoadAsync(db, scope, weeks, [world.Rep1], new CoverageGoalOwner(GoalOwnerKind.Member, world.Rep1));
        Assert.Equal([20_000L + 40_000 + 30_000, 40_000L + 40_000 + 30_000], weekly.Select(p => p.WeightedPipelineMinor));
    }

    [Fact]
    public async Task Coverage_WithNoGoalsAtAll_ShowsNoRatio()
    {
        await using var world = await CreateWorldAsync(goals: false);
        await using var db = world.Context();
        var org = await CoverageTrend.LoadAsync(db, AccessScope.WholeOrganization(), Months(), null, new CoverageGoalOwner(GoalOwnerKind.Organization, null));
        Assert.All(org, p => Assert.Equal(CoverageStatus.NoGoal, p.Status));
        Assert.Equal([120_000L, 140_000L], org.Select(p => p.WeightedPipelineMinor));
    }
}
