using Headroom.Activities;
using Headroom.Data;
using Headroom.Importing;
using Headroom.Organizations;
using Headroom.Tests.Importing;
using Headroom.Workload;
using Microsoft.EntityFrameworkCore;

namespace Headroom.Tests.Workload;

// MemberActivityDay must always equal the activity rows summed per member and local day, whatever
// path wrote them. Each test changes activities one way and compares the rollup with a fresh sum.
[Trait("Category", "Integration")]
public sealed class ActivityDayRollupTests
{
    private static SalesActivity Call(long member, DateTime startUtc, int minutes = 30, ActivityOutcome outcome = ActivityOutcome.Completed) =>
        new() { MemberId = member, Type = ActivityType.Call, StartUtc = startUtc, DurationMinutes = minutes, Outcome = outcome };

    private static DateTime Utc(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, DateTimeKind.Utc);

    // Every member's days, summed again from the activity rows; only days with something to count.
    internal static async Task AssertCurrentAsync(AppDbContext db)
    {
        var orgId = db.Tenant.RequireOrgId();
        var zone = await db.Organizations.Where(o => o.Id == orgId).Select(o => o.TimeZoneId).SingleAsync();
        var members = await db.Members.Select(m => new { m.Id, m.TimeZoneId }).ToListAsync();
        var span = await db.SalesActivities.GroupBy(_ => 1).Select(g => new { From = g.Min(a => a.StartUtc), To = g.Max(a => a.StartUtc) }).SingleOrDefaultAsync();
        var expected = span is null
            ? []
            : (await ActivityDayRollup.SumAsync(db, orgId, members.Select(m => (m.Id, m.TimeZoneId ?? zone)),
                    DateTime.SpecifyKind(span.From, DateTimeKind.Utc).AddDays(-1), DateTime.SpecifyKind(span.To, DateTimeKind.Utc).AddDays(1), CancellationToken.None))
                .Where(d => d.ActualMinutes != 0 || d.MeetingMinutes != 0 || d.Meetings != 0 || d.VisitMinutes != 0 || d.Visits != 0 || d.Activities != 0)
                .OrderBy(d => d.MemberId).ThenBy(d => d.Date).ToList();
        var stored = await db.MemberActivityDays.OrderBy(d => d.MemberId).ThenBy(d => d.Day)
            .Select(d => new ActivityDay(
                d.MemberId, d.Day, d.ActualMinutes, d.MeetingMinutes, d.Meetings, d.VisitMinutes, d.Visits, d.Activities,
                d.Calls, d.Emails, d.Demos, d.Messages, d.Others))
            .ToListAsync();
        Assert.Equal(expected, stored);
    }

    [Fact]
    public async Task SaveChanges_AddMoveChangeAndRemove_KeepTheDaysCurrent()
    {
        await using var database = await TestDatabase.CreateAsync();
        var org = await database.CreateOrganizationAsync();
        long li, wang;
        await using (var db = database.CreateContext(org.Id))
        {
            var a = new Member { Name = "Li Lei" };
            // Berlin changes to winter time on 2026-10-25: both sides of the change are summed.
            var b = new Member { Name = "Wang Fang", TimeZoneId = "Europe/Berlin" };
            db.AddRange(a, b);
            await db.SaveChangesAsync();
            (li, wang) = (a.Id, b.Id);
            db.SalesActivities.AddRange(
                // 17:00 UTC is the next day in Shanghai.
                Call(li, Utc(11, 2, 17)), Call(li, Utc(11, 3, 1), 45), Call(li, Utc(11, 3, 2), 20, ActivityOutcome.Cancelled),
                new SalesActivity { MemberId = li, Type = ActivityType.Visit, StartUtc = Utc(11, 4, 2), DurationMinutes = 90, Outcome = ActivityOutcome.Planned },
                Call(wang, Utc(10, 24, 22, 30)), Call(wang, Utc(10, 25, 22, 30)), Call(wang, Utc(10, 25, 23, 30), 15));
            await db.SaveChangesAsync();
            await AssertCurrentAsync(db);
            Assert.Equal(
                [new ActivityDay(li, new DateOnly(2026, 11, 3), 30 + 45, Activities: 2), new ActivityDay(li, new DateOnly(2026, 11, 4), 0, 0, 0, 90, 1, 1)],
                await Days(db, li));
            // 22:30 UTC is 00:30 on the next day in summer time but 23:30 on the same day in winter time.
            Assert.Equal(
                [new ActivityDay(wang, new DateOnly(2026, 10, 25), 30 + 30, Activities: 2), new ActivityDay(wang, new DateOnly(2026, 10, 26), 15, Activities: 1)],
                await Days(db, wang));
        }

        await using (var db = database.CreateContext(org.Id))
        {
            // Moved to another member and day, outcome changed, one removed: all in one save.
            var moved = await db.SalesActivities.SingleAsync(a => a.MemberId == li && a.DurationMinutes == 45);
            moved.MemberId = wang;
            moved.StartUtc = Utc(11, 5, 10);
            var cancelled = await db.SalesActivities.SingleAsync(a => a.Outcome == ActivityOutcome.Cancelled);
            cancelled.Outcome = ActivityOutcome.Completed;
            db.SalesActivities.Remove(await db.SalesActivities.SingleAsync(a => a.Type == ActivityType.Visit));
            await db.SaveChangesAsync();
            await AssertCurrentAsync(db);
            Assert.Equal([new ActivityDay(li, new DateOnly(2026, 11, 3), 30 + 20, Activities: 2)], await Days(db, li));
            Assert.Contains(new ActivityDay(wang, new DateOnly(2026, 11, 5), 45, Activities: 1), await Days(db, wang));

            // Notes alone change nothing that is counted.
            moved.Notes = "回访";
            await db.SaveChangesAsync();
            await AssertCurrentAsync(db);
        }
    }

