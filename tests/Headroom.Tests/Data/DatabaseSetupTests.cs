using Headroom.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Headroom.Tests.Data;

[Trait("Category", "Persistence")]
public class DatabaseSetupTests
{
    [Fact]
    public async Task Migrate_AppliesEveryMigration()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.CreateContext();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.NotEmpty(await db.Database.GetAppliedMigrationsAsync());
    }

    [Fact]
    public async Task Sqlite_HasPlannerStatisticsAfterMigrating()
    {
        if (TestDatabase.OnPostgres)
        {
            return;
        }
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.CreateContext();
        await db.Database.OpenConnectionAsync();
        // Without sqlite_stat1 the planner guesses which index to use (DatabaseSetup.RefreshStatisticsAsync).
        Assert.Equal("1", await Scalar(db.Database.GetDbConnection(), "SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_stat1'"));
    }

    [Fact]
    public async Task Sqlite_OpensWithWalFullSyncAndForeignKeys()
    {
        if (TestDatabase.OnPostgres)
        {
            return;
        }
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.CreateContext();
        await db.Database.OpenConnectionAsync();
        var connection = db.Database.GetDbConnection();
        Assert.Equal("wal", await Scalar(connection, "PRAGMA journal_mode"));
        Assert.Equal("2", await Scalar(connection, "PRAGMA synchronous"));
        Assert.Equal("1", await Scalar(connection, "PRAGMA foreign_keys"));
    }

    [Fact]
    public void Sqlite_ForeignKeysOff_IsRefused()
    {
        var error = Assert.Throws<UnsafeDatabaseSettingsException>(() => DatabaseSetup.ResolveConnectionString(
            new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = "Data Source=x.db;Foreign Keys=False" }));
        Assert.Contains("Foreign Keys", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Postgres_PlaintextToRemoteHost_IsRefused()
    {
        var options = new DatabaseOptions
        {
            Provider = DatabaseProvider.Postgres,
            ConnectionString = "Host=db.example.com;Database=headroom;SSL Mode=Disable",
        };
        Assert.Throws<UnsafeDatabaseSettingsException>(() => DatabaseSetup.ResolveConnectionString(options));
        options.AllowUnencryptedRemote = true;
        Assert.Contains("db.example.com", DatabaseSetup.ResolveConnectionString(options), StringComparison.Ordinal);
    }

    [Fact]
    public void Postgres_WithoutConnectionString_IsRefused()
    {
        Assert.Throws<UnsafeDatabaseSettingsException>(() => DatabaseSetup.ResolveConnectionString(
            new DatabaseOptions { Provider = DatabaseProvider.Postgres }));
    }

    [Fact]
    public async Task ForeignKey_ToMissingRow_IsRejectedByTheDatabase()
    {
        await using var database = await TestDatabase.CreateAsync();
        var org = await database.CreateOrganizationAsync();
        await using var db = database.CreateContext(org.Id);
        db.Members.Add(new Headroom.Organizations.Member { Name = "王伟", TeamId = 987654 });
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    private static async Task<string?> Scalar(System.Data.Common.DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
