using Headroom.Accounts;
using Headroom.Analytics;
using Headroom.Assignment;
using Headroom.Deals;
using Headroom.FollowUps;
using Headroom.Organizations;
using Headroom.Workload;
using Microsoft.EntityFrameworkCore;

namespace Headroom.Tests.Assignment;

// Leave cover against a real database: Li (华东) is on leave Monday 9 to Friday 13 November 2026;
// "now" is Monday 2 November, 09:00 in Shanghai. Wang is a teammate with room, Chen a teammate on
// leave herself that week, Zhou a rep of another team under the same manager.
[Trait("Category", "Integration")]
public sealed class LeaveCoverServiceTests
{
    private sealed record World(TestDatabase Database, long OrgId, long Li, long Wang, long Chen, long Zhou, long Manager, TimeOff Leave,
        long Acme, long DealId, long DueInLeave, long OnDeal, long Overdue, long AfterLeave);

    private static DateTime Shanghai(int month, int day, int hour, int minute = 0) =>
        new DateTime(2026, month, day, hour, minute, 0, DateTimeKind.Utc).AddHours(-8);

    private static async Task<World> CreateAsync(TestDatabase database)
    {
        var org = await database.CreateOrganizationAsync();
        await using var db = database.CreateContext(org.Id);
        var manager = new Member { Name = "赵经理", Role = MemberRole.Manager };
        db.Members.Add(manager);
        await db.SaveChangesAsync();
        var east = new Team { Name = "华东", ManagerId = manager.Id };
        var south = new Team { Name = "华南", ManagerId = manager.Id };
        manager.Team = east;
        var li = new Member { Name = "李雷", Team = east };
        var wang = new Member { Name = "王芳", Team = east };
        var chen = new Member { Name = "陈静", Team = east };
        var zhou = new Member { Name = "周强", Team = south };
        db.AddRange(east, south, li, wang, chen, zhou);
        await db.SaveChangesAsync();
        var leave = new TimeOff { MemberId = li.Id, StartDate = new DateOnly(2026, 11, 9), EndDate = new DateOnly(2026, 11, 13) };
        db.TimeOffs.AddRange(leave, new TimeOff { MemberId = chen.Id, StartDate = new DateOnly(2026, 11, 12), EndDate = new DateOnly(2026, 11, 20) });
        var acme = new Account { Name = "Acme", OwnerId = li.Id };
        db.Accounts.Add(acme);
        await db.SaveChangesAsync();
        var stage = await db.PipelineStages.Where(s => s.ClosesAs == null).OrderBy(s => s.SortOrder).FirstAsync();
        var deal = new Deal { Name = "Acme renewal", AccountId = acme.Id, OwnerId = li.Id, AmountMinor = 80_000_00, StageId = stage.Id };
        db.Deals.Add(deal);
        await db.SaveChangesAsync();
        var dueInLeave = new FollowUp { Title = "Acme: send the quote", AssigneeId = li.Id, AccountId = acme.Id, DueUtc = Shanghai(11, 10, 17), EffortHours = 2 };
        var onDeal = new FollowUp { Title = "Acme: renewal call", AssigneeId = li.Id, AccountId = acme.Id, DealId = deal.Id, DueUtc = Shanghai(11, 13, 23, 30), EffortHours = 1 };
        var overdue = new FollowUp { Title = "call back the distributor", AssigneeId = li.Id, DueUtc = Shanghai(10, 30, 17), EffortHours = 0.5 };
        var afterLeave = new FollowUp { Title = "plan Q1", AssigneeId = li.Id, DueUtc = Shanghai(11, 16, 10), EffortHours = 3 };
        // Due before the leave: still Li's to do before going.
        var beforeLeave = new FollowUp { Title = "brief the team", AssigneeId = li.Id, DueUtc = Shanghai(11, 6, 17), EffortHours = 1 };
        db.FollowUps.AddRange(dueInLeave, onDeal, overdue, afterLeave, beforeLeave);
        await db.SaveChangesAsync();
        return new World(database, org.Id, li.Id, wang.Id, chen.Id, zhou.Id, manager.Id, leave, acme.Id, deal.Id, dueInLeave.Id, onDeal.Id, overdue.Id, afterLeave.Id);
    }

