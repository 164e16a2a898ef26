using Headroom.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Headroom.Tests.Data;

[Trait("Category", "Persistence")]
public class AuditInterceptorTests
{
    [Fact]
    public async Task Insert_KeepsACreationTimeTheCallerSet_AndStampsTheRest()
    {
        await using var database = await TestDatabase.CreateAsync();
        var org = await database.CreateOrganizationAsync();
        var createdAtSource = new DateTime(2024, 3, 1, 2, 0, 0, DateTimeKind.Utc);
        await using (var db = database.CreateContext(org.Id))
        {
            db.Accounts.AddRange(new Account { Name = "imported", CreatedUtc = createdAtSource }, new Account { Name = "new" });
            await db.SaveChangesAsync();
        }

        await using var check = database.CreateContext(org.Id);
        var now = database.Clock.GetUtcNow().UtcDateTime;
        var imported = await check.Accounts.SingleAsync(a => a.Name == "imported");
        var fresh = await check.Accounts.SingleAsync(a => a.Name == "new");
        Assert.Equal((createdAtSource, now), (imported.CreatedUtc, imported.UpdatedUtc));
        Assert.Equal((now, now), (fresh.CreatedUtc, fresh.UpdatedUtc));
    }
}
