using Headroom.Data;
using Headroom.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace Headroom.Tests;

// A fresh, migrated database per test: a temporary SQLite file, or — when the test script sets
// HEADROOM_TEST_POSTGRES — a throwaway database on that PostgreSQL server. Tests marked
// [Trait("Category", "Persistence")] or "Integration" run on both.
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "HEADROOM_TEST_POSTGRES";

    private readonly string? _sqliteFile;
    private readonly string? _postgresDatabase;
    private readonly string? _postgresAdmin;

    public DatabaseOptions Options { get; }
    public string ConnectionString { get; }
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 2, 1, 0, 0, TimeSpan.Zero));

    private TestDatabase(DatabaseOptions options, string connectionString, string? sqliteFile, string? postgresDatabase, string? postgresAdmin)
    {
        Options = options;
        ConnectionString = connectionString;
        _sqliteFile = sqliteFile;
        _postgresDatabase = postgresDatabase;
        _postgresAdmin = postgresAdmin;
    }

    public static bool OnPostgres => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable(PostgresVariable));

    public static async Task<TestDatabase> CreateAsync()
    {
        var admin = Environment.GetEnvironmentVariable(PostgresVariable);
        TestDatabase database;
        if (string.IsNullOrEmpty(admin))
        {
            var file = Path.Combine(Path.GetTempPath(), $"headroom-test-{Guid.NewGuid():N}.db");
            var options = new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = $"Data Source={file}" };
            database = new TestDatabase(options, DatabaseSetup.ResolveConnectionString(options), file, null, null);
        }
        else
        {
            var name = $"headroom_test_{Guid.NewGuid():N}";
            await using (var connection = new NpgsqlConnection(admin))
            {
                await connection.OpenAsync();
                await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
                await command.ExecuteNonQueryAsync();
            }
            var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name };
            var options = new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = builder.ConnectionString };
            database = new TestDatabase(options, builder.ConnectionString, null, name, admin);
        }
        await using var db = database.CreateContext();
        await DatabaseSetup.MigrateAsync(db);
        return database;
    }

    // Interceptors: more to run after the app's own (a test's injected failure).
    public AppDbContext CreateContext(long? orgId = null, params IInterceptor[] interceptors)
    {
        var tenant = new TenantContext();
        if (orgId is { } id)
        {
            tenant.Enter(id);
        }
        var audit = new AuditInterceptor(Clock);
        if (Options.Provider == DatabaseProvider.Sqlite)
        {
            var options = new DbContextOptionsBuilder<SqliteAppDbContext>()
                .UseSqlite(ConnectionString)
                .AddInterceptors([new SqlitePragmaInterceptor(), audit, .. interceptors])
                .Options;
            return new SqliteAppDbContext(options, tenant);
        }
        var pgOptions = new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql(ConnectionString).AddInterceptors([audit, .. interceptors]).Options;
        return new PostgresAppDbContext(pgOptions, tenant);
    }

    public async Task<Organization> CreateOrganizationAsync(string name = "Acme 销售", string timeZone = "Asia/Shanghai", string locale = "zh-CN")
    {
        await using var db = CreateContext();
        return await OrganizationSetup.CreateAsync(db, new Organization { Name = name, TimeZoneId = timeZone, DefaultLocale = locale });
    }

    public async ValueTask DisposeAsync()
    {
        if (_sqliteFile is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(_sqliteFile + suffix);
            }
        }
        if (_postgresDatabase is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(_postgresAdmin);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresDatabase}\" WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }
    }
}
