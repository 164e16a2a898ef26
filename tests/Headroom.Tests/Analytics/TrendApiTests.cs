using System.Net;
using System.Net.Http.Json;
using Headroom.Analytics;
using Headroom.Tests.Web;
using Headroom.Tests.Workload;
using Headroom.Web.Analytics;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Headroom.Tests.Analytics;

// Every principal of the API world asks for the trend of pipeline created by month: each owner
// has one open deal created at the test clock (2026-11-02), of 100.00 × their place in Owners.
[Trait("Category", "Integration")]
public sealed class TrendApiTests
{
    private const string Range = "metric=PipelineCreated&granularity=Month&from=2026-10-01&to=2026-11-30";
    private static readonly string[] Reps = [ApiWorld.RepA1, ApiWorld.RepA2, ApiWorld.RepB, ApiWorld.Disabled];

    private static long Amount(string owner) => 100_00 * (Array.IndexOf(ApiWorld.Owners, owner) + 1);

    [Fact]
    public async Task EveryPrincipal_GetsTheRepsInScope_ARepOnlyTheirOwn_WithoutAMedian()
    {
        await using var world = await ApiWorld.CreateAsync();
        foreach (var principal in ApiWorld.Principals)
        {
            var response = await world.Client(principal).GetAsync(new Uri($"/api/v1/analytics/trend?{Range}", UriKind.Relative));
            if (!AccessRules.SignedIn(principal))
            {
                Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
                continue;
            }
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = (await response.Content.ReadFromJsonAsync<TrendResult>(ApiWorld.Json))!;
            Assert.Equal(["2026-10", "2026-11"], body.Buckets.Select(b => b.Label));
            var expected = Reps.Where(r => AccessRules.CanSee(principal, r)).ToList();
            Assert.Equal(expected.Select(r => world.MemberIds[r]).Order(), body.Rows.Select(r => r.MemberId).Order());
            foreach (var rep in expected)
            {
                Assert.Equal([0m, Amount(rep)], body.Rows.Single(r => r.MemberId == world.MemberIds[rep]).Values);
            }
            if (principal == ApiWorld.OtherAdmin)
            {
                continue;
            }
            // The group is every deal the principal sees, also managers' and admins' own.
            var group = ApiWorld.Owners.Where(o => AccessRules.CanSee(principal, o)).Sum(Amount);
            Assert.Equal([0m, group], body.Group);
            if (AccessRules.IsRep(principal))
            {
                Assert.Null(body.Median);
            }
            else
            {
                Assert.NotNull(body.Median);
            }
        }
    }

    [Fact]
    public async Task ATeamOrMemberOutsideTheScope_IsNotFound()
    {
        await using var world = await ApiWorld.CreateAsync();
        async Task<HttpStatusCode> Status(string principal, string query) =>
            (await world.Client(principal).GetAsync(new Uri($"/api/v1/analytics/trend?{Range}&{query}", UriKind.Relative))).StatusCode;

        Assert.Equal(HttpStatusCode.NotFound, await Status(ApiWorld.ManagerA, $"team={world.TeamIds[ApiWorld.TeamB]}"));
        Assert.Equal(HttpStatusCode.NotFound, await Status(ApiWorld.ManagerA, $"member={world.MemberIds[ApiWorld.RepB]}"));
        Assert.Equal(HttpStatusCode.NotFound, await Status(ApiWorld.Admin, $"team={world.TeamIds[ApiWorld.Foreign]}"));
        Assert.Equal(HttpStatusCode.NotFound, await Status(ApiWorld.RepA1, $"member={world.MemberIds[ApiWorld.RepA2]}"));
        Assert.Equal(HttpStatusCode.OK, await Status(ApiWorld.RepA1, $"member={world.MemberIds[ApiWorld.RepA1]}"));

        var team = (await world.Client(ApiWorld.Admin).GetFromJsonAsync<TrendResult>(
            new Uri($"/api/v1/analytics/trend?{Range}&team={world.TeamIds[ApiWorld.TeamA]}&member={world.MemberIds[ApiWorld.RepA2]}", UriKind.Relative), ApiWorld.Json))!;
        Assert.Equal(world.MemberIds[ApiWorld.RepA2], team.MemberId);
        Assert.DoesNotContain(team.Rows, r => r.MemberId == world.MemberIds[ApiWorld.RepB]);
        // Team A's reps with their median: repA1 300.00... the middle of the reps of team A.
        Assert.Equal(TrendMedian([.. Reps.Where(r => r != ApiWorld.RepB).Select(Amount)]), team.Median![1]);
    }

    private static decimal TrendMedian(long[] values) => MetricTrend.Median(values.Select(v => (decimal?)v))!.Value;

    [Theory]
    [InlineData("metric=Bogus", "metric")]
    [InlineData("metric=5", "metric")]
    [InlineData("granularity=Day", "granularity")]
    [InlineData("from=2026-02-30", "from")]
    [InlineData("from=2026-10-01&to=2026-09-30", "to")]
    [InlineData("from=2024-01-01&to=2026-12-31", "to")]
    [InlineData("metric=WonRevenue&activityType=Call", "activityType")]
    [InlineData("metric=Activities&activityType=Fax", "activityType")]
    public async Task BadQuery_IsAFieldError(string query, string field)
    {
        await using var world = await ApiWorld.CreateAsync();
        var response = await world.Client(ApiWorld.Admin).GetAsync(new Uri($"/api/v1/analytics/trend?{query}", UriKind.Relative));
        await WorkloadSettingsApiTests.AssertFieldErrorAsync(response, field);
    }

