using System.Globalization;
using Npgsql;

namespace Headroom.Benchmarks;

public static class ImportBenchmark
{
    // The same job in SQL alone, as a second reference: the database's own loader fills a staging
    // table, then one INSERT … SELECT moves the rows into the real, indexed and constrained
    // SalesActivities table, resolving member emails with a join.
    private const string TypeCase =
        "CASE s.Type WHEN 'Call' THEN 0 WHEN 'Email' THEN 1 WHEN 'Meeting' THEN 2 WHEN 'Visit' THEN 3 WHEN 'Demo' THEN 4 ELSE 6 END";
    private const string OutcomeCase =
        "CASE s.Outcome WHEN 'Planned' THEN 0 WHEN 'Completed' THEN 1 WHEN 'NoAnswer' THEN 2 ELSE 3 END";
    private const string Columns =
        "\"OrgId\", \"Type\", \"MemberId\", \"StartUtc\", \"DurationMinutes\", \"Outcome\", \"Notes\", \"ExternalId\", \"Version\", \"CreatedUtc\", \"UpdatedUtc\"";
    private const string SqliteMove =
        $"INSERT INTO \"SalesActivities\" ({Columns}) SELECT m.\"OrgId\", {TypeCase}, m.\"Id\", " +
        "strftime('%Y-%m-%d %H:%M:%S', s.Start, '-8 hours'), CAST(s.DurationMinutes AS INTEGER), " +
        $"{OutcomeCase}, NULLIF(s.Notes, ''), s.ExternalId, 0, strftime('%Y-%m-%d %H:%M:%S', 'now'), strftime('%Y-%m-%d %H:%M:%S', 'now') " +
        "FROM staging s JOIN \"Members\" m ON m.\"Email\" = s.Member;";
    private const string PostgresMove =
        $"INSERT INTO \"SalesActivities\" ({Columns}) SELECT m.\"OrgId\", {TypeCase}, m.\"Id\", " +
        "s.Start::timestamp AT TIME ZONE 'Asia/Shanghai', s.DurationMinutes::int, " +
        $"{OutcomeCase}, NULLIF(s.Notes, ''), s.ExternalId, 0, now(), now() " +
        "FROM staging s JOIN \"Members\" m ON m.\"Email\" = s.Member;";

    private const string PlainTable =
        "CREATE TABLE plain (ExternalId TEXT, Type TEXT, Member TEXT, Start TEXT, DurationMinutes TEXT, Outcome TEXT, Notes TEXT);";

    public static int Run(int rows, int members, string? postgresAdmin)
    {
        var work = Directory.CreateTempSubdirectory("headroom-bench-");
        try
        {
            var membersFile = Path.Combine(work.FullName, "members.csv");
            var activitiesFile = Path.Combine(work.FullName, "activities.csv");
            ActivityFile.WriteMembers(membersFile, members);
            ActivityFile.WriteActivities(activitiesFile, rows, members);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"file: {rows:N0} activities, {new FileInfo(activitiesFile).Length / 1048576.0:N1} MB"));

            // SQLite: the sqlite3 shell's .import into a plain table, then headroom import.
            var baselineDb = Path.Combine(work.FullName, "baseline.db");
            Measured.Run("sqlite3", [baselineDb, PlainTable]).EnsureSuccess("create plain table");
            var shell = Measured.Run("sqlite3", ["-cmd", ".mode csv", baselineDb, $".import --skip 1 {activitiesFile} plain"]).EnsureSuccess("sqlite3 .import");
            var headroomDb = $"Data Source={Path.Combine(work.FullName, "headroom.db")}";
            Prepare(headroomDb, onPostgres: false, membersFile);
            var ours = HeadroomProcess.Run(headroomDb, false, "import", "activities", activitiesFile).EnsureSuccess("headroom import");
            Report("SQLite", "sqlite3 .import", rows, shell, ours);
            var sqlDb = Path.Combine(work.FullName, "sql.db");
            Prepare($"Data Source={sqlDb}", onPostgres: false, membersFile);
            var sqlOnly = Measured.Run("sqlite3", ["-cmd", ".mode csv", "-cmd", "PRAGMA foreign_keys=ON", sqlDb,
                $".import {activitiesFile} staging", SqliteMove]).EnsureSuccess("sqlite3 .import + INSERT SELECT");
            Report("SQLite, same schema", "sqlite3 .import + INSERT…SELECT", rows, sqlOnly, ours);

