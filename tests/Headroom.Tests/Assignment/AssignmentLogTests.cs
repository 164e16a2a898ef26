using Headroom.Assignment;
using Microsoft.EntityFrameworkCore;

namespace Headroom.Tests.Assignment;

// The assignment log is append-only twice over: AppDbContext refuses to update or delete a row,
// and so does the database itself (triggers), for writers that bypass the context.
[Trait("Category", "Persistence")]
public class AssignmentLogTests
{
    private static AssignmentLogEntry Entry() => new()
    {
        ActorName = "cli", ItemKind = RebalanceItemKind.FollowUp, ItemId = 7, ItemLabel = "call back", FromMemberId = 1, ToMemberId = 2,
        Reason = "overloaded", Source = AssignmentSource.Rebalance, BatchId = Guid.NewGuid(), AtUtc = new DateTime(2026, 11, 2, 1, 0, 0, DateTimeKind.Utc),
    };

    [Fact]
    public async Task UpdateOrDelete_ThroughTheContext_IsRefused()
    {
        await using var database = await TestDatabase.CreateAsync();
        var org = await database.CreateOrganizationAsync();
        long id;
        await using (var db = database.CreateContext(org.Id))
        {
            var entry = db.AssignmentLog.Add(Entry()).Entity;
            await db.SaveChangesAsync();
            id = entry.Id;
        }
        await using (var db = database.CreateContext(org.Id))
        {
            var entry = await db.AssignmentLog.SingleAsync(e => e.Id == id);
            entry.Reason = "rewritten";
            var updated = await Assert.ThrowsAsync<AppendOnlyLogException>(() => db.SaveChangesAsync());
            Assert.Contains("append-only", updated.Message, StringComparison.Ordinal);
        }
        await using (var db = database.CreateContext(org.Id))
        {
            db.AssignmentLog.Remove(await db.AssignmentLog.SingleAsync(e => e.Id == id));
            await Assert.ThrowsAsync<AppendOnlyLogException>(() => db.SaveChangesAsync());
        }
        await using var check = database.CreateContext(org.Id);
        Assert.Equal("overloaded", (await check.AssignmentLog.SingleAsync()).Reason);
    }

    [Fact]
    public async Task UpdateOrDelete_InSql_IsRefusedByTheDatabase()
    {
        await using var database = await TestDatabase.CreateAsync();
        var org = await database.CreateOrganizationAsync();
        await using var db = database.CreateContext(org.Id);
        db.AssignmentLog.Add(Entry());
        await db.SaveChangesAsync();

        var update = await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("""UPDATE "AssignmentLog" SET "Reason" = 'rewritten'"""));
        Assert.Contains(AssignmentLogTriggers.Message, update.Message, StringComparison.Ordinal);
        var delete = await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("""DELETE FROM "AssignmentLog" """));
        Assert.Contains(AssignmentLogTriggers.Message, delete.Message, StringComparison.Ordinal);
        Assert.Equal("overloaded", (await db.AssignmentLog.AsNoTracking().SingleAsync()).Reason);
        // Adding stays possible.
        db.AssignmentLog.Add(Entry());
        await db.SaveChangesAsync();
        Assert.Equal(2, await db.AssignmentLog.CountAsync());
    }

    [Fact]
    public async Task PurgingAnOrganization_RemovesOnlyItsRows_AndTheTriggersStay()
    {
        await using var database = await TestDatabase.CreateAsync();
        var gone = await database.CreateOrganizationAsync("gone");
        var kept = await database.CreateOrganizationAsync("kept");
        foreach (var org in new[] { gone, kept })
        {
            await using var db = database.CreateContext(org.Id);
            db.AssignmentLog.Add(Entry());
            await db.SaveChangesAsync();
        }
        await using (var db = database.CreateContext())
        {
            await AssignmentLogTriggers.PurgeOrganizationAsync(db, gone.Id, CancellationToken.None);
            Assert.Equal([kept.Id], await db.AssignmentLog.IgnoreQueryFilters().Select(e => e.OrgId).ToListAsync());
            var delete = await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("""DELETE FROM "AssignmentLog" """));
            Assert.Contains(AssignmentLogTriggers.Message, delete.Message, StringComparison.Ordinal);
        }
    }
}