    private static async Task<CoverApplyOutcome> PlanAndApplyAsync(World world)
    {
        await using var db = world.Database.CreateContext(world.OrgId);
        var plan = LeaveCoverPlanner.Plan(await LeaveCoverQuery.LoadAsync(db, world.Leave, world.Database.Clock.GetUtcNow()));
        var scope = await AccessScope.ForMemberAsync(db, world.Manager);
        return await LeaveCoverService.ApplyAsync(db, scope, new AssignmentActor(world.Manager, "赵经理"), world.Leave,
            [.. plan.Lines.Select(l => new CoverChange(l.FollowUpId, l.CoverMemberId, LeaveCoverExplanation.English(l)))], world.Database.Clock.GetUtcNow().UtcDateTime);
    }

    [Fact]
    public async Task ThePlan_CoversWhatIsDueByTheEndOfTheLeave_WithATeammateOffLeave()
    {
        await using var database = await TestDatabase.CreateAsync();
        var world = await CreateAsync(database);
        await using var db = database.CreateContext(world.OrgId);

        var inputs = await LeaveCoverQuery.LoadAsync(db, world.Leave, database.Clock.GetUtcNow());
        Assert.Equal([world.DueInLeave, world.OnDeal, world.Overdue], inputs.Items.Select(i => i.FollowUpId).Order());
        Assert.Equal([world.Wang, world.Chen, world.Zhou], inputs.Candidates.Select(c => c.Id).Order());
        Assert.True(inputs.Candidates.Single(c => c.Id == world.Chen).OnLeave);
        Assert.False(inputs.Candidates.Single(c => c.Id == world.Zhou).SameTeam);
        // Five working days of 8 h each.
        Assert.Equal(40, inputs.Candidates.Single(c => c.Id == world.Wang).CapacityHours, 6);

        var plan = LeaveCoverPlanner.Plan(inputs);
        Assert.Equal(3, plan.Lines.Count);
        // Acme's two follow-ups go to one teammate; nobody on leave covers.
        Assert.Single(plan.Lines.Where(l => l.AccountId == world.Acme).Select(l => l.CoverMemberId).Distinct());
        Assert.All(plan.Lines, l => Assert.Equal(world.Wang, l.CoverMemberId));
        Assert.All(plan.Lines, l => Assert.Equal(CoverReason.SameTeam, l.Reason));
    }

    [Fact]
    public async Task Apply_GivesTheFollowUpsACoverMember_KeepsTheOwner_AndLogsOwnerToCover()
    {
        await using var database = await TestDatabase.CreateAsync();
        var world = await CreateAsync(database);

        var outcome = await PlanAndApplyAsync(world);

        Assert.True(outcome.Applied);
        await using var db = database.CreateContext(world.OrgId);
        var covered = await db.FollowUps.Where(f => f.CoverMemberId != null).OrderBy(f => f.Id).ToListAsync();
        Assert.Equal([world.DueInLeave, world.OnDeal, world.Overdue], covered.Select(f => f.Id));
        Assert.All(covered, f => Assert.Equal((world.Li, (long?)world.Wang), (f.AssigneeId!.Value, f.CoverMemberId)));
        Assert.Null((await db.FollowUps.SingleAsync(f => f.Id == world.AfterLeave)).CoverMemberId);
        var cover = await db.LeaveCovers.Include(c => c.Lines).SingleAsync();
        Assert.Equal((world.Li, world.Leave.Id, 3), (cover.MemberId, cover.TimeOffId!.Value, cover.Lines.Count));
        Assert.Equal(LeaveCoverState.Planned, cover.StateOn(new DateOnly(2026, 11, 2)));
        Assert.Equal(LeaveCoverState.Active, cover.StateOn(new DateOnly(2026, 11, 9)));
        Assert.All(cover.Lines, l => Assert.Contains("王芳", l.Explanation, StringComparison.Ordinal));
        var log = await db.AssignmentLog.Where(e => e.Source == AssignmentSource.LeaveCover).OrderBy(e => e.ItemId).ToListAsync();
        Assert.Equal(3, log.Count);
        Assert.All(log, e => Assert.Equal((AssignmentSource.LeaveCover, (long?)world.Li, (long?)world.Wang, RebalanceItemKind.FollowUp, "赵经理"),
            (e.Source, e.FromMemberId, e.ToMemberId, e.ItemKind, e.ActorName)));
        Assert.Single(log.Select(e => e.BatchId).Distinct());
        // Deals and accounts keep their owner.
        Assert.Equal(world.Li, (await db.Deals.SingleAsync(d => d.Id == world.DealId)).OwnerId);

        // A second cover of the same leave is refused while this one lasts.
        var again = await PlanAndApplyAsync(world);
        Assert.Contains(again.Problems, p => p.Problem == CoverProblemKind.AlreadyCovered);
    }

