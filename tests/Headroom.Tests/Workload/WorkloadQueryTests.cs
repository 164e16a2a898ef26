using Headroom.Accounts;
using Headroom.Activities;
using Headroom.Deals;
using Headroom.FollowUps;
using Headroom.Organizations;
using Headroom.Workload;
using Microsoft.EntityFrameworkCore;

namespace Headroom.Tests.Workload;

[Trait("Category", "Integration")]
public sealed class WorkloadQueryTests
{
    private static readonly DateOnly Monday = new(2026, 11, 2);

    private static WorkloadRequest Week(int trendPeriods = 0) =>
        new(Monday, Monday.AddDays(6), WorkloadPeriod.Day, new DateTimeOffset(2026, 11, 2, 1, 0, 0, TimeSpan.Zero), trendPeriods);

    [Fact]
    public async Task Load_ManagerScope_TeamMembersWithTheirWorkAndActivityPerLocalDay()
    {
        await using var database = await TestDatabase.CreateAsync();
        var org = await database.CreateOrganizationAsync();
        var ids = await SeedAsync(database, org.Id);

        await using var db = database.CreateContext(org.Id);
        var scope = await AccessScope.ForMemberAsync(db, ids.Manager);
        var inputs = await WorkloadQuery.LoadAsync(db, scope, Week(), teamId: ids.Team);

        // The team and its sub-team, the manager included; not the inactive member nor another team.
        Assert.Equal(["Li Lei", "Wang Fang", "Zhang Wei"], inputs.Members.Select(m => m.Name));
        Assert.Equal(8, inputs.Policy.DailyHours);
        Assert.Contains(inputs.Calendar, d => d.Kind == CalendarDayKind.Workday);
        Assert.Equal(EffortModel.Default, inputs.Effort);
        Assert.Equal([ids.Li], inputs.Leave.Select(l => l.MemberId));
        // Open follow-ups, and done ones completed in the range; not the cancelled one nor the outsider's.
        Assert.Equal(2, inputs.FollowUps.Count(f => f.MemberId == ids.Li));
        Assert.Single(inputs.Deals);
        Assert.Equal(40, inputs.Deals[0].WinProbability);
        Assert.Equal([AccountTier.A], inputs.Accounts.Select(a => a.Tier));
        Assert.DoesNotContain(inputs.Activity, a => a.MemberId == ids.Outsider);

        // 17:00 UTC on Monday is 01:00 on Tuesday in Shanghai; Wang works in UTC.
        var li = inputs.Activity.Where(a => a.MemberId == ids.Li).OrderBy(a => a.Date).ToList();
        Assert.Equal(
            [new ActivityDay(ids.Li, Monday.AddDays(1), 60 + 30, Activities: 2), new ActivityDay(ids.Li, Monday.AddDays(2), 0, 0, 0, 90, 1, Activities: 1)],
            li);
        var wang = inputs.Activity.Where(a => a.MemberId == ids.Wang).OrderBy(a => a.Date).ToList();
        Assert.Equal([new ActivityDay(ids.Wang, Monday, 60, Activities: 1), new ActivityDay(ids.Wang, Monday.AddDays(1), 45, 45, 1, Activities: 1)], wang);

        // Without a team: everyone the manager may see, which is not the other team's rep.
        var all = await WorkloadQuery.LoadAsync(db, scope, Week());
        Assert.Equal(["Li Lei", "Wang Fang", "Zhang Wei"], all.Members.Select(m => m.Name));
        Assert.DoesNotContain(all.FollowUps, f => f.MemberId == ids.Outsider);

        var result = WorkloadScorer.Score(inputs, Week());
        var liTuesday = result.Members[0].Periods[1];
        Assert.Equal(1.5, liTuesday.ActualHours, 9);
        Assert.Equal(2.5, result.Members[0].Periods[2].Load.Meetings, 9);
        Assert.Equal(0, result.Members[0].Periods[3].CapacityHours);
    }

    [Fact]
    public async Task Load_RepScope_OnlyThemselves_AndTheOrganizationsEffortModel()
    {
        await using var database = await TestDatabase.CreateAsync();
        var org = await database.CreateOrganizationAsync();
        var ids = await SeedAsync(database, org.Id);
        await using (var db = database.CreateContext(org.Id))
        {
            var stored = new OrganizationEffortModel();
            stored.Write(EffortModel.Default with { VisitTravelHours = 2 });
            db.OrganizationEffortModels.Add(stored);
            await db.SaveChangesAsync();
        }

        await using var read = database.CreateContext(org.Id);
        var scope = await AccessScope.ForMemberAsync(read, ids.Wang);
        var inputs = await WorkloadQuery.LoadAsync(read, scope, Week(trendPeriods: 2));

        Assert.Equal([ids.Wang], inputs.Members.Select(m => m.Id));
        Assert.All(inputs.FollowUps, f => Assert.Equal(ids.Wang, f.MemberId));
        Assert.Empty(inputs.Deals);
        Assert.Equal(2, inputs.Effort.VisitTravelHours);
        Assert.All(inputs.Activity, a => Assert.Equal(ids.Wang, a.MemberId));
    }

