using Headroom.Accounts;
using Headroom.Activities;
using Headroom.Analytics;
using Headroom.Deals;
using Headroom.FollowUps;
using Headroom.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Headroom.Tests.Analytics;

// The test clock stands at 2026-11-02 01:00 UTC: Monday 09:00 in Asia/Shanghai, so this week
// began at 2026-11-01 16:00 UTC.
[Trait("Category", "Integration")]
public class TeamGlanceTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    private sealed record World(WebTestHost Host, long Manager, long Rep1, long Rep2, long OtherRep) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Host.DisposeAsync();
    }

    private static async Task<World> CreateWorldAsync()
    {
        var host = await WebTestHost.CreateAsync();
        long teamA, teamB;
        await using (var db = host.Database.CreateContext(host.OrgId))
        {
            var a = db.Teams.Add(new Team { Name = "华东一组" }).Entity;
            var b = db.Teams.Add(new Team { Name = "华南组" }).Entity;
            await db.SaveChangesAsync();
            (teamA, teamB) = (a.Id, b.Id);
        }
        await host.AddUserAsync("admin@example.com", role: MemberRole.Admin);
        var manager = (await host.AddUserAsync("manager@example.com", role: MemberRole.Manager, teamId: teamA)).MemberId;
        var rep1 = (await host.AddUserAsync("li.lei@example.com", teamId: teamA)).MemberId;
        var rep2 = (await host.AddUserAsync("han.meimei@example.com", teamId: teamA)).MemberId;
        var otherRep = (await host.AddUserAsync("zhao.qiang@example.com", teamId: teamB)).MemberId;
        await using (var db = host.Database.CreateContext(host.OrgId))
        {
            (await db.Teams.SingleAsync(t => t.Id == teamA)).ManagerId = manager;
            var stage = await db.PipelineStages.Where(s => s.ClosesAs == null).OrderBy(s => s.SortOrder).FirstAsync();
            Account AccountOf(long owner) => db.Accounts.Add(new Account { Name = $"account {owner}", OwnerId = owner, Region = "East" }).Entity;
            var account1 = AccountOf(rep1);
            var account2 = AccountOf(rep2);
            var account3 = AccountOf(otherRep);
            await db.SaveChangesAsync();
            db.Deals.AddRange(
                new Deal { Name = "slipping deal", AccountId = account1.Id, OwnerId = rep1, AmountMinor = 1_000_000, StageId = stage.Id, ExpectedCloseDate = new DateOnly(2026, 10, 30) },
                new Deal { Name = "closes today", AccountId = account1.Id, OwnerId = rep1, AmountMinor = 250_000, StageId = stage.Id, ExpectedCloseDate = new DateOnly(2026, 11, 2) },
                new Deal { Name = "won deal", AccountId = account1.Id, OwnerId = rep1, AmountMinor = 9_000_000, StageId = stage.Id, Outcome = DealOutcome.Won },
                new Deal { Name = "rep2 deal", AccountId = account2.Id, OwnerId = rep2, AmountMinor = 500_000, StageId = stage.Id, ExpectedCloseDate = new DateOnly(2026, 12, 1) },
                new Deal { Name = "other team deal", AccountId = account3.Id, OwnerId = otherRep, AmountMinor = 700_000, StageId = stage.Id, ExpectedCloseDate = new DateOnly(2026, 10, 1) });
            db.FollowUps.AddRange(
                new FollowUp { Title = "overdue call back", AssigneeId = rep1, DueUtc = new DateTime(2026, 11, 1, 2, 0, 0, DateTimeKind.Utc), EffortHours = 2 },
                new FollowUp { Title = "send the quote", AssigneeId = rep1, DueUtc = new DateTime(2026, 11, 2, 8, 0, 0, DateTimeKind.Utc), EffortHours = 1.5, Priority = FollowUpPriority.High },
                new FollowUp { Title = "done already", AssigneeId = rep1, DueUtc = new DateTime(2026, 10, 1, 0, 0, 0, DateTimeKind.Utc), EffortHours = 5, Status = FollowUpStatus.Done },
                new FollowUp { Title = "next week", AssigneeId = rep2, DueUtc = new DateTime(2026, 11, 9, 0, 0, 0, DateTimeKind.Utc), EffortHours = 1 },
                new FollowUp { Title = "other team overdue", AssigneeId = otherRep, DueUtc = new DateTime(2026, 10, 20, 0, 0, 0, DateTimeKind.Utc), EffortHours = 1 });
            db.SalesActivities.AddRange(
                new SalesActivity { Type = ActivityType.Call, MemberId = rep1, StartUtc = new DateTime(2026, 11, 1, 15, 59, 0, DateTimeKind.Utc), DurationMinutes = 100 },
                new SalesActivity { Type = ActivityType.Call, MemberId = rep1, StartUtc = new DateTime(2026, 11, 1, 16, 0, 0, DateTimeKind.Utc), DurationMinutes = 30 },
                new SalesActivity { Type = ActivityType.Visit, MemberId = rep1, StartUtc = new DateTime(2026, 11, 2, 0, 30, 0, DateTimeKind.Utc), DurationMinutes = 60 },
                new SalesActivity { Type = ActivityType.Call, MemberId = otherRep, StartUtc = new DateTime(2026, 11, 2, 0, 30, 0, DateTimeKind.Utc), DurationMinutes = 20 });
            await db.SaveChangesAsync();
        }
        return new World(host, manager, rep1, rep2, otherRep);
    }

    [Fact]
    public async Task Manager_SeesTheirTeamOnly_WithCountsForThisWeek()
    {
        await using var world = await CreateWorldAsync();
        await using var db = world.Host.Database.CreateContext(world.Host.OrgId);
        var scope = await AccessScope.ForMemberAsync(db, world.Manager);
        var period = TeamGlancePeriod.At(world.Host.Clock.GetUtcNow(), Shanghai);
        Assert.Equal((new DateOnly(2026, 11, 2), new DateTime(2026, 11, 1, 16, 0, 0, DateTimeKind.Utc)), (period.Today, period.WeekStartUtc));

        var glance = await TeamGlance.LoadAsync(db, scope, period, 1, 25);
        Assert.Equal(3, glance.Total);
        var byId = glance.Items.ToDictionary(m => m.MemberId);
        Assert.Equal([world.Manager, world.Rep1, world.Rep2], byId.Keys.Order());
        var rep1 = byId[world.Rep1];
        Assert.Equal((2, 1_250_000L, 1), (rep1.OpenDeals, rep1.OpenPipelineMinor, rep1.SlippingDeals));
        Assert.Equal((2, 1, 3.5), (rep1.OpenFollowUps, rep1.OverdueFollowUps, rep1.OpenEffortHours));
        Assert.Equal((2, 90), (rep1.ActivitiesThisWeek, rep1.MinutesThisWeek));
        var rep2 = byId[world.Rep2];
        Assert.Equal((1, 500_000L, 0, 1, 0, 0), (rep2.OpenDeals, rep2.OpenPipelineMinor, rep2.SlippingDeals, rep2.OpenFollowUps, rep2.OverdueFollowUps, rep2.ActivitiesThisWeek));

        Assert.Equal(["overdue call back"], (await TeamGlance.OverdueFollowUpsAsync(db, scope, period, 10)).Select(i => i.Title));
        var slipping = Assert.Single(await TeamGlance.SlippingDealsAsync(db, scope, period, 10));
        Assert.Equal(("slipping deal", "li.lei", 1_000_000L), (slipping.Title, slipping.MemberName, slipping.AmountMinor));
    }

    [Fact]
    public async Task Pages_CoverEveryMemberOnce()
    {
        await using var world = await CreateWorldAsync();
        await using var db = world.Host.Database.CreateContext(world.Host.OrgId);
        var admin = (await db.Members.SingleAsync(m => m.Role == MemberRole.Admin)).Id;
        var scope = await AccessScope.ForMemberAsync(db, admin);
        var period = TeamGlancePeriod.At(world.Host.Clock.GetUtcNow(), Shanghai);
        var pages = new List<MemberGlance>();
        for (var page = 1; page <= 3; page++)
        {
            var glance = await TeamGlance.LoadAsync(db, scope, period, page, 2);
            Assert.Equal(5, glance.Total);
            pages.AddRange(glance.Items);
        }
        Assert.Equal(await db.Members.Select(m => m.Id).OrderBy(id => id).ToListAsync(), pages.Select(m => m.MemberId).Order());
        Assert.Equal(2, (await TeamGlance.OverdueFollowUpsAsync(db, scope, period, 10)).Count);
        Assert.Equal(["other team deal", "slipping deal"], (await TeamGlance.SlippingDealsAsync(db, scope, period, 10)).Select(i => i.Title));
    }

    [Fact]
    public async Task HomePage_ShowsAManagerTheirTeam_AndARepTheirOwnWork()
    {
        await using var world = await CreateWorldAsync();
        using var manager = world.Host.CreateClient();
        await WebTestHost.SignInAsync(manager, "manager@example.com");
        var team = await manager.GetStringAsync(new Uri("/", UriKind.Relative));
        Assert.Contains("Your team at a glance", team, StringComparison.Ordinal);
        Assert.Contains("han.meimei", team, StringComparison.Ordinal);
        Assert.Contains("overdue call back", team, StringComparison.Ordinal);
        Assert.DoesNotContain("zhao.qiang", team, StringComparison.Ordinal);
        Assert.DoesNotContain("other team", team, StringComparison.Ordinal);

        using var rep = world.Host.CreateClient("zh-CN");
        await WebTestHost.SignInAsync(rep, "li.lei@example.com");
        var mine = await rep.GetStringAsync(new Uri("/", UriKind.Relative));
        Assert.Contains("我的工作", mine, StringComparison.Ordinal);
        Assert.Contains("send the quote", mine, StringComparison.Ordinal);
        Assert.Contains("slipping deal", mine, StringComparison.Ordinal);
        Assert.Contains("2 次活动，记录 1.5 小时", mine, StringComparison.Ordinal);
        Assert.DoesNotContain("团队概览", mine, StringComparison.Ordinal);
        Assert.DoesNotContain("next week", mine, StringComparison.Ordinal);
        Assert.DoesNotContain("han.meimei", mine, StringComparison.Ordinal);
    }
}
