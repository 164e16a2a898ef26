using System.Globalization;
using Npgsql;

namespace Headroom.Benchmarks;

// Runs the built headroom command (referenced by this project) as a separate process.
public static class HeadroomProcess
{
    public static string Dll => Path.Combine(AppContext.BaseDirectory, "Headroom.Cli.dll");

    public static Measured Run(string connection, bool onPostgres, params string[] arguments)
    {
        string[] database = ["--connection", connection, .. onPostgres ? new[] { "--provider", "Postgres" } : []];
        return Measured.Run("dotnet", [Dll, .. database, .. arguments]);
    }

    public static string CreatePostgresDatabase(string admin, string name)
    {
        using var connection = new NpgsqlConnection(admin);
        connection.Open();
        using (var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection))
        {
            drop.ExecuteNonQuery();
        }
        using (var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection))
        {
            create.ExecuteNonQuery();
        }
        return new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
    }

    public static string Rate(long rows, TimeSpan elapsed) =>
        (rows / elapsed.TotalSeconds).ToString("N0", CultureInfo.InvariantCulture);

    public static string Mb(long kilobytes) => (kilobytes / 1024.0).ToString("N0", CultureInfo.InvariantCulture);
}