            if (postgresAdmin is not null)
            {
                var baseline = HeadroomProcess.CreatePostgresDatabase(postgresAdmin, "headroom_bench_baseline");
                using (var connection = new NpgsqlConnection(baseline))
                {
                    connection.Open();
                    using var create = new NpgsqlCommand(PlainTable, connection);
                    create.ExecuteNonQuery();
                }
                var copy = Measured.Run("psql", [ToUri(baseline), "-v", "ON_ERROR_STOP=1", "-c",
                    $"\\copy plain FROM '{activitiesFile}' WITH (FORMAT csv, HEADER true)"]).EnsureSuccess("psql \\copy");
                var target = HeadroomProcess.CreatePostgresDatabase(postgresAdmin, "headroom_bench_import");
                Prepare(target, onPostgres: true, membersFile);
                var oursPg = HeadroomProcess.Run(target, true, "import", "activities", activitiesFile).EnsureSuccess("headroom import (PostgreSQL)");
                Report("PostgreSQL", "COPY (psql \\copy)", rows, copy, oursPg);
                var sqlTarget = HeadroomProcess.CreatePostgresDatabase(postgresAdmin, "headroom_bench_sql");
                Prepare(sqlTarget, onPostgres: true, membersFile);
                using (var connection = new NpgsqlConnection(sqlTarget))
                {
                    connection.Open();
                    using var create = new NpgsqlCommand(PlainTable.Replace("plain", "staging", StringComparison.Ordinal), connection);
                    create.ExecuteNonQuery();
                }
                var sqlOnlyPg = Measured.Run("psql", [ToUri(sqlTarget), "-v", "ON_ERROR_STOP=1", "-c",
                    $"\\copy staging FROM '{activitiesFile}' WITH (FORMAT csv, HEADER true)", "-c", PostgresMove]).EnsureSuccess("COPY + INSERT SELECT");
                Report("PostgreSQL, same schema", "COPY + INSERT…SELECT", rows, sqlOnlyPg, oursPg);
            }
            return 0;
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static void Prepare(string connection, bool onPostgres, string membersFile)
    {
        HeadroomProcess.Run(connection, onPostgres, "org", "add", "--name", "Bench", "--locale", "en", "--time-zone", "Asia/Shanghai").EnsureSuccess("org add");
        HeadroomProcess.Run(connection, onPostgres, "import", "members", membersFile).EnsureSuccess("import members");
    }

    private static void Report(string database, string baselineName, int rows, Measured baseline, Measured ours)
    {
        var ratio = baseline.Elapsed.TotalSeconds / ours.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {database} | {baselineName} | {baseline.Elapsed.TotalSeconds:N1} s ({HeadroomProcess.Rate(rows, baseline.Elapsed)} rows/s) | headroom import | {ours.Elapsed.TotalSeconds:N1} s ({HeadroomProcess.Rate(rows, ours.Elapsed)} rows/s) | {ratio:P0} | {HeadroomProcess.Mb(ours.PeakKilobytes)} MB |"));
    }

    // psql takes a URI; Npgsql's keyword form is not understood by libpq.
    private static string ToUri(string connectionString)
    {
        var b = new NpgsqlConnectionStringBuilder(connectionString);
        return $"postgresql://{Uri.EscapeDataString(b.Username ?? "postgres")}@{b.Host}:{b.Port}/{b.Database}";
    }
}
