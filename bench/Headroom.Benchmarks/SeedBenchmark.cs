using System.Globalization;

namespace Headroom.Benchmarks;

public static class SeedBenchmark
{
    public static int Run(string size, string? postgresAdmin)
    {
        var work = Directory.CreateTempSubdirectory("headroom-bench-seed-");
        try
        {
            var sqlite = $"Data Source={Path.Combine(work.FullName, "seed.db")}";
            var measured = HeadroomProcess.Run(sqlite, false, "seed", "--demo", "--size", size).EnsureSuccess("seed (SQLite)");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| SQLite | seed --demo --size {size} | {measured.Elapsed.TotalSeconds:N1} s | {HeadroomProcess.Mb(measured.PeakKilobytes)} MB |"));
            if (postgresAdmin is not null)
            {
                var target = HeadroomProcess.CreatePostgresDatabase(postgresAdmin, "headroom_bench_seed");
                var pg = HeadroomProcess.Run(target, true, "seed", "--demo", "--size", size).EnsureSuccess("seed (PostgreSQL)");
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| PostgreSQL | seed --demo --size {size} | {pg.Elapsed.TotalSeconds:N1} s | {HeadroomProcess.Mb(pg.PeakKilobytes)} MB |"));
            }
            return 0;
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }
}
