using System.Net;
using System.Net.Http.Json;
using Headroom.Tests.Web;
using Headroom.Tests.Workload;
using Headroom.Web.Analytics;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Headroom.Tests.Analytics;

[Trait("Category", "Integration")]
public sealed class AnalyticsApiTests
{
    private static readonly string[] Reps = [ApiWorld.RepA1, ApiWorld.RepA2, ApiWorld.RepB, ApiWorld.Disabled];

    [Fact]
    public async Task EveryPrincipal_SeesExactlyTheRepsInScope_WithTheirOwnPipeline()
    {
        await using var world = await ApiWorld.CreateAsync();
        foreach (var principal in ApiWorld.Principals)
        {
            var response = await world.Client(principal).GetAsync(new Uri("/api/v1/analytics/members?from=2026-10-01&to=2026-12-31", UriKind.Relative));
            if (!AccessRules.SignedIn(principal))
            {
                Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
                continue;
            }
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = (await response.Content.ReadFromJsonAsync<TeamPerformanceResult>(ApiWorld.Json))!;
            var expected = Reps.Where(r => AccessRules.CanSee(principal, r)).Select(r => world.MemberIds[r]).Order();
            Assert.Equal(expected, body.Members.Select(m => m.MemberId).Order());
            Assert.All(body.Members, m => Assert.True(m.Figures.WeightedOpenPipelineMinor > 0, $"{principal}: {m.Name} should have their open deal"));
            // The funnel counts the deals of the reps shown that were created in the period, and no others.
            Assert.True(body.Funnel.Deals <= body.Members.Count);
            Assert.Equal((new DateOnly(2026, 10, 1), new DateOnly(2026, 12, 31)), (body.From, body.To));
        }
        var teamB = await world.Client(ApiWorld.ManagerA).GetAsync(new Uri($"/api/v1/analytics/members?teamId={world.TeamIds[ApiWorld.TeamB]}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, teamB.StatusCode);
        var foreign = await world.Client(ApiWorld.Admin).GetAsync(new Uri($"/api/v1/analytics/members?teamId={world.TeamIds[ApiWorld.Foreign]}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
    }

    [Fact]
    public async Task Dashboard_EveryPrincipal_SeesTheirTeamOrThemselves_AndNoOtherTeam()
    {
        await using var world = await ApiWorld.CreateAsync();
        foreach (var principal in ApiWorld.Principals)
        {
            var response = await world.Client(principal).GetAsync(new Uri("/api/v1/analytics/dashboard?from=2026-10-01&to=2026-12-31", UriKind.Relative));
            if (!AccessRules.SignedIn(principal))
            {
                Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
                continue;
            }
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = (await response.Content.ReadFromJsonAsync<DashboardResult>(ApiWorld.Json))!;
            // One open deal per owner: a rep's own, a manager's team, an admin everything they see.
            var expected = ApiWorld.Owners.Count(o => AccessRules.CanSee(principal, o));
            if (principal == ApiWorld.OtherAdmin)
            {
                expected = 1;
            }
            Assert.Equal(expected, body.OpenDeals);
            Assert.Equal(Dashboard.TrendMonths, body.Trend.Count);
            Assert.Equal(new DateOnly(2026, 12, 1), body.Trend[^1].Month);
            Assert.Equal(principal is ApiWorld.ManagerA ? world.TeamIds[ApiWorld.TeamA] : principal is ApiWorld.ManagerB ? world.TeamIds[ApiWorld.TeamB] : null, body.TeamId);
        }
        var teamB = await world.Client(ApiWorld.ManagerA).GetAsync(new Uri($"/api/v1/analytics/dashboard?teamId={world.TeamIds[ApiWorld.TeamB]}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, teamB.StatusCode);
        var foreign = await world.Client(ApiWorld.Admin).GetAsync(new Uri($"/api/v1/analytics/dashboard?teamId={world.TeamIds[ApiWorld.Foreign]}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        var bad = await world.Client(ApiWorld.Admin).GetAsync(new Uri("/api/v1/analytics/dashboard?from=2026-10-01&to=2026-09-30", UriKind.Relative));
        await WorkloadSettingsApiTests.AssertFieldErrorAsync(bad, "to");
    }

    [Fact]
    public async Task Dashboard_RevenueGoal_PaceCoverageAndTrend()
    {
        await using var world = await ApiWorld.CreateAsync();
        await using (var db = world.Host.Database.CreateContext(world.Host.OrgId))
        {
            // Rep A1's deal (4 × 100.00) is won on 2026-10-20; a goal of 1,000.00 for the quarter.
            var deal = await db.Deals.SingleAsync(d => d.Id == world.DealIds[ApiWorld.RepA1]);
            var won = await db.PipelineStages.Where(s => s.ClosesAs == Headroom.Deals.DealOutcome.Won).Select(s => s.Id).FirstAsync();
            deal.StageId = won;
            deal.Outcome = Headroom.Deals.DealOutcome.Won;
            deal.ClosedUtc = new DateTime(2026, 10, 20, 4, 0, 0, DateTimeKind.Utc);
            db.Goals.Add(new Headroom.Goals.Goal
            {
                Name = "Q4 收入", OwnerKind = Headroom.Goals.GoalOwnerKind.Team, TeamId = world.TeamIds[ApiWorld.TeamA],
                Metric = Headroom.Goals.GoalMetric.WonRevenue, PeriodKind = Headroom.Goals.GoalPeriodKind.Quarter,
                StartDate = new DateOnly(2026, 10, 1), EndDate = new DateOnly(2026, 12, 31), Target = 1_000_00,
            });
            await db.SaveChangesAsync();
        }

        var body = (await world.Client(ApiWorld.ManagerA).GetFromJsonAsync<DashboardResult>(
            new Uri("/api/v1/analytics/dashboard?from=2026-10-01&to=2026-12-31", UriKind.Relative), ApiWorld.Json))!;

        Assert.Equal(400_00, body.Figures.WonRevenueMinor);
        Assert.Equal(1, body.Figures.DealsWon);
        var goal = Assert.IsType<DashboardGoal>(body.RevenueGoal);
        Assert.Equal(("Q4 收入", 1_000_00L, 400_00L), (goal.Name, goal.TargetMinor, goal.Pace.Actual));
        // Coverage: the weighted open pipeline of the team over the 600.00 still to win.
        Assert.True(body.Figures.WeightedOpenPipelineMinor > 0);
        Assert.Equal(Math.Round((decimal)body.Figures.WeightedOpenPipelineMinor / 600_00, 2), goal.PipelineCoverage);
        Assert.Equal(400_00, body.Trend.Single(m => m.Month == new DateOnly(2026, 10, 1)).WonRevenueMinor);
        Assert.Equal(1, body.Trend.Sum(m => m.DealsWon));
        // The dashboard reuses the period's figures for the goal's pace; the goal's own page counts
        // it afresh: the same pace. A month of the quarter counts the quarter's goal afresh too.
        var detail = await world.Client(ApiWorld.ManagerA).GetFromJsonAsync<Headroom.Web.Goals.GoalDetail>($"/api/v1/goals/{goal.Id}", ApiWorld.Json);
        Assert.Equal(detail!.Goal.Pace, goal.Pace);
        var october = (await world.Client(ApiWorld.ManagerA).GetFromJsonAsync<DashboardResult>(
            new Uri("/api/v1/analytics/dashboard?from=2026-10-01&to=2026-10-31", UriKind.Relative), ApiWorld.Json))!;
        Assert.Equal(detail.Goal.Pace, october.RevenueGoal!.Pace);
        // The dashboard's curve is the one the goal page counts.
        await using (var db = world.Host.Database.CreateContext(world.Host.OrgId))
        {
            var context = await Headroom.Goals.GoalContext.LoadAsync(db);
            var counted = await Headroom.Goals.GoalPaceCurveQuery.LoadAsync(db, context, detail.Goal.ToSubject(), detail.Goal.Target, detail.Goal.Pace!,
                context.Today(world.Host.Clock));
            Assert.NotNull(goal.Curve);
            Assert.Equal(counted!, goal.Curve);
        }

        // Team B's manager has no revenue goal and no revenue.
        var other = (await world.Client(ApiWorld.ManagerB).GetFromJsonAsync<DashboardResult>(
            new Uri("/api/v1/analytics/dashboard?from=2026-10-01&to=2026-12-31", UriKind.Relative), ApiWorld.Json))!;
        Assert.Null(other.RevenueGoal);
        Assert.Equal(0, other.Figures.WonRevenueMinor);
    }

    [Theory]
    [InlineData("from=2026-13-01", "from")]
    [InlineData("from=2026-10-01&to=2026-09-30", "to")]
    [InlineData("from=2024-01-01&to=2026-12-31", "to")]
    public async Task BadPeriod_IsAFieldError(string query, string field)
    {
        await using var world = await ApiWorld.CreateAsync();
        var response = await world.Client(ApiWorld.Admin).GetAsync(new Uri($"/api/v1/analytics/members?{query}", UriKind.Relative));
        await WorkloadSettingsApiTests.AssertFieldErrorAsync(response, field);
    }

    [Fact]
    public async Task DefaultPeriod_IsThisFiscalQuarter()
    {
        Assert.Equal((new DateOnly(2026, 10, 1), new DateOnly(2026, 12, 31)), AnalyticsApi.FiscalQuarter(new DateOnly(2026, 11, 2), 1));
        Assert.Equal((new DateOnly(2026, 10, 1), new DateOnly(2026, 12, 31)), AnalyticsApi.FiscalQuarter(new DateOnly(2026, 11, 2), 4));
        Assert.Equal((new DateOnly(2026, 11, 1), new DateOnly(2027, 1, 31)), AnalyticsApi.FiscalQuarter(new DateOnly(2026, 11, 2), 2));
        Assert.Equal((new DateOnly(2026, 2, 1), new DateOnly(2026, 4, 30)), AnalyticsApi.FiscalQuarter(new DateOnly(2026, 2, 1), 11));
        await using var world = await ApiWorld.CreateAsync();
        var body = (await world.Client(ApiWorld.Admin).GetFromJsonAsync<TeamPerformanceResult>("/api/v1/analytics/members", ApiWorld.Json))!;
        Assert.Equal((new DateOnly(2026, 10, 1), new DateOnly(2026, 12, 31)), (body.From, body.To));
    }

    [Fact]
    public async Task Export_CsvAndXlsx_EscapeFormulas_AndKeepTheScope()
    {
        await using var world = await ApiWorld.CreateAsync();
        await using (var db = world.Host.Database.CreateContext(world.Host.OrgId))
        {
            var rep = await db.Members.SingleAsync(m => m.Id == world.MemberIds[ApiWorld.RepA1]);
            rep.Name = "=HYPERLINK(\"http://evil.example\")";
            await db.SaveChangesAsync();
        }
        var manager = world.Client(ApiWorld.ManagerA);
        var csv = await manager.GetAsync(new Uri("/analytics/export?format=csv&from=2026-10-01&to=2026-12-31", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Contains("attachment", csv.Content.Headers.ContentDisposition?.ToString() ?? csv.Headers.ToString(), StringComparison.Ordinal);
        var text = await csv.Content.ReadAsStringAsync();
        Assert.DoesNotContain("\n=HYPERLINK", text, StringComparison.Ordinal);
        Assert.Contains("'=HYPERLINK", text, StringComparison.Ordinal);
        Assert.Contains("repA2", text, StringComparison.Ordinal);
        Assert.DoesNotContain("repB", text, StringComparison.Ordinal);

        var xlsx = await manager.GetAsync(new Uri("/analytics/export?format=xlsx&from=2026-10-01&to=2026-12-31", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        await using var stream = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync());
        var rows = MiniExcel.Query(stream, useHeaderRow: false).Cast<IDictionary<string, object?>>().ToList();
        var names = rows.Skip(1).Select(r => r["A"]?.ToString()).ToList();
        Assert.Contains("'=HYPERLINK(\"http://evil.example\")", names);
        Assert.Equal(4, names.Count);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync(new Uri($"/analytics/export?teamId={world.TeamIds[ApiWorld.TeamB]}", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Page_ShowsTheRepsAndTheMedian_InChinese()
    {
        await using var world = await ApiWorld.CreateAsync();
        using var client = world.Host.CreateClient("zh-CN");
        await WebTestHost.SignInAsync(client, "managerA@example.com");
        var page = await client.GetStringAsync(new Uri("/analytics?from=2026-10-01&to=2026-12-31", UriKind.Relative));
        Assert.Contains("团队业绩", page, StringComparison.Ordinal);
        Assert.Contains("团队中位数", page, StringComparison.Ordinal);
        Assert.Contains("阶段漏斗", page, StringComparison.Ordinal);
        Assert.Contains($"/deals?ownerId={world.MemberIds[ApiWorld.RepA1]}", page, StringComparison.Ordinal);
        Assert.DoesNotContain($"/deals?ownerId={world.MemberIds[ApiWorld.RepB]}", page, StringComparison.Ordinal);
        var bad = await client.GetStringAsync(new Uri("/analytics?from=nonsense", UriKind.Relative));
        Assert.Contains("“nonsense”不是日期", bad, StringComparison.Ordinal);
    }
}
