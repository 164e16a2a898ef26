using System.Diagnostics;
using System.Globalization;
using System.Security.Claims;
using Headroom.Activities;
using Headroom.Common;
using Headroom.Data;
using Headroom.Deals;
using Headroom.Demo;
using Headroom.Goals;
using Headroom.Organizations;
using Headroom.Web.Analytics;
using Headroom.Web.Auth;
using Microsoft.EntityFrameworkCore;

namespace Headroom.Benchmarks;

// The dashboard's queries on a seeded demo, warm, as three readers see it: an admin (the whole
// organization), the manager of the largest team (with its sub-teams) and a rep; each request on
// a fresh DbContext, as a web request has. Beside each, the same aggregates written as plain
// queries over the same member set (the floor the database sets), in the same run.
public static class DashboardBenchmark
{
    private const int Warmup = 3;

    public static async Task<int> RunAsync(FileInfo? seeded, string? postgres, int runs)
    {
        if (seeded is not null)
        {
            await MeasureAsync("SQLite", DatabaseProvider.Sqlite, $"Data Source={seeded.FullName}", runs);
        }
        if (postgres is not null)
        {
            var target = new Npgsql.NpgsqlConnectionStringBuilder(postgres) { Database = "headroom_bench_workload" }.ConnectionString;
            await MeasureAsync("PostgreSQL", DatabaseProvider.Postgres, target, runs);
        }
        return 0;
    }

