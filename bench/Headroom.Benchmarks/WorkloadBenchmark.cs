using System.Diagnostics;
using System.Globalization;
using Headroom.Common;
using Headroom.Data;
using Headroom.Demo;
using Headroom.Organizations;
using Headroom.Workload;
using Microsoft.EntityFrameworkCore;

namespace Headroom.Benchmarks;

// Seeds a demo organization with the headroom command, then, in this process, loads the workload
// inputs of every member and scores 13 weeks (10 before this week, this one, 2 ahead; plus the 4
// weeks before for the trend), three times; beside it one plain SQL aggregate over the same
// activity rows, as the floor any database read of them costs, and plain SQL aggregates over the
// rows the query reads instead of them (activity per member and day, follow-ups, deals, accounts).
public static class WorkloadBenchmark
{
    private const int Runs = 3;

    public static async Task<int> RunAsync(string size, string? postgresAdmin, FileInfo? seeded, bool reusePostgres = false)
    {
        var work = Directory.CreateTempSubdirectory("headroom-bench-workload-");
        try
        {
            var sqlite = $"Data Source={Path.Combine(work.FullName, "workload.db")}";
            if (seeded is not null)
            {
                sqlite = $"Data Source={seeded.FullName}";
            }
            else
            {
                HeadroomProcess.Run(sqlite, false, "seed", "--demo", "--size", size).EnsureSuccess("seed (SQLite)");
            }
            await MeasureAsync("SQLite", DatabaseProvider.Sqlite, sqlite, size);
            if (postgresAdmin is not null)
            {
                var target = reusePostgres
                    ? new Npgsql.NpgsqlConnectionStringBuilder(postgresAdmin) { Database = "headroom_bench_workload" }.ConnectionString
                    : HeadroomProcess.CreatePostgresDatabase(postgresAdmin, "headroom_bench_workload");
                if (!reusePostgres)
                {
                    HeadroomProcess.Run(target, true, "seed", "--demo", "--size", size).EnsureSuccess("seed (PostgreSQL)");
                }
                await MeasureAsync("PostgreSQL", DatabaseProvider.Postgres, target, size);
            }
            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            work.Delete(recursive: true);
        }
    }