    [Theory]
    [InlineData("granularity=Month", "bucket")]
    [InlineData("granularity=Month&bucket=2026-11-02", "bucket")]
    [InlineData("granularity=Week&bucket=2026-11-01", "bucket")]
    [InlineData("granularity=Month&bucket=2026-11-01&page=0", "page")]
    public async Task BadRecordsQuery_IsAFieldError(string query, string field)
    {
        await using var world = await ApiWorld.CreateAsync();
        var response = await world.Client(ApiWorld.Admin).GetAsync(new Uri($"/api/v1/analytics/trend/records?metric=PipelineCreated&{query}", UriKind.Relative));
        await WorkloadSettingsApiTests.AssertFieldErrorAsync(response, field);
    }

    [Fact]
    public async Task Records_AreTheDealsBehindTheValue_WithinTheScope()
    {
        await using var world = await ApiWorld.CreateAsync();
        const string Query = "/api/v1/analytics/trend/records?metric=PipelineCreated&granularity=Month&bucket=2026-11-01";
        foreach (var principal in ApiWorld.Principals.Where(AccessRules.SignedIn))
        {
            var page = (await world.Client(principal).GetFromJsonAsync<TrendRecordPage>(new Uri(Query, UriKind.Relative), ApiWorld.Json))!;
            var expected = (principal == ApiWorld.OtherAdmin ? [] : ApiWorld.Owners.Where(o => AccessRules.CanSee(principal, o)))
                .Select(o => world.DealIds[o]).Order();
            if (principal != ApiWorld.OtherAdmin)
            {
                Assert.Equal(expected, page.Items.Select(r => r.Id).Order());
            }
            Assert.All(page.Items, r => Assert.Equal(TrendRecordKind.Deal, r.Kind));
        }
        var one = (await world.Client(ApiWorld.ManagerA).GetFromJsonAsync<TrendRecordPage>(
            new Uri($"{Query}&member={world.MemberIds[ApiWorld.RepA2]}", UriKind.Relative), ApiWorld.Json))!;
        Assert.Equal(world.DealIds[ApiWorld.RepA2], Assert.Single(one.Items).Id);
        Assert.Equal(HttpStatusCode.NotFound, (await world.Client(ApiWorld.RepA1).GetAsync(
            new Uri($"{Query}&member={world.MemberIds[ApiWorld.RepA2]}", UriKind.Relative))).StatusCode);
        var october = (await world.Client(ApiWorld.Admin).GetFromJsonAsync<TrendRecordPage>(
            new Uri(Query.Replace("2026-11-01", "2026-10-01", StringComparison.Ordinal), UriKind.Relative), ApiWorld.Json))!;
        Assert.Equal(0, october.Total);
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
        var csv = await manager.GetAsync(new Uri($"/analytics/explorer/export?format=csv&{Range}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var text = await csv.Content.ReadAsStringAsync();
        Assert.Contains("2026-11", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\n=HYPERLINK", text, StringComparison.Ordinal);
        Assert.Contains("'=HYPERLINK", text, StringComparison.Ordinal);
        Assert.Contains("repA2", text, StringComparison.Ordinal);
        Assert.DoesNotContain("repB", text, StringComparison.Ordinal);

        var xlsx = await manager.GetAsync(new Uri($"/analytics/explorer/export?format=xlsx&{Range}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        await using var stream = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync());
        var rows = MiniExcel.Query(stream, useHeaderRow: false).Cast<IDictionary<string, object?>>().ToList();
        Assert.Contains("'=HYPERLINK(\"http://evil.example\")", rows.Select(r => r["A"]?.ToString()));
        // Money in major units, a number: repA2's 500.00 in November.
        var repA2 = rows.Single(r => r["A"]?.ToString() == "repA2");
        Assert.Equal(Amount(ApiWorld.RepA2) / 100m, Convert.ToDecimal(repA2["D"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync(new Uri($"/analytics/explorer/export?team={world.TeamIds[ApiWorld.TeamB]}", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Page_ShowsTheTrend_AndTheRecordsOfACell_InChinese()
    {
        await using var world = await ApiWorld.CreateAsync();
        using var client = world.Host.CreateClient("zh-CN");
        await WebTestHost.SignInAsync(client, "managerA@example.com");
        var page = await client.GetStringAsync(new Uri($"/analytics/explorer?{Range}", UriKind.Relative));
        Assert.Contains("分析浏览器", page, StringComparison.Ordinal);
        Assert.Contains("团队中位数", page, StringComparison.Ordinal);
        Assert.Contains($"cell={world.MemberIds[ApiWorld.RepA1]}", page, StringComparison.Ordinal);
        Assert.DoesNotContain("repB", page, StringComparison.Ordinal);

        var cell = await client.GetStringAsync(new Uri($"/analytics/explorer?{Range}&bucket=2026-11-01&cell={world.MemberIds[ApiWorld.RepA1]}", UriKind.Relative));
        Assert.Contains($"/deals/{world.DealIds[ApiWorld.RepA1]}", cell, StringComparison.Ordinal);
        Assert.DoesNotContain($"/deals/{world.DealIds[ApiWorld.RepA2]}\"", cell, StringComparison.Ordinal);

        var bad = await client.GetStringAsync(new Uri("/analytics/explorer?metric=Bogus", UriKind.Relative));
        Assert.Contains("指标", bad, StringComparison.Ordinal);
        Assert.Contains("“Bogus”不是以下之一", bad, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri($"/analytics/explorer?team={world.TeamIds[ApiWorld.TeamB]}", UriKind.Relative))).StatusCode);
    }
}
