using System.Globalization;
using System.Text;
using Headroom.Activities;
using Headroom.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Headroom.Demo;

// Streams activities into the caller's transaction without EF change tracking: multi-row
// prepared INSERTs on SQLite, binary COPY on PostgreSQL. Interim: to be replaced by the shared
// Activities/SalesActivityBulkWriter when it lands on main.
internal static class DemoActivityWriter
{
    private const int RowsPerStatement = 64;

    private static readonly string[] Columns =
    [
        "OrgId", "Type", "MemberId", "AccountId", "DealId", "LeadId", "StartUtc", "DurationMinutes",
        "Outcome", "Notes", "ExternalId", "Version", "CreatedUtc", "UpdatedUtc",
    ];

    public static async Task<long> WriteAsync(AppDbContext db, IEnumerable<SalesActivity> rows, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var orgId = db.Tenant.RequireOrgId();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Write activities inside the caller's transaction.");
        return db.Database.IsNpgsql()
            ? await CopyAsync((NpgsqlConnection)transaction.Connection!, rows, orgId, nowUtc, cancellationToken)
            : await InsertAsync((SqliteConnection)transaction.Connection!, (SqliteTransaction)transaction, rows, orgId, nowUtc, cancellationToken);
    }

    private static async Task<long> InsertAsync(SqliteConnection connection, SqliteTransaction transaction,
        IEnumerable<SalesActivity> rows, long orgId, DateTime nowUtc, CancellationToken cancellationToken)
    {
        using var batch = Prepare(connection, transaction, RowsPerStatement);
        using var single = Prepare(connection, transaction, 1);
        var now = Text(nowUtc);
        var pending = new List<SalesActivity>(RowsPerStatement);
        long written = 0;
        foreach (var row in rows)
        {
            pending.Add(row);
            if (pending.Count == RowsPerStatement)
            {
                Bind(batch, pending, orgId, now);
                await batch.ExecuteNonQueryAsync(cancellationToken);
                written += pending.Count;
                pending.Clear();
            }
        }
        foreach (var row in pending)
        {
            Bind(single, new List<SalesActivity>(1) { row }, orgId, now);
            await single.ExecuteNonQueryAsync(cancellationToken);
            written++;
        }
        return written;
    }

    private static SqliteCommand Prepare(SqliteConnection connection, SqliteTransaction transaction, int rowCount)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        var sql = new StringBuilder("INSERT INTO \"SalesActivities\" (")
            .AppendJoin(", ", Columns.Select(c => $"\"{c}\"")).Append(") VALUES ");
        for (var r = 0; r < rowCount; r++)
        {
            sql.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < Columns.Length; c++)
            {
                var name = $"@p{(r * Columns.Length) + c}";
                sql.Append(c == 0 ? name : $", {name}");
                command.Parameters.Add(new SqliteParameter { ParameterName = name });
            }
            sql.Append(')');
        }
        command.CommandText = sql.ToString();
        command.Prepare();
        return command;
    }

    private static void Bind(SqliteCommand command, List<SalesActivity> rows, long orgId, string now)
    {
        var p = command.Parameters;
        for (var r = 0; r < rows.Count; r++)
        {
            var a = rows[r];
            var i = r * Columns.Length;
            p[i].Value = orgId;
            p[i + 1].Value = (int)a.Type;
            p[i + 2].Value = a.MemberId;
            p[i + 3].Value = (object?)a.AccountId ?? DBNull.Value;
            p[i + 4].Value = (object?)a.DealId ?? DBNull.Value;
            p[i + 5].Value = (object?)a.LeadId ?? DBNull.Value;
            p[i + 6].Value = Text(a.StartUtc);
            p[i + 7].Value = a.DurationMinutes;
            p[i + 8].Value = (int)a.Outcome;
            p[i + 9].Value = (object?)a.Notes ?? DBNull.Value;
            p[i + 10].Value = (object?)a.ExternalId ?? DBNull.Value;
            p[i + 11].Value = a.Version;
            p[i + 12].Value = a.CreatedUtc == default ? now : Text(a.CreatedUtc);
            p[i + 13].Value = now;
        }
    }

    // The text form EF Core's SQLite provider stores DateTime in, so EF reads these rows back.
    private static string Text(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);

    private static async Task<long> CopyAsync(NpgsqlConnection connection, IEnumerable<SalesActivity> rows, long orgId,
        DateTime nowUtc, CancellationToken cancellationToken)
    {
        var copy = $"COPY \"SalesActivities\" ({string.Join(", ", Columns.Select(c => $"\"{c}\""))}) FROM STDIN (FORMAT BINARY)";
        await using var importer = await connection.BeginBinaryImportAsync(copy, cancellationToken);
        long written = 0;
        foreach (var a in rows)
        {
            await importer.StartRowAsync(cancellationToken);
            await importer.WriteAsync(orgId, NpgsqlDbType.Bigint, cancellationToken);
            await importer.WriteAsync((int)a.Type, NpgsqlDbType.Integer, cancellationToken);
            await importer.WriteAsync(a.MemberId, NpgsqlDbType.Bigint, cancellationToken);
            await WriteNullableAsync(importer, a.AccountId, cancellationToken);
            await WriteNullableAsync(importer, a.DealId, cancellationToken);
            await WriteNullableAsync(importer, a.LeadId, cancellationToken);
            await importer.WriteAsync(a.StartUtc, NpgsqlDbType.TimestampTz, cancellationToken);
            await importer.WriteAsync(a.DurationMinutes, NpgsqlDbType.Integer, cancellationToken);
            await importer.WriteAsync((int)a.Outcome, NpgsqlDbType.Integer, cancellationToken);
            await WriteTextAsync(importer, a.Notes, cancellationToken);
            await WriteTextAsync(importer, a.ExternalId, cancellationToken);
            await importer.WriteAsync(a.Version, NpgsqlDbType.Bigint, cancellationToken);
            await importer.WriteAsync(a.CreatedUtc == default ? nowUtc : a.CreatedUtc, NpgsqlDbType.TimestampTz, cancellationToken);
            await importer.WriteAsync(nowUtc, NpgsqlDbType.TimestampTz, cancellationToken);
            written++;
        }
        await importer.CompleteAsync(cancellationToken);
        return written;
    }

    private static Task WriteNullableAsync(NpgsqlBinaryImporter importer, long? value, CancellationToken cancellationToken) =>
        value is { } v ? importer.WriteAsync(v, NpgsqlDbType.Bigint, cancellationToken) : importer.WriteNullAsync(cancellationToken);

    private static Task WriteTextAsync(NpgsqlBinaryImporter importer, string? value, CancellationToken cancellationToken) =>
        value is null ? importer.WriteNullAsync(cancellationToken) : importer.WriteAsync(value, NpgsqlDbType.Varchar, cancellationToken);
}
