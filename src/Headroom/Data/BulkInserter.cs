using System.Data.Common;
using Headroom.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Headroom.Data;

// Streams large numbers of new rows (activities from an import or the demo generator) into a
// tenant table without EF change tracking: multi-row prepared INSERTs on SQLite, binary COPY on
// PostgreSQL. Columns, names and value conversions come from the EF model, so the rows read
// back exactly as if EF had written them. Runs in the caller's transaction if there is one.
public static class BulkInserter
{
    private const int SqliteRowsPerStatement = 64;

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
            var transaction = db.Database.CurrentTransaction!.GetDbTransaction();
            var written = connection switch
            {
                SqliteConnection sqlite => await InsertSqliteAsync(sqlite, transaction, table.Name, columns, Stamped(), cancellationToken),
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

    private static async Task<long> InsertSqliteAsync<T>(
        SqliteConnection connection, DbTransaction transaction, string table, Column[] columns, IEnumerable<T> rows, CancellationToken cancellationToken)
        where T : notnull
    {
        var full = Prepare(connection, transaction, table, columns, SqliteRowsPerStatement);
        var buffer = new List<T>(SqliteRowsPerStatement);
        long written = 0;
        foreach (var row in rows)
        {
            buffer.Add(row);
            if (buffer.Count == SqliteRowsPerStatement)
            {
                Bind(full, columns, buffer);
                await full.ExecuteNonQueryAsync(cancellationToken);
                written += buffer.Count;
                buffer.Clear();
            }
        }
        if (buffer.Count > 0)
        {
            await using var tail = Prepare(connection, transaction, table, columns, buffer.Count);
            Bind(tail, columns, buffer);
            await tail.ExecuteNonQueryAsync(cancellationToken);
            written += buffer.Count;
        }
        await full.DisposeAsync();
        return written;
    }

    private static SqliteCommand Prepare(SqliteConnection connection, DbTransaction transaction, string table, Column[] columns, int rowCount)
    {
        var command = connection.CreateCommand();
        command.Transaction = (SqliteTransaction)transaction;
        var values = new List<string>(rowCount);
        for (var r = 0; r < rowCount; r++)
        {
            values.Add("(" + string.Join(", ", columns.Select((_, c) => $"@p{r}_{c}")) + ")");
            for (var c = 0; c < columns.Length; c++)
            {
                command.Parameters.Add(new SqliteParameter($"@p{r}_{c}", null));
            }
        }
        command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c.Name}\""))}) VALUES {string.Join(", ", values)}";
        command.Prepare();
        return command;
    }

    private static void Bind<T>(SqliteCommand command, Column[] columns, List<T> rows)
        where T : notnull
    {
        var i = 0;
        foreach (var row in rows)
        {
            foreach (var column in columns)
            {
                command.Parameters[i++].Value = column.ProviderValue(row) ?? DBNull.Value;
            }
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