    [Fact]
    public async Task Apply_WithAStaleLine_NamesIt_AndWritesNothing()
    {
        await using var database = await TestDatabase.CreateAsync();
        var world = await CreateAsync(database);
        await using var db = database.CreateContext(world.OrgId);
        var scope = await AccessScope.ForMemberAsync(db, world.Manager);
        await using (var other = database.CreateContext(world.OrgId))
        {
            // Done since the preview.
            var followUp = await other.FollowUps.SingleAsync(f => f.Id == world.Overdue);
            followUp.Status = FollowUpStatus.Done;
            followUp.CompletedUtc = database.Clock.GetUtcNow().UtcDateTime;
            await other.SaveChangesAsync();
        }

        var outcome = await LeaveCoverService.ApplyAsync(db, scope, new AssignmentActor(world.Manager, "赵经理"), world.Leave,
            [new CoverChange(world.DueInLeave, world.Wang), new CoverChange(world.Overdue, world.Wang), new CoverChange(world.OnDeal, world.Chen)],
            database.Clock.GetUtcNow().UtcDateTime);

        Assert.Equal([(1, CoverProblemKind.Stale, "call back the distributor"), (2, CoverProblemKind.BadCover, "Acme: renewal call")],
            outcome.Problems.Select(p => (p.Index, p.Problem, p.Label)));
        await using var read = database.CreateContext(world.OrgId);
        Assert.False(await read.FollowUps.AnyAsync(f => f.CoverMemberId != null));
        Assert.False(await read.LeaveCovers.AnyAsync());
        Assert.False(await read.AssignmentLog.AnyAsync(e => e.Source == AssignmentSource.LeaveCover));
    }

    [Fact]
    public async Task ReturnDue_AfterTheLeaveOnly_GivesTheOpenWorkBack_LogsIt_AndIsIdempotent()
    {
        await using var database = await TestDatabase.CreateAsync();
        var world = await CreateAsync(database);
        Assert.True((await PlanAndApplyAsync(world)).Applied);
        await using (var db = database.CreateContext(world.OrgId))
        {
            // Wang completes one of them during the leave.
            var done = await db.FollowUps.SingleAsync(f => f.Id == world.DueInLeave);
            done.Status = FollowUpStatus.Done;
            done.CompletedUtc = Shanghai(11, 10, 15);
            await db.SaveChangesAsync();
        }

        await using (var db = database.CreateContext(world.OrgId))
        {
            // The last day of leave, late in the evening in Shanghai: not yet.
            Assert.Empty(await LeaveCoverService.ReturnDueAsync(db, AssignmentActor.Cli, Shanghai(11, 13, 23, 59)));
            Assert.Equal(3, await db.FollowUps.CountAsync(f => f.CoverMemberId != null));
        }
        await using (var db = database.CreateContext(world.OrgId))
        {
            var returned = await LeaveCoverService.ReturnDueAsync(db, AssignmentActor.Cli, Shanghai(11, 14, 0, 1));
            Assert.Equal([world.OnDeal, world.Overdue], returned.Select(e => e.ItemId).Order());
            Assert.All(returned, e => Assert.Equal((AssignmentSource.LeaveCover, (long?)world.Wang, (long?)world.Li, LeaveCoverService.ReturnedAfterLeave, "cli"),
                (e.Source, e.FromMemberId, e.ToMemberId, e.Reason, e.ActorName)));
        }
        await using (var db = database.CreateContext(world.OrgId))
        {
            Assert.Empty(await LeaveCoverService.ReturnDueAsync(db, AssignmentActor.Cli, Shanghai(11, 15, 9)));
            Assert.False(await db.FollowUps.AnyAsync(f => f.CoverMemberId != null || f.LeaveCoverId != null));
            Assert.All(await db.FollowUps.ToListAsync(), f => Assert.Equal(world.Li, f.AssigneeId));
            var cover = await db.LeaveCovers.SingleAsync();
            Assert.Equal((LeaveCoverState.Returned, LeaveCoverService.ReturnedAfterLeave), (cover.StateOn(new DateOnly(2026, 11, 15)), cover.ReturnReason));
            Assert.Equal(5, await db.AssignmentLog.CountAsync(e => e.Source == AssignmentSource.LeaveCover));
        }
    }

    [Fact]
    public async Task TheWorkloadIndex_CountsCoveredEffortOnTheCoverMember_DuringTheCover_AndOnTheOwnerAfter()
    {
        await using var database = await TestDatabase.CreateAsync();
        var world = await CreateAsync(database);
        var request = new WorkloadRequest(new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 22), WorkloadPeriod.Week, database.Clock.GetUtcNow(), TrendPeriods: 0);

