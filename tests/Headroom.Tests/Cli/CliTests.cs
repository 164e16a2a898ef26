using Headroom.Cli;
using Headroom.Organizations;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Headroom.Tests.Cli;

// Drives the real command in-process against a temporary SQLite file. Commands that run
// in-process share Console, so these tests do not run in parallel with each other.
[Collection(nameof(CliCollection))]
public sealed class CliTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"headroom-cli-{Guid.NewGuid():N}.db");

    private string Connection => $"Data Source={_file}";

    [Fact]
    public async Task Migrate_ThenOrgAdd_CreatesTheOrganization()
    {
        Assert.Equal(ExitCodes.Ok, await CliApp.RunAsync("migrate", "--connection", Connection));
        Assert.Equal(ExitCodes.Ok, await CliApp.RunAsync("org", "add", "--name", "华南大区", "--connection", Connection));

        await using var db = Open();
        var org = await db.Organizations.SingleAsync();
        Assert.Equal("华南大区", org.Name);
        db.Tenant.Enter(org.Id);
        Assert.True(await db.CalendarDays.AnyAsync());
    }

    [Fact]
    public async Task OrgAdd_Twice_IsInvalidInput()
    {
        Assert.Equal(ExitCodes.Ok, await CliApp.RunAsync("org", "add", "--name", "Acme", "--connection", Connection));
        Assert.Equal(ExitCodes.InvalidInput, await CliApp.RunAsync("org", "add", "--name", "Acme", "--connection", Connection));
    }

    [Fact]
    public async Task OrgAdd_UnknownTimeZone_IsInvalidInput()
    {
        Assert.Equal(ExitCodes.InvalidInput,
            await CliApp.RunAsync("org", "add", "--name", "Acme", "--time-zone", "Mars/Olympus", "--connection", Connection));
    }

    [Fact]
    public async Task UnknownCommand_IsUsageError() =>
        Assert.Equal(ExitCodes.Usage, await CliApp.RunAsync("frobnicate"));

    [Fact]
    public async Task UnsafeConnectionString_IsDatabaseError() =>
        Assert.Equal(ExitCodes.DatabaseError, await CliApp.RunAsync("migrate", "--connection", Connection + ";Foreign Keys=False"));

    [Fact]
    public async Task UserAdd_CreatesAdminWithVerifiableHash()
    {
        Assert.Equal(ExitCodes.Ok, await CliApp.RunAsync("org", "add", "--name", "Acme", "--locale", "en", "--time-zone", "Europe/London", "--connection", Connection));
        var stdin = Console.In;
        try
        {
            Console.SetIn(new StringReader("a long enough passphrase\n"));
            Assert.Equal(ExitCodes.Ok, await CliApp.RunAsync("user", "add", "--email", "ops@example.com", "--admin", "--password-stdin", "--connection", Connection));
            Console.SetIn(new StringReader("short\n"));
            Assert.Equal(ExitCodes.InvalidInput, await CliApp.RunAsync("user", "add", "--email", "rep@example.com", "--password-stdin", "--connection", Connection));
            Console.SetIn(new StringReader("qwertyuiop\n"));
            Assert.Equal(ExitCodes.InvalidInput, await CliApp.RunAsync("user", "add", "--email", "rep@example.com", "--password-stdin", "--connection", Connection));
            Console.SetIn(new StringReader("another long passphrase\n"));
            Assert.Equal(ExitCodes.InvalidInput, await CliApp.RunAsync("user", "add", "--email", "OPS@example.com", "--password-stdin", "--connection", Connection));
        }
        finally
        {
            Console.SetIn(stdin);
        }

        await using var db = Open();
        db.Tenant.Enter(await db.Organizations.Select(o => o.Id).SingleAsync());
        var user = await db.Users.Include(u => u.Member).SingleAsync();
        Assert.Equal(MemberRole.Admin, user.Member!.Role);
        Assert.Equal("ops@example.com", user.UserName);
        Assert.Equal(PasswordVerificationResult.Success, AppUsers.Verify(user.PasswordHash!, "a long enough passphrase"));
        Assert.Equal(1, await db.Members.CountAsync());
    }

    [Fact]
    public async Task UserAdd_WithoutOrganization_IsNotFound()
    {
        var stdin = Console.In;
        try
        {
            Console.SetIn(new StringReader("a long enough passphrase\n"));
            Assert.Equal(ExitCodes.NotFound, await CliApp.RunAsync("user", "add", "--email", "ops@example.com", "--password-stdin", "--connection", Connection));
        }
        finally
        {
            Console.SetIn(stdin);
        }
    }

    private Headroom.Data.SqliteAppDbContext Open() => new Headroom.Data.SqliteAppDbContext(
        new DbContextOptionsBuilder<Headroom.Data.SqliteAppDbContext>().UseSqlite(Connection).Options,
        new Headroom.Data.TenantContext());

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(_file + suffix);
        }
    }
}

[CollectionDefinition(nameof(CliCollection), DisableParallelization = true)]
public sealed class CliCollection;