    private static async Task MeasureAsync(string name, DatabaseProvider provider, string connection, string size)
    {
        var today = DemoOptions.TodayFor(Clock.System, DemoOptions.Chinese);
        var thisWeek = WorkloadRequest.PeriodStart(today, WorkloadPeriod.Week);
        var request = new WorkloadRequest(thisWeek.AddDays(-70), thisWeek.AddDays(20), WorkloadPeriod.Week, Clock.System.GetUtcNow());
        var load = new List<TimeSpan>();
        var score = new List<TimeSpan>();
        var plain = new List<TimeSpan>();
        var plainInputs = new List<TimeSpan>();
        WorkloadResult? result = null;
        WorkloadInputs? inputs = null;
        for (var run = 0; run < Runs; run++)
        {
            await using var db = Open(provider, connection);
            var orgId = await db.Organizations.Select(o => o.Id).SingleAsync();
            db.Tenant.Enter(orgId);
            var watch = Stopwatch.StartNew();
            inputs = await WorkloadQuery.LoadAsync(db, AccessScope.WholeOrganization(), request);
            load.Add(watch.Elapsed);
            watch.Restart();
            result = WorkloadScorer.Score(inputs, request);
            score.Add(watch.Elapsed);

            var from = request.HistoryStart.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddHours(-14);
            var to = request.LastPeriodEnd.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddHours(14);
            watch.Restart();
            var sums = await db.SalesActivities
                .Where(a => a.StartUtc >= from && a.StartUtc < to)
                .GroupBy(a => a.MemberId)
                .Select(g => new { g.Key, Minutes = g.Sum(a => (long)a.DurationMinutes) })
                .ToListAsync();
            plain.Add(watch.Elapsed);
            if (sums.Count == 0)
            {
                throw new InvalidOperationException("The demo has no activity in the measured weeks.");
            }

            // The second floor: the same kinds of rows the query reads now (activity per member
            // and day, follow-ups, open deals, accounts), each summed per member in plain SQL.
            watch.Restart();
            var (first, last) = (request.HistoryStart, request.LastPeriodEnd);
            await db.MemberActivityDays.Where(d => d.Day >= first && d.Day <= last)
                .GroupBy(d => d.MemberId).Select(g => new { g.Key, Minutes = g.Sum(d => (long)d.ActualMinutes + d.MeetingMinutes + d.VisitMinutes) }).ToListAsync();
            await db.FollowUps.Where(f => f.AssigneeId != null && (f.Status == Headroom.FollowUps.FollowUpStatus.Open
                    || (f.Status == Headroom.FollowUps.FollowUpStatus.Done && f.CompletedUtc >= from && f.CompletedUtc < to)))
                .GroupBy(f => f.AssigneeId).Select(g => new { g.Key, Hours = g.Sum(f => f.EffortHours), Due = g.Max(f => f.DueUtc) }).ToListAsync();
            await db.Deals.Where(d => d.Outcome == Headroom.Deals.DealOutcome.Open && d.OwnerId != null)
                .GroupBy(d => d.OwnerId).Select(g => new { g.Key, Stages = g.Sum(d => d.StageId), Created = g.Max(d => d.CreatedUtc) }).ToListAsync();
            await db.Accounts.Where(a => (a.Status == Headroom.Accounts.AccountStatus.Active || a.Status == Headroom.Accounts.AccountStatus.Prospect) && a.OwnerId != null)
                .GroupBy(a => a.OwnerId).Select(g => new { g.Key, Tiers = g.Sum(a => (int)a.Tier), Created = g.Max(a => a.CreatedUtc) }).ToListAsync();
            plainInputs.Add(watch.Elapsed);
        }
        var periods = result!.Members.SelectMany(m => m.Periods).ToList();
        var bands = periods.GroupBy(p => p.Band).OrderBy(g => g.Key).Select(g => $"{g.Key.ToString().ToLowerInvariant()} {g.Count()}");
        var median = periods.Select(p => p.Utilization).OfType<double>().Order().ElementAt(periods.Count(p => p.Utilization is not null) / 2);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {size} | {inputs!.Members.Count} members, {request.FirstPeriodStart:yyyy-MM-dd}…{request.LastPeriodEnd:yyyy-MM-dd} | " +
            $"{Seconds(load)} | {Seconds(score)} | {Seconds(load.Zip(score, (a, b) => a + b).ToList())} | {Seconds(plain)} | {Seconds(plainInputs)} | {Environment.ProcessorCount} | " +
            $"{Process.GetCurrentProcess().PeakWorkingSet64 / 1024 / 1024} MB |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  inputs: {inputs.FollowUps.Count} follow-ups, {inputs.Deals.Count} open deals, {inputs.Accounts.Count} accounts, {inputs.Activity.Count} member-days of activity; " +
            $"member-weeks by band: {string.Join(", ", bands)}; median utilization {median:P0}"));
        var worked = periods.Where(p => p.CapacityHours > 0).ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  mean hours per member-week: capacity {worked.Average(p => p.CapacityHours):0.0}, follow-ups {worked.Average(p => p.Load.FollowUps):0.0}, deals {worked.Average(p => p.Load.Deals):0.0}, " +
            $"accounts {worked.Average(p => p.Load.Accounts):0.0}, meetings {worked.Average(p => p.Load.Meetings):0.0}, overhead {worked.Average(p => p.Load.Overhead):0.0}, actual {worked.Average(p => p.ActualHours):0.0}"));
    }

    // Runs as "first (cold) / best of the warm runs".
    private static string Seconds(List<TimeSpan> runs) => string.Create(CultureInfo.InvariantCulture,
        $"{runs[0].TotalSeconds:0.00} / {runs.Skip(1).Min().TotalSeconds:0.00} s");

    private static AppDbContext Open(DatabaseProvider provider, string connection)
    {
        var tenant = new TenantContext();
        if (provider == DatabaseProvider.Sqlite)
        {
            return new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite(connection).AddInterceptors(new SqlitePragmaInterceptor()).Options, tenant);
        }
        return new PostgresAppDbContext(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql(connection).Options, tenant);
    }
}
