using System.Net;
using Headroom.Workload;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Headroom.Data;

public static class DatabaseSetup
{
    // Resolves the connection string and refuses settings that would lose data or leak it.
    public static string ResolveConnectionString(DatabaseOptions options)
    {
        return options.Provider switch
        {
            DatabaseProvider.Sqlite => ResolveSqlite(options.ConnectionString),
            DatabaseProvider.Postgres => ResolvePostgres(options),
            _ => throw new UnsafeDatabaseSettingsException($"Unknown database provider '{options.Provider}'."),
        };
    }

    private static string ResolveSqlite(string? connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(
            string.IsNullOrWhiteSpace(connectionString) ? $"Data Source={DatabaseOptions.DefaultSqliteFile}" : connectionString);
        if (builder.ForeignKeys == false)
        {
            throw new UnsafeDatabaseSettingsException(
                "The SQLite connection string turns foreign keys off (Foreign Keys=False); Headroom needs them on.");
        }
        if (builder.Mode == SqliteOpenMode.ReadOnly)
        {
            throw new UnsafeDatabaseSettingsException("The SQLite database is opened read-only (Mode=ReadOnly).");
        }
        builder.ForeignKeys = true;
        if (builder.Mode != SqliteOpenMode.Memory && !builder.DataSource.StartsWith(':'))
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }
        }
        return builder.ConnectionString;
    }

    private static string ResolvePostgres(DatabaseOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            throw new UnsafeDatabaseSettingsException(
                "Provider is Postgres but no connection string is set (Headroom:Database:ConnectionString).");
        }
        var builder = new NpgsqlConnectionStringBuilder(options.ConnectionString);
        if (builder.SslMode == SslMode.Disable && !IsLocal(builder.Host) && !options.AllowUnencryptedRemote)
        {
            throw new UnsafeDatabaseSettingsException(
                $"SSL Mode=Disable to the remote host '{builder.Host}' would send data in plain text; " +
                "use SSL or set Headroom:Database:AllowUnencryptedRemote=true.");
        }
        return builder.ConnectionString;
    }

    private static bool IsLocal(string? host)
    {
        if (string.IsNullOrEmpty(host) || host.StartsWith('/') || host.Equals("localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        return host.Split(',').All(h => IPAddress.TryParse(h.Split(':')[0], out var ip) && IPAddress.IsLoopback(ip));
    }

    // Applies pending migrations and, on SQLite, switches the file to WAL and checks that the
    // durability settings took effect.
    public static async Task MigrateAsync(AppDbContext db, CancellationToken cancellationToken = default)
    {
        if (db.Database.IsSqlite())
        {
            await VerifySqliteAsync(db, cancellationToken);
        }
        // A database from before the activity rollup (or before its activity count, or its counts
        // per type) gets it filled from its activities once.
        var fillRollup = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).Any()
            && (await db.Database.GetPendingMigrationsAsync(cancellationToken))
                .Any(m => m.EndsWith("_MemberActivityDays", StringComparison.Ordinal) || m.EndsWith("_ActivityDayCount", StringComparison.Ordinal)
                    || m.EndsWith("_ActivityDayTypes", StringComparison.Ordinal));
        await db.Database.MigrateAsync(cancellationToken);
        if (fillRollup)
        {
            foreach (var orgId in await db.Organizations.Select(o => o.Id).ToListAsync(cancellationToken))
            {
                await ActivityDayRollup.RebuildAsync(db, orgId, null, cancellationToken: cancellationToken);
            }
        }
        if (db.Database.IsSqlite())
        {
            await RefreshStatisticsAsync(db, cancellationToken);
        }
    }

    // The query planner's statistics. SQLite has none until ANALYZE runs, and without them it
    // guesses: it read a quarter's closed deals by date for one rep instead of that rep's few
    // deals by owner (4 ms to 40 ms on the large demo). Analyzing the large demo takes under 2 s;
    // PRAGMA optimize re-analyzes only tables that grew a lot since. Run at start-up (SQLite) and
    // after bulk writes (demo, import); PostgreSQL's autovacuum keeps its own, but a bulk load is
    // analyzed at once so the first queries after it are planned on the new sizes.
    public static async Task RefreshStatisticsAsync(AppDbContext db, CancellationToken cancellationToken = default)
    {
        if (db.Database.IsSqlite())
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
            try
            {
                var connection = db.Database.GetDbConnection();
                var analyzed = await ScalarAsync(connection, "SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_stat1';", cancellationToken);
                await ScalarAsync(connection, analyzed == "0" ? "ANALYZE;" : "PRAGMA optimize=0x10002;", cancellationToken);
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }
        else if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlRawAsync("ANALYZE", cancellationToken);
        }
    }

    private static async Task VerifySqliteAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var connection = db.Database.GetDbConnection();
            var inMemory = connection.DataSource is ":memory:" or "" ||
                connection.ConnectionString.Contains("Mode=Memory", StringComparison.OrdinalIgnoreCase);
            var journal = await ScalarAsync(connection, "PRAGMA journal_mode=WAL;", cancellationToken);
            if (!inMemory && !string.Equals(journal, "wal", StringComparison.OrdinalIgnoreCase))
            {
                throw new UnsafeDatabaseSettingsException($"SQLite refused WAL journal mode (got '{journal}').");
            }
            var synchronous = await ScalarAsync(connection, "PRAGMA synchronous;", cancellationToken);
            var foreignKeys = await ScalarAsync(connection, "PRAGMA foreign_keys;", cancellationToken);
            if (synchronous != "2" || foreignKeys != "1")
            {
                throw new UnsafeDatabaseSettingsException(
                    $"SQLite is not durable and consistent (synchronous={synchronous}, foreign_keys={foreignKeys}).");
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<string?> ScalarAsync(System.Data.Common.DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }
}
