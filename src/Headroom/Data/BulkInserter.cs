using System.Globalization;
using Headroom.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using SQLitePCL;

namespace Headroom.Data;

// Streams large numbers of new rows (activities from an import or the demo generator) into a
// tenant table without EF change tracking: prepared INSERTs on SQLite's own API, binary COPY on
// PostgreSQL. Columns, names and value conversions come from the EF model, so the rows read
// back exactly as if EF had written them. Runs in the caller's transaction if there is one.
public static class BulkInserter
{
    public static async Task<long> InsertAsync<T>(AppDbContext db, IEnumerable<T> rows, TimeProvider clock, CancellationToken cancellationToken = default)
        where T : TenantEntity
    {
        var orgId = db.Tenant.RequireOrgId();
        var now = clock.GetUtcNow().UtcDateTime;
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var columns = entity.GetProperties()
            .Where(p => !(p.IsPrimaryKey() && p.ValueGenerated != ValueGenerated.Never))
            .Select(p => new Column(p, p.GetColumnName(table)!, p.GetRelationalTypeMapping()))
            .ToArray();

        IEnumerable<T> Stamped()
        {
            foreach (var row in rows)
            {
                if (row.OrgId != 0 && row.OrgId != orgId)
                {
                    throw new CrossTenantWriteException(typeof(T).Name, row.OrgId, orgId);
                }
                row.OrgId = orgId;
                row.CreatedUtc = row.CreatedUtc == default ? now : row.CreatedUtc;
                row.UpdatedUtc = row.UpdatedUtc == default ? now : row.UpdatedUtc;
                yield return row;
            }
        }

        var ownTransaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
            var connection = db.Database.GetDbConnection();
            var written = connection switch
            {
                SqliteConnection sqlite => InsertSqlite(sqlite, table.Name, columns, Stamped(), cancellationToken),
                NpgsqlConnection npgsql => await CopyPostgresAsync(npgsql, table.Name, columns, Stamped(), cancellationToken),
                _ => throw new NotSupportedException($"Bulk insert does not support {connection.GetType().Name}."),
            };
            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(cancellationToken);
            }
            return written;
        }
        finally
        {
            if (ownTransaction is not null)
            {
                await ownTransaction.DisposeAsync();
            }
            await db.Database.CloseConnectionAsync();
        }
    }

    // SQLitePCL.raw directly, one prepared single-row INSERT bound by position: Microsoft.Data.Sqlite
    // binds parameters by name on every execution, which costs more than the insert itself.
    private static long InsertSqlite<T>(SqliteConnection connection, string table, Column[] columns, IEnumerable<T> rows, CancellationToken cancellationToken)
        where T : notnull
    {
        var sql = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c.Name}\""))}) " +
            $"VALUES ({string.Join(", ", columns.Select((_, i) => $"?{i + 1}"))})";
        var db = connection.Handle!;
        // Index pages of a big table no longer fit SQLite's default 2 MB cache; 64 MB keeps the
        // random inserts into (OrgId, MemberId, StartUtc) in memory. Restored for the pool.
        Check(db, raw.sqlite3_exec(db, "PRAGMA cache_size=-65536"));
        try
        {
            Check(db, raw.sqlite3_prepare_v2(db, sql, out var statement));
            using (statement)
            {
                long written = 0;
                foreach (var row in rows)
                {
                    for (var c = 0; c < columns.Length; c++)
                    {
                        Bind(db, statement, c + 1, columns[c].ProviderValue(row));
                    }
                    var result = raw.sqlite3_step(statement);
                    if (result != raw.SQLITE_DONE)
                    {
                        raw.sqlite3_reset(statement);
                        throw new SqliteException(
                            $"SQLite Error {result}: '{raw.sqlite3_errmsg(db).utf8_to_string()}' inserting row {written + 1} into {table}.",
                            result, raw.sqlite3_extended_errcode(db));
                    }
                    raw.sqlite3_reset(statement);
                    written++;
                    if ((written & 0xFFFF) == 0)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                    }
                }
                return written;
            }
        }
        finally
        {
            raw.sqlite3_exec(db, "PRAGMA cache_size=-2000");
        }
    }

    private static void Bind(sqlite3 db, sqlite3_stmt statement, int index, object? value)
    {
        var result = value switch
        {
            null => raw.sqlite3_bind_null(statement, index),
            long l => raw.sqlite3_bind_int64(statement, index, l),
            int i => raw.sqlite3_bind_int64(statement, index, i),
            bool b => raw.sqlite3_bind_int64(statement, index, b ? 1 : 0),
            double d => raw.sqlite3_bind_double(statement, index, d),
            string s => raw.sqlite3_bind_text(statement, index, s),
            // The same text forms Microsoft.Data.Sqlite writes, so EF reads and compares them.
            DateTime t => raw.sqlite3_bind_text(statement, index, t.ToString(@"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF", CultureInfo.InvariantCulture)),
            DateOnly d => raw.sqlite3_bind_text(statement, index, d.ToString(@"yyyy\-MM\-dd", CultureInfo.InvariantCulture)),
            _ => throw new NotSupportedException($"Bulk insert cannot bind a {value.GetType().Name} value."),
        };
        Check(db, result);
    }

    private static void Check(sqlite3 db, int result)
    {
        if (result != raw.SQLITE_OK)
        {
            throw new SqliteException($"SQLite Error {result}: '{raw.sqlite3_errmsg(db).utf8_to_string()}'.", result, raw.sqlite3_extended_errcode(db));
        }
    }

    private static async Task<long> CopyPostgresAsync<T>(
        NpgsqlConnection connection, string table, Column[] columns, IEnumerable<T> rows, CancellationToken cancellationToken)
        where T : notnull
    {
        var storeTypes = columns.Select(c => StripFacets(c.Mapping.StoreType)).ToArray();
        var sql = $"COPY \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c.Name}\""))}) FROM STDIN (FORMAT BINARY)";
        await using var importer = await connection.BeginBinaryImportAsync(sql, cancellationToken);
        foreach (var row in rows)
        {
            await importer.StartRowAsync(cancellationToken);
            for (var c = 0; c < columns.Length; c++)
            {
                var value = columns[c].ProviderValue(row);
                if (value is null)
                {
                    await importer.WriteNullAsync(cancellationToken);
                }
                else
                {
                    await importer.WriteAsync(value, storeTypes[c], cancellationToken);
                }
            }
        }
        return (long)await importer.CompleteAsync(cancellationToken);
    }

    // "character varying(300)" -> "character varying"; COPY needs the type name without facets.
    private static string StripFacets(string storeType)
    {
        var open = storeType.IndexOf('(', StringComparison.Ordinal);
        return open < 0 ? storeType : storeType[..open] + storeType[(storeType.IndexOf(')', StringComparison.Ordinal) + 1)..];
    }

    private sealed record Column(IProperty Property, string Name, RelationalTypeMapping Mapping)
    {
        private readonly Func<object, object?> _get = Property.GetGetter().GetClrValueUsingContainingEntity;

        public object? ProviderValue(object row)
        {
            var value = _get(row);
            return value is null ? null : Mapping.Converter is { } converter ? converter.ConvertToProvider(value) : value;
        }
    }
}
