using Headroom.Accounts;
using Headroom.Data;
using Microsoft.EntityFrameworkCore;

namespace Headroom.Tests.Data;

[Trait("Category", "Persistence")]
public class TenantIsolationTests
{
    [Fact]
    public async Task Query_SeesOnlyTheCurrentOrganization()
    {
        await using var database = await TestDatabase.CreateAsync();
        var acme = await database.CreateOrganizationAsync("Acme");
        var globex = await database.CreateOrganizationAsync("Globex", "Europe/Berlin", "en");
        await using (var db = database.CreateContext(acme.Id))
        {
            db.Accounts.Add(new Account { Name = "上海宏达贸易" });
            await db.SaveChangesAsync();
        }
        await using (var db = database.CreateContext(globex.Id))
        {
            db.Accounts.Add(new Account { Name = "Initech" });
            await db.SaveChangesAsync();
        }

        await using var acmeDb = database.CreateContext(acme.Id);
        var names = await acmeDb.Accounts.Select(a => a.Name).ToListAsync();
        Assert.Equal(["上海宏达贸易"], names);
        Assert.Equal(6, await acmeDb.PipelineStages.CountAsync());
    }

    [Fact]
    public async Task Query_WithoutOrganization_SeesNothing()
    {
        await using var database = await TestDatabase.CreateAsync();
        var acme = await database.CreateOrganizationAsync("Acme");
        await using (var db = database.CreateContext(acme.Id))
        {
            db.Accounts.Add(new Account { Name = "A" });
            await db.SaveChangesAsync();
        }
        await using var anonymous = database.CreateContext();
        Assert.Equal(0, await anonymous.Accounts.CountAsync());
    }

    [Fact]
    public async Task Insert_IntoAnotherOrganization_IsRefused()
    {
        await using var database = await TestDatabase.CreateAsync();
        var acme = await database.CreateOrganizationAsync("Acme");
        var globex = await database.CreateOrganizationAsync("Globex", "Europe/Berlin", "en");
        await using var db = database.CreateContext(acme.Id);
        db.Accounts.Add(new Account { Name = "Smuggled", OrgId = globex.Id });
        await Assert.ThrowsAsync<CrossTenantWriteException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task Update_MovingRowToAnotherOrganization_IsRefused()
    {
        await using var database = await TestDatabase.CreateAsync();
        var acme = await database.CreateOrganizationAsync("Acme");
        var globex = await database.CreateOrganizationAsync("Globex", "Europe/Berlin", "en");
        await using var db = database.CreateContext(acme.Id);
        var account = db.Accounts.Add(new Account { Name = "Mine" }).Entity;
        await db.SaveChangesAsync();
        account.OrgId = globex.Id;
        await Assert.ThrowsAsync<CrossTenantWriteException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task Write_WithoutOrganization_IsRefused()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.CreateContext();
        db.Accounts.Add(new Account { Name = "Nobody's" });
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
    }
}