    private static async Task MeasureAsync(string name, DatabaseProvider provider, string connection, int runs)
    {
        long orgId;
        List<(string Who, long MemberId, List<long>? Members, GoalOwnerKind Owner, long? TeamId)> readers = [];
        var today = DemoOptions.TodayFor(Clock.System, DemoOptions.Chinese);
        var quarter = AnalyticsApi.FiscalQuarter(today, 1);
        await using (var db = Open(provider, connection))
        {
            orgId = await db.Organizations.OrderBy(o => o.Id).Select(o => o.Id).FirstAsync();
            db.Tenant.Enter(orgId);
            var admin = await db.Members.Where(m => m.Role == MemberRole.Admin && m.Active).OrderBy(m => m.Id).Select(m => m.Id).FirstAsync();
            readers.Add(("admin (organization)", admin, null, GoalOwnerKind.Organization, null));
            // The manager of the largest team below the top one (with its sub-teams).
            var teams = await db.Teams.Where(t => t.ManagerId != null && t.ParentTeamId != null).Select(t => new { t.Id, ManagerId = t.ManagerId!.Value }).ToListAsync();
            (long Manager, List<long> Members) largest = (0, []);
            foreach (var team in teams)
            {
                var below = await AccessScope.TeamsBelowAsync(db, [team.Id]);
                var members = await db.Members.Where(m => m.TeamId != null && below.Contains(m.TeamId.Value)).Select(m => m.Id).ToListAsync();
                if (members.Count > largest.Members.Count && await db.Teams.CountAsync(t => t.ManagerId == team.ManagerId) == 1)
                {
                    largest = (team.ManagerId, members);
                }
            }
            var managed = await db.Teams.Where(t => t.ManagerId == largest.Manager).Select(t => t.Id).SingleAsync();
            readers.Add(($"manager ({largest.Members.Count} members)", largest.Manager, largest.Members, GoalOwnerKind.Team, managed));
            var rep = await db.Members.Where(m => m.Role == MemberRole.Rep && m.Active).OrderBy(m => m.Id).Select(m => m.Id).FirstAsync();
            readers.Add(("rep", rep, [rep], GoalOwnerKind.Member, null));
            // A revenue goal for each reader's subject, so the goal's pace is part of the work.
            await EnsureGoalAsync(db, GoalOwnerKind.Organization, null, null, quarter);
            await EnsureGoalAsync(db, GoalOwnerKind.Team, managed, null, quarter);
            await EnsureGoalAsync(db, GoalOwnerKind.Member, null, rep, quarter);
        }

        foreach (var (who, memberId, members, owner, teamId) in readers)
        {
            var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim(HeadroomClaims.MemberId, memberId.ToString(CultureInfo.InvariantCulture))], "bench"));
            var app = new List<double>();
            var plain = new List<double>();
            DashboardResult? result = null;
            for (var run = 0; run < Warmup + runs; run++)
            {
                await using (var db = Open(provider, connection))
                {
                    db.Tenant.Enter(orgId);
                    var watch = Stopwatch.StartNew();
                    result = await Dashboard.LoadAsync(db, user, quarter.Start, quarter.End, null, Clock.System, CancellationToken.None);
                    if (run >= Warmup)
                    {
                        app.Add(watch.Elapsed.TotalMilliseconds);
                    }
                }
                await using (var db = Open(provider, connection))
                {
                    db.Tenant.Enter(orgId);
                    var watch = Stopwatch.StartNew();
                    await PlainAsync(db, memberId, members, owner, teamId, quarter.Start, quarter.End);
                    if (run >= Warmup)
                    {
                        plain.Add(watch.Elapsed.TotalMilliseconds);
                    }
                }
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {who} | {Percentile(app, 0.5):0} | {Percentile(app, 0.95):0} | {Percentile(plain, 0.5):0} | {Percentile(plain, 0.95):0} | {Percentile(app, 0.95) / Percentile(plain, 0.95):0.00}× |"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  won {result!.Figures.WonRevenueMinor / 100m:N0} in {result.Figures.DealsWon} deals, {result.OpenDeals} open, {result.Figures.Activities} activities; goal {(result.RevenueGoal is { } g ? $"{g.Pace.Progress:P0} {g.Pace.Status}" : "none")}"));
        }
    }

    // What the dashboard reads, written as plain queries: the reader and the organization; the
    // figures (closed deals by outcome, deals created, the open pipeline weighted by stage,
    // activities and visits from the activity per member and day, feedback by kind, won revenue
    // by month for the year); and the revenue goal with what its pace needs (the calendar, its
    // actual, its pipeline expected to close by its end, and won revenue by local day for the
    // curve).
    private static async Task PlainAsync(AppDbContext db, long reader, List<long>? members, GoalOwnerKind owner, long? teamId, DateOnly from, DateOnly to)
    {
        await db.Members.Where(m => m.Id == reader).Select(m => new { m.Role, m.TeamId }).SingleAsync();
        await db.Organizations.AsNoTracking().SingleAsync();
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        DateTime Utc(DateOnly day) => TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue), zone);
        var (fromUtc, toUtc) = (Utc(from), Utc(to.AddDays(1)));
        var trendFrom = Utc(new DateOnly(to.Year, to.Month, 1).AddMonths(-11));
        var deals = db.Deals.AsQueryable();
        var accounts = db.Accounts.AsQueryable();
        if (members is not null)
        {
            deals = deals.Where(d => d.OwnerId != null && members.Contains(d.OwnerId.Value));
            accounts = accounts.Where(a => a.OwnerId != null && members.Contains(a.OwnerId.Value));
        }
        await deals.Where(d => d.Outcome != DealOutcome.Open && d.ClosedUtc >= fromUtc && d.ClosedUtc < toUtc)
            .GroupBy(d => d.Outcome).Select(g => new { g.Key, Count = g.Count(), Amount = g.Sum(d => d.AmountMinor) }).ToListAsync();
        await deals.Where(d => d.CreatedUtc >= fromUtc && d.CreatedUtc < toUtc)
            .GroupBy(_ => 1).Select(g => new { Count = g.Count(), Amount = g.Sum(d => d.AmountMinor) }).ToListAsync();
        await deals.Where(d => d.Outcome == DealOutcome.Open)
            .Join(db.PipelineStages, d => d.StageId, s => s.Id, (d, s) => new { d.AmountMinor, s.WinProbability })
            .GroupBy(_ => 1).Select(g => new { Count = g.Count(), Amount = g.Sum(d => d.AmountMinor), Weighted = g.Sum(d => d.AmountMinor * d.WinProbability) }).ToListAsync();
        var days = db.MemberActivityDays.Where(d => d.Day >= from && d.Day <= to);
        if (members is not null)
        {
            days = days.Where(d => members.Contains(d.MemberId));
        }
        await days.GroupBy(_ => 1).Select(g => new { Activities = g.Sum(d => d.Activities), Visits = g.Sum(d => d.Visits) }).ToListAsync();
        await db.CustomerFeedback.Where(f => f.Date >= from && f.Date <= to)
            .Join(accounts, f => f.AccountId, a => a.Id, (f, a) => new { f.Kind, f.Score })
            .GroupBy(f => f.Kind).Select(g => new { g.Key, Count = g.Count(), Sum = g.Sum(f => f.Score) }).ToListAsync();
        await deals.Where(d => d.Outcome == DealOutcome.Won && d.ClosedUtc >= trendFrom && d.ClosedUtc < toUtc)
            .GroupBy(d => new { d.ClosedUtc!.Value.Year, d.ClosedUtc!.Value.Month })
            .Select(g => new { g.Key.Year, g.Key.Month, Count = g.Count(), Amount = g.Sum(d => d.AmountMinor) }).ToListAsync();
        var goal = await db.Goals.AsNoTracking()
            .Where(g => g.Metric == GoalMetric.WonRevenue && g.OwnerKind == owner && g.TeamId == teamId && g.MemberId == (owner == GoalOwnerKind.Member ? reader : null)
                && g.StartDate == from && g.EndDate == to)
            .FirstAsync();
        await db.CalendarDays.AsNoTracking().Select(d => new { d.Date, d.Kind }).ToListAsync();
        await deals.Where(d => d.Outcome == DealOutcome.Won && d.ClosedUtc >= fromUtc && d.ClosedUtc < toUtc).SumAsync(d => d.AmountMinor);
        await deals.Where(d => d.Outcome == DealOutcome.Open && d.ExpectedCloseDate != null && d.ExpectedCloseDate <= goal.EndDate)
            .Join(db.PipelineStages, d => d.StageId, s => s.Id, (d, s) => new { d.AmountMinor, s.WinProbability })
            .SumAsync(d => d.AmountMinor * d.WinProbability);
        // The organization's zone is UTC+8 without daylight saving, so a local day is a fixed shift.
        await deals.Where(d => d.Outcome == DealOutcome.Won && d.ClosedUtc >= fromUtc && d.ClosedUtc < toUtc)
            .GroupBy(d => d.ClosedUtc!.Value.AddHours(8).Date)
            .Select(g => new { Day = g.Key, Amount = g.Sum(d => d.AmountMinor) }).ToListAsync();
    }

    private static async Task EnsureGoalAsync(AppDbContext db, GoalOwnerKind kind, long? teamId, long? memberId, (DateOnly Start, DateOnly End) quarter)
    {
        if (await db.Goals.AnyAsync(g => g.OwnerKind == kind && g.TeamId == teamId && g.MemberId == memberId && g.Metric == GoalMetric.WonRevenue
            && g.StartDate == quarter.Start && g.EndDate == quarter.End))
        {
            return;
        }
        db.Goals.Add(new Goal
        {
            Name = "Benchmark revenue", OwnerKind = kind, TeamId = teamId, MemberId = memberId, Metric = GoalMetric.WonRevenue,
            PeriodKind = GoalPeriodKind.Quarter, StartDate = quarter.Start, EndDate = quarter.End, Target = 100_000_000_00,
        });
        await db.SaveChangesAsync();
    }

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
    }

    private static AppDbContext Open(DatabaseProvider provider, string connection)
    {
        var tenant = new TenantContext();
        var audit = new AuditInterceptor(Clock.System);
        if (provider == DatabaseProvider.Sqlite)
        {
            return new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite(connection)
                .AddInterceptors(new SqlitePragmaInterceptor(), audit).Options, tenant);
        }
        return new PostgresAppDbContext(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql(connection).AddInterceptors(audit).Options, tenant);
    }
}
