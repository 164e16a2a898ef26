using Headroom.Activities;
using Headroom.Data;
using Headroom.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Headroom.Tests.Data;

[Trait("Category", "Persistence")]
public class BulkInserterTests
{
    [Fact]
    public async Task Activities_ReadBackAsEfWroteThem()
    {
        await using var database = await TestDatabase.CreateAsync();
        var org = await database.CreateOrganizationAsync();
        await using var db = database.CreateContext(org.Id);
        var member = db.Members.Add(new Member { Name = "李娜", Email = "li.na@example.cn" }).Entity;
        await db.SaveChangesAsync();

        var start = new DateTime(2026, 3, 2, 1, 30, 0, DateTimeKind.Utc);
        var rows = Enumerable.Range(0, 1000).Select(i => new SalesActivity
        {
            Type = (ActivityType)(i % 5),
            MemberId = member.Id,
            StartUtc = start.AddMinutes(17 * i),
            DurationMinutes = 5 + i % 90,
            Outcome = ActivityOutcome.Completed,
            Notes = i % 3 == 0 ? null : $"拜访记录 {i}",
            ExternalId = $"ACT-{i:D5}",
        });

        var written = await BulkInserter.InsertAsync(db, rows, database.Clock);

        Assert.Equal(1000, written);
        await using var read = database.CreateContext(org.Id);
        Assert.Equal(1000, await read.SalesActivities.CountAsync());
        var sample = await read.SalesActivities.SingleAsync(a => a.ExternalId == "ACT-00500");
        Assert.Equal(start.AddMinutes(17 * 500), sample.StartUtc);
        Assert.Equal(ActivityType.Call, sample.Type);
        Assert.Equal("拜访记录 500", sample.Notes);
        Assert.Equal(org.Id, sample.OrgId);
        Assert.Equal(database.Clock.GetUtcNow().UtcDateTime, sample.CreatedUtc);
        Assert.Equal(999, await read.SalesActivities.CountAsync(a => a.StartUtc > start));
    }

    [Fact]
    public async Task PrimitiveCollectionsAndDates_RoundTrip()
    {
        await using var database = await TestDatabase.CreateAsync();
        var org = await database.CreateOrganizationAsync();
        await using var db = database.CreateContext(org.Id);
        var members = new[]
        {
            new Member { Name = "张伟", HireDate = new DateOnly(2021, 4, 1), Territories = ["上海", "苏州"], Languages = ["zh", "en"], WeeklyCapacityHours = 32.5 },
        };
        await BulkInserter.InsertAsync(db, members, database.Clock);

        await using var read = database.CreateContext(org.Id);
        var member = await read.Members.SingleAsync();
        Assert.Equal(["上海", "苏州"], member.Territories);
        Assert.Equal(new DateOnly(2021, 4, 1), member.HireDate);
        Assert.Equal(32.5, member.WeeklyCapacityHours);
    }

    [Fact]
    public async Task FailureMidStream_InCallersTransaction_LeavesNothing()
    {
        await using var database = await TestDatabase.CreateAsync();
        var org = await database.CreateOrganizationAsync();
        await using var db = database.CreateContext(org.Id);
        var member = db.Members.Add(new Member { Name = "王芳" }).Entity;
        await db.SaveChangesAsync();

        IEnumerable<SalesActivity> Rows()
        {
            for (var i = 0; i < 500; i++)
            {
                yield return new SalesActivity { MemberId = member.Id, StartUtc = new DateTime(2026, 1, 5, 2, 0, 0, DateTimeKind.Utc) };
            }
            throw new InvalidDataException("row 501 is bad");
        }

        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await Assert.ThrowsAsync<InvalidDataException>(() => BulkInserter.InsertAsync(db, Rows(), database.Clock));
        }
        await using var read = database.CreateContext(org.Id);
        Assert.Equal(0, await read.SalesActivities.CountAsync());
    }

    [Fact]
    public async Task RowOfAnotherOrganization_IsRefused()
    {
        await using var database = await TestDatabase.CreateAsync();
        var acme = await database.CreateOrganizationAsync("Acme");
        var globex = await database.CreateOrganizationAsync("Globex", "Europe/Berlin", "en");
        await using var db = database.CreateContext(acme.Id);
        await Assert.ThrowsAsync<CrossTenantWriteException>(() =>
            BulkInserter.InsertAsync(db, [new Member { Name = "Mallory", OrgId = globex.Id }], database.Clock));
        await using var read = database.CreateContext(acme.Id);
        Assert.Equal(0, await read.Members.CountAsync());
    }
}