    [Fact]
    public async Task ZoneChanges_MoveActivitiesToOtherLocalDays()
    {
        await using var database = await TestDatabase.CreateAsync();
        var org = await database.CreateOrganizationAsync();
        await using var db = database.CreateContext(org.Id);
        var li = new Member { Name = "Li Lei" };
        var wang = new Member { Name = "Wang Fang", TimeZoneId = "Asia/Shanghai" };
        db.AddRange(li, wang);
        await db.SaveChangesAsync();
        db.SalesActivities.AddRange(Call(li.Id, Utc(11, 2, 20)), Call(wang.Id, Utc(11, 2, 20)));
        await db.SaveChangesAsync();
        Assert.Equal(new DateOnly(2026, 11, 3), (await Days(db, li.Id)).Single().Date);

        // The member's own zone: 20:00 UTC is still Monday in London.
        li.TimeZoneId = "Europe/London";
        await db.SaveChangesAsync();
        Assert.Equal(new DateOnly(2026, 11, 2), (await Days(db, li.Id)).Single().Date);
        await AssertCurrentAsync(db);

        // The organization's zone moves only the members without one of their own.
        li.TimeZoneId = null;
        var organization = await db.Organizations.SingleAsync(o => o.Id == org.Id);
        organization.TimeZoneId = "America/New_York";
        await db.SaveChangesAsync();
        Assert.Equal(new DateOnly(2026, 11, 2), (await Days(db, li.Id)).Single().Date);
        Assert.Equal(new DateOnly(2026, 11, 3), (await Days(db, wang.Id)).Single().Date);
        await AssertCurrentAsync(db);
    }

    [Fact]
    public async Task Import_NewAndChangedRows_KeepTheDaysCurrent()
    {
        await using var test = await ImportTestOrganization.CreateAsync();
        var path = Path.Combine(Path.GetTempPath(), $"activities-{Guid.NewGuid():N}.csv");
        try
        {
            await File.WriteAllTextAsync(path, "ExternalId,Type,Member,Start,DurationMinutes,Outcome\nR-1,Call,li.lei@acme.cn,2026-11-02 09:30,15,Completed\nR-2,Visit,赵强,2026-11-02 23:30,60,Completed\n");
            Assert.True((await test.ImportAsync(ImportKind.Activities, path)).Succeeded);
            await using (var db = test.CreateContext())
            {
                await AssertCurrentAsync(db);
                Assert.Equal(2, await db.MemberActivityDays.CountAsync());
            }

            // R-1 moves to another member and day; R-3 is new.
            await File.WriteAllTextAsync(path, "ExternalId,Type,Member,Start,DurationMinutes,Outcome\nR-1,Call,赵强,2026-11-05 09:30,25,Completed\nR-2,Visit,赵强,2026-11-02 23:30,60,Completed\nR-3,Meeting,li.lei@acme.cn,2026-11-06 10:00,45,Planned\n");
            var again = await test.ImportAsync(ImportKind.Activities, path);
            Assert.Equal((1, 1, 1), (again.Created, again.Updated, again.Unchanged));
            await using (var db = test.CreateContext())
            {
                await AssertCurrentAsync(db);
                var li = await db.Members.Where(m => m.Email == "li.lei@acme.cn").Select(m => m.Id).SingleAsync();
                Assert.Equal([new ActivityDay(li, new DateOnly(2026, 11, 6), 0, 45, 1, Activities: 1)], await Days(db, li));
            }

            // A file with an error writes nothing, the rollup included.
            await File.WriteAllTextAsync(path, "ExternalId,Type,Member,Start,DurationMinutes,Outcome\nR-4,Call,li.lei@acme.cn,2026-11-09 09:30,15,Completed\nR-5,Call,nobody@acme.cn,2026-11-09 09:30,15,Completed\n");
            Assert.False((await test.ImportAsync(ImportKind.Activities, path)).Succeeded);
            await using (var db = test.CreateContext())
            {
                await AssertCurrentAsync(db);
                Assert.False(await db.MemberActivityDays.AnyAsync(d => d.Day == new DateOnly(2026, 11, 9)));
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Rebuild_RestoresLostOrStaleDays()
    {
        await using var database = await TestDatabase.CreateAsync();
        var org = await database.CreateOrganizationAsync();
        await using var db = database.CreateContext(org.Id);
        var li = new Member { Name = "Li Lei" };
        db.Add(li);
        await db.SaveChangesAsync();
        for (var day = 1; day <= 20; day++)
        {
            db.SalesActivities.Add(Call(li.Id, Utc(11, day, day % 24), 10 + day));
        }
        await db.SaveChangesAsync();
        var before = await Days(db, li.Id);

        await db.MemberActivityDays.Where(d => d.Day > new DateOnly(2026, 11, 10)).ExecuteDeleteAsync();
        await db.MemberActivityDays.Where(d => d.Day == new DateOnly(2026, 11, 3)).ExecuteUpdateAsync(s => s.SetProperty(d => d.ActualMinutes, 999));
        await ActivityDayRollup.RebuildAsync(db, org.Id, null);

        Assert.Equal(before, await Days(db, li.Id));
        await AssertCurrentAsync(db);
    }

    private static Task<List<ActivityDay>> Days(AppDbContext db, long member) =>
        db.MemberActivityDays.Where(d => d.MemberId == member).OrderBy(d => d.Day)
            .Select(d => new ActivityDay(d.MemberId, d.Day, d.ActualMinutes, d.MeetingMinutes, d.Meetings, d.VisitMinutes, d.Visits, d.Activities))
            .ToListAsync();
}