        async Task<(double Li, double Wang)> FollowUpHoursAsync()
        {
            await using var db = database.CreateContext(world.OrgId);
            var inputs = await WorkloadQuery.LoadAsync(db, AccessScope.WholeOrganization(), request, memberIds: [world.Li, world.Wang]);
            var scored = WorkloadScorer.Score(inputs, request).Members.ToDictionary(m => m.MemberId, m => m.Periods.Sum(p => p.Load.FollowUps));
            return (scored[world.Li], scored[world.Wang]);
        }

        var before = await FollowUpHoursAsync();
        Assert.Equal((7.5, 0.0), (Math.Round(before.Li, 6), Math.Round(before.Wang, 6)));
        Assert.True((await PlanAndApplyAsync(world)).Applied);
        var during = await FollowUpHoursAsync();
        // The 3.5 h covered are Wang's; Li keeps "plan Q1" (3 h, due after the leave) and "brief the team" (1 h, before it).
        Assert.Equal((4.0, 3.5), (Math.Round(during.Li, 6), Math.Round(during.Wang, 6)));
        await using (var db = database.CreateContext(world.OrgId))
        {
            await LeaveCoverService.ReturnDueAsync(db, AssignmentActor.Cli, Shanghai(11, 14, 9));
        }
        var after = await FollowUpHoursAsync();
        Assert.Equal((7.5, 0.0), (Math.Round(after.Li, 6), Math.Round(after.Wang, 6)));
    }

    [Fact]
    public async Task TheCredit_StaysWithTheOwner_WhenTheCoverMemberCompletesTheWorkAndTheDealIsWon()
    {
        await using var database = await TestDatabase.CreateAsync();
        var world = await CreateAsync(database);
        Assert.True((await PlanAndApplyAsync(world)).Applied);
        await using (var db = database.CreateContext(world.OrgId))
        {
            var call = await db.FollowUps.SingleAsync(f => f.Id == world.OnDeal);
            call.Status = FollowUpStatus.Done;
            call.CompletedUtc = Shanghai(11, 11, 10);
            var deal = await db.Deals.SingleAsync(d => d.Id == world.DealId);
            var won = await db.PipelineStages.SingleAsync(s => s.ClosesAs == DealOutcome.Won);
            (deal.Outcome, deal.StageId, deal.ClosedUtc) = (DealOutcome.Won, won.Id, Shanghai(11, 11, 11));
            await db.SaveChangesAsync();
        }

        await using var read = database.CreateContext(world.OrgId);
        var november = MetricsPeriod.Of(new DateOnly(2026, 11, 1), new DateOnly(2026, 12, 1), TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));
        var li = await SalesMetrics.LoadAsync(read, AccessScope.WholeOrganization(), november, world.Li);
        var wang = await SalesMetrics.LoadAsync(read, AccessScope.WholeOrganization(), november, world.Wang);
        Assert.Equal((80_000_00L, 1), (li.WonRevenueMinor, li.DealsWon));
        Assert.Equal((0L, 0), (wang.WonRevenueMinor, wang.DealsWon));
        Assert.Equal(world.Li, (await read.FollowUps.SingleAsync(f => f.Id == world.OnDeal)).AssigneeId);
    }

    [Fact]
    public async Task TheCoverMember_SeesTheCoveredFollowUps_OnlyWhileTheCoverLasts()
    {
        await using var database = await TestDatabase.CreateAsync();
        var world = await CreateAsync(database);

        async Task<List<long>> VisibleToAsync(long member)
        {
            await using var db = database.CreateContext(world.OrgId);
            var scope = await AccessScope.ForMemberAsync(db, member);
            return await scope.FollowUps(db).OrderBy(f => f.Id).Select(f => f.Id).ToListAsync();
        }

        Assert.Empty(await VisibleToAsync(world.Wang));
        Assert.True((await PlanAndApplyAsync(world)).Applied);
        Assert.Equal([world.DueInLeave, world.OnDeal, world.Overdue], await VisibleToAsync(world.Wang));
        Assert.Empty(await VisibleToAsync(world.Zhou));
        Assert.Equal(5, (await VisibleToAsync(world.Li)).Count);
        await using (var db = database.CreateContext(world.OrgId))
        {
            var cover = await db.LeaveCovers.SingleAsync();
            Assert.Equal(3, (await LeaveCoverService.EndAsync(db, AssignmentActor.Cli, cover, Shanghai(11, 10, 9))).Count);
        }
        Assert.Empty(await VisibleToAsync(world.Wang));
    }
}