    private sealed record Ids(long Team, long Manager, long Li, long Wang, long Outsider);

    private static async Task<Ids> SeedAsync(TestDatabase database, long orgId)
    {
        await using var db = database.CreateContext(orgId);
        var north = new Team { Name = "华北" };
        var beijing = new Team { Name = "北京", ParentTeam = north };
        var south = new Team { Name = "华南" };
        var manager = new Member { Name = "Zhang Wei", Role = MemberRole.Manager, Team = north };
        var li = new Member { Name = "Li Lei", Team = beijing };
        var wang = new Member { Name = "Wang Fang", Team = north, TimeZoneId = "Etc/UTC", WeeklyCapacityHours = 20 };
        var gone = new Member { Name = "Former", Team = north, Active = false };
        var outsider = new Member { Name = "Outsider", Team = south };
        db.AddRange(north, beijing, south, manager, li, wang, gone, outsider);
        await db.SaveChangesAsync();
        north.ManagerId = manager.Id;
        var stages = await db.PipelineStages.OrderBy(s => s.SortOrder).ToListAsync();
        var account = new Account { Name = "上海宏达贸易", OwnerId = li.Id, Tier = AccountTier.A };
        var churned = new Account { Name = "Old", OwnerId = li.Id, Tier = AccountTier.B, Status = AccountStatus.Churned };
        db.AddRange(account, churned);
        await db.SaveChangesAsync();
        db.AddRange(
            new Deal { Name = "ERP", AccountId = account.Id, OwnerId = li.Id, StageId = stages[2].Id },
            new Deal { Name = "Won", AccountId = account.Id, OwnerId = li.Id, StageId = stages[4].Id, Outcome = DealOutcome.Won },
            new FollowUp { Title = "Call back", AssigneeId = li.Id, DueUtc = new DateTime(2026, 11, 5, 2, 0, 0, DateTimeKind.Utc), EffortHours = 1 },
            new FollowUp { Title = "Quote", AssigneeId = li.Id, DueUtc = new DateTime(2026, 11, 1, 2, 0, 0, DateTimeKind.Utc), Status = FollowUpStatus.Done, CompletedUtc = new DateTime(2026, 11, 2, 3, 0, 0, DateTimeKind.Utc) },
            new FollowUp { Title = "Dropped", AssigneeId = li.Id, DueUtc = new DateTime(2026, 11, 5, 2, 0, 0, DateTimeKind.Utc), Status = FollowUpStatus.Cancelled },
            new FollowUp { Title = "Mine", AssigneeId = wang.Id, DueUtc = new DateTime(2026, 11, 6, 2, 0, 0, DateTimeKind.Utc) },
            new FollowUp { Title = "Theirs", AssigneeId = outsider.Id, DueUtc = new DateTime(2026, 11, 6, 2, 0, 0, DateTimeKind.Utc) },
            new TimeOff { MemberId = li.Id, StartDate = Monday.AddDays(3), EndDate = Monday.AddDays(3) },
            new TimeOff { MemberId = li.Id, StartDate = new DateOnly(2026, 1, 5), EndDate = new DateOnly(2026, 1, 6) });
        var monday17 = new DateTime(2026, 11, 2, 17, 0, 0, DateTimeKind.Utc);
        foreach (var member in new[] { li, wang, outsider })
        {
            db.SalesActivities.Add(new SalesActivity { MemberId = member.Id, Type = ActivityType.Call, StartUtc = monday17, DurationMinutes = 60, Outcome = ActivityOutcome.Completed });
        }
        db.SalesActivities.AddRange(
            // Shanghai: Tuesday 09:00; another 30 minutes of logged work.
            new SalesActivity { MemberId = li.Id, Type = ActivityType.Email, StartUtc = new DateTime(2026, 11, 3, 1, 0, 0, DateTimeKind.Utc), DurationMinutes = 30, Outcome = ActivityOutcome.NoAnswer },
            new SalesActivity { MemberId = li.Id, Type = ActivityType.Visit, StartUtc = new DateTime(2026, 11, 4, 2, 0, 0, DateTimeKind.Utc), DurationMinutes = 90, Outcome = ActivityOutcome.Planned },
            new SalesActivity { MemberId = li.Id, Type = ActivityType.Meeting, StartUtc = new DateTime(2026, 11, 4, 3, 0, 0, DateTimeKind.Utc), DurationMinutes = 60, Outcome = ActivityOutcome.Cancelled },
            // Long before the range: not read.
            new SalesActivity { MemberId = li.Id, Type = ActivityType.Call, StartUtc = new DateTime(2026, 6, 1, 2, 0, 0, DateTimeKind.Utc), DurationMinutes = 30, Outcome = ActivityOutcome.Completed },
            new SalesActivity { MemberId = wang.Id, Type = ActivityType.Demo, StartUtc = new DateTime(2026, 11, 3, 10, 0, 0, DateTimeKind.Utc), DurationMinutes = 45, Outcome = ActivityOutcome.Completed });
        await db.SaveChangesAsync();
        return new Ids(north.Id, manager.Id, li.Id, wang.Id, outsider.Id);
    }
}
