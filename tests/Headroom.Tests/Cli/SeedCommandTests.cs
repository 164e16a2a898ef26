using Headroom.Cli;
using Headroom.Data;
using Headroom.Demo;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Headroom.Tests.Cli;

[Collection(nameof(CliCollection))]
public sealed class SeedCommandTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"headroom-seed-{Guid.NewGuid():N}.db");

    private string Connection => $"Data Source={_file}";

    [Fact]
    public async Task SeedDemo_CreatesTheOrganization_AndRefusesTheSameNameTwice()
    {
        Assert.Equal(ExitCodes.Ok, await CliApp.RunAsync("seed", "--demo", "--size", "small", "--seed", "3", "--connection", Connection));
        Assert.Equal(ExitCodes.InvalidInput, await CliApp.RunAsync("seed", "--demo", "--seed", "3", "--connection", Connection));

        await using var db = Open();
        var org = await db.Organizations.SingleAsync();
        Assert.Equal(DemoOptions.DefaultOrgName(DemoOptions.Chinese), org.Name);
        db.Tenant.Enter(org.Id);
        Assert.Equal(DemoScale.Small.Reps, await db.Members.CountAsync(m => m.Role == Headroom.Organizations.MemberRole.Rep));
        Assert.InRange(await db.SalesActivities.CountAsync(), 50_000, 150_000);
        Assert.Equal(3, await db.Users.CountAsync(u => u.OrgId == org.Id));
    }

    [Fact]
    public async Task SeedDemo_WithReplace_StartsTheOrganizationAgain()
    {
        string[] seed = ["seed", "--demo", "--locale", "en", "--org", "Trial", "--connection", Connection];
        Assert.Equal(ExitCodes.Ok, await CliApp.RunAsync(seed));
        long firstId;
        await using (var db = Open())
        {
            firstId = await db.Organizations.Select(o => o.Id).SingleAsync();
        }
        Assert.Equal(ExitCodes.Ok, await CliApp.RunAsync([.. seed, "--replace"]));

        await using var check = Open();
        var org = await check.Organizations.SingleAsync();
        Assert.Equal(("Trial", "USD"), (org.Name, org.Currency));
        Assert.NotEqual(firstId, org.Id);
    }

    [Fact]
    public async Task Seed_WithoutDemo_IsUsageError() =>
        Assert.Equal(ExitCodes.Usage, await CliApp.RunAsync("seed", "--connection", Connection));

    private SqliteAppDbContext Open() => new(
        new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite(Connection).Options, new TenantContext());

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(_file + suffix);
        }
    }
}
