using System.Net;
using System.Net.Http.Json;
using Headroom.Analytics;
using Headroom.Tests.Web;
using Headroom.Tests.Workload;
using Headroom.Web.Analytics;
using Microsoft.EntityFrameworkCore;

namespace Headroom.Tests.Analytics;

// The funnel and coverage trends through the API for every principal of the API world: each owner
// has one open deal at the first stage (10 %), created at the test clock (2026-11-02), of 100.00
// × their place in Owners.
[Trait("Category", "Integration")]
public sealed class FunnelCoverageApiTests
{
    private const string Range = "granularity=Month&from=2026-10-01&to=2026-11-30";

    private static long Amount(string owner) => 100_00 * (Array.IndexOf(ApiWorld.Owners, owner) + 1);

    [Fact]
    public async Task EveryPrincipal_GetsTheFunnelAndCoverageOfWhatTheySee()
    {
        await using var world = await ApiWorld.CreateAsync();
        foreach (var principal in ApiWorld.Principals)
        {
            var client = world.Client(principal);
            var funnelResponse = await client.GetAsync(new Uri($"/api/v1/analytics/funnel-trend?{Range}", UriKind.Relative));
            var coverageResponse = await client.GetAsync(new Uri($"/api/v1/analytics/coverage-trend?{Range}", UriKind.Relative));
            if (!AccessRules.SignedIn(principal))
            {
                Assert.Equal(HttpStatusCode.Unauthorized, funnelResponse.StatusCode);
                Assert.Equal(HttpStatusCode.Unauthorized, coverageResponse.StatusCode);
                continue;
            }
            var funnel = (await funnelResponse.Content.ReadFromJsonAsync<FunnelTrendResult>(ApiWorld.Json))!;
            var coverage = (await coverageResponse.Content.ReadFromJsonAsync<CoverageTrendResult>(ApiWorld.Json))!;
            Assert.Equal(["2026-10", "2026-11"], funnel.Buckets.Select(b => b.Label));
            if (principal == ApiWorld.OtherAdmin)
            {
                // Their organization's one deal, none of ours.
                Assert.Equal([0, 1], funnel.Group.Select(f => f.Deals));
                Assert.NotNull(coverage.Group);
                continue;
            }
            var seen = ApiWorld.Owners.Where(o => AccessRules.CanSee(principal, o)).ToList();
            Assert.Equal([0, seen.Count], funnel.Group.Select(f => f.Deals));
            Assert.Equal(seen.Count, funnel.Group[1].Stages[0].Reached);
            Assert.Null(funnel.Member);
            if (AccessRules.IsRep(principal) || principal == ApiWorld.Admin)
            {
                // A rep's own goal, or the organization's for an admin: the line is there, no goal set.
                Assert.Equal([0L, seen.Sum(Amount) / 10], coverage.Group!.Select(p => p.WeightedPipelineMinor));
                Assert.All(coverage.Group!, p => Assert.Equal(CoverageStatus.NoGoal, p.Status));
            }
            else
            {
                // A manager who chose no team: no one goal covers their teams.
                Assert.Null(coverage.Group);
            }
        }
    }

    [Fact]
    public async Task ATeamOrMemberOutsideTheScope_IsNotFound_AndAChosenRepGetsTheirOwnLines()
    {
        await using var world = await ApiWorld.CreateAsync();
        async Task<HttpStatusCode> Status(string principal, string path, string query) =>
            (await world.Client(principal).GetAsync(new Uri($"/api/v1/analytics/{path}?{Range}&{query}", UriKind.Relative))).StatusCode;
        foreach (var path in (string[])["funnel-trend", "coverage-trend"])
        {
            Assert.Equal(HttpStatusCode.NotFound, await Status(ApiWorld.ManagerA, path, $"team={world.TeamIds[ApiWorld.TeamB]}"));
            Assert.Equal(HttpStatusCode.NotFound, await Status(ApiWorld.ManagerA, path, $"member={world.MemberIds[ApiWorld.RepB]}"));
            Assert.Equal(HttpStatusCode.NotFound, await Status(ApiWorld.Admin, path, $"team={world.TeamIds[ApiWorld.Foreign]}"));
            Assert.Equal(HttpStatusCode.NotFound, await Status(ApiWorld.RepA1, path, $"member={world.MemberIds[ApiWorld.RepA2]}"));
            Assert.Equal(HttpStatusCode.OK, await Status(ApiWorld.RepA1, path, $"member={world.MemberIds[ApiWorld.RepA1]}"));
        }
        var query = $"{Range}&team={world.TeamIds[ApiWorld.TeamA]}&member={world.MemberIds[ApiWorld.RepA2]}";
        var funnel = (await world.Client(ApiWorld.ManagerA).GetFromJsonAsync<FunnelTrendResult>(
            new Uri($"/api/v1/analytics/funnel-trend?{query}", UriKind.Relative), ApiWorld.Json))!;
        Assert.Equal([0, 1], funnel.Member!.Select(f => f.Deals));
        var coverage = (await world.Client(ApiWorld.ManagerA).GetFromJsonAsync<CoverageTrendResult>(
            new Uri($"/api/v1/analytics/coverage-trend?{query}", UriKind.Relative), ApiWorld.Json))!;
        Assert.NotNull(coverage.Group);
        Assert.Equal([0L, Amount(ApiWorld.RepA2) / 10], coverage.Member!.Select(p => p.WeightedPipelineMinor));
    }

    [Theory]
    [InlineData("bucket=2026-11-01", "stage")]
    [InlineData("bucket=2026-11-01&stage=999999", "stage")]
    [InlineData("stage=1", "bucket")]
    [InlineData("bucket=2026-11-01&stage=1&page=0", "page")]
    public async Task BadRecordsQuery_IsAFieldError(string query, string field)
    {
        await using var world = await ApiWorld.CreateAsync();
        var response = await world.Client(ApiWorld.Admin).GetAsync(new Uri($"/api/v1/analytics/funnel-trend/records?granularity=Month&{query}", UriKind.Relative));
        await WorkloadSettingsApiTests.AssertFieldErrorAsync(response, field);
    }

    [Fact]
    public async Task Records_AreTheDealsThatReachedTheStage_WithinTheScope()
    {
        await using var world = await ApiWorld.CreateAsync();
        long first, second;
        await using (var db = world.Host.Database.CreateContext(world.Host.OrgId))
        {
            var open = await db.PipelineStages.Where(s => s.ClosesAs == null).OrderBy(s => s.SortOrder).Select(s => s.Id).ToListAsync();
            (first, second) = (open[0], open[1]);
        }
        foreach (var principal in ApiWorld.Principals.Where(AccessRules.SignedIn).Where(p => p != ApiWorld.OtherAdmin))
        {
            var page = (await world.Client(principal).GetFromJsonAsync<TrendRecordPage>(
                new Uri($"/api/v1/analytics/funnel-trend/records?granularity=Month&bucket=2026-11-01&stage={first}", UriKind.Relative), ApiWorld.Json))!;
            Assert.Equal(ApiWorld.Owners.Where(o => AccessRules.CanSee(principal, o)).Select(o => world.DealIds[o]).Order(), page.Items.Select(r => r.Id).Order());
        }
        var none = (await world.Client(ApiWorld.Admin).GetFromJsonAsync<TrendRecordPage>(
            new Uri($"/api/v1/analytics/funnel-trend/records?granularity=Month&bucket=2026-11-01&stage={second}", UriKind.Relative), ApiWorld.Json))!;
        Assert.Equal(0, none.Total);
        Assert.Equal(HttpStatusCode.NotFound, (await world.Client(ApiWorld.RepA1).GetAsync(new Uri(
            $"/api/v1/analytics/funnel-trend/records?granularity=Month&bucket=2026-11-01&stage={first}&member={world.MemberIds[ApiWorld.RepA2]}", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Exports_EscapeFormulas_AndKeepTheScope()
    {
        await using var world = await ApiWorld.CreateAsync();
        await using (var db = world.Host.Database.CreateContext(world.Host.OrgId))
        {
            var rep = await db.Members.SingleAsync(m => m.Id == world.MemberIds[ApiWorld.RepA1]);
            rep.Name = "=HYPERLINK(\"http://evil.example\")";
            await db.SaveChangesAsync();
        }
        var manager = world.Client(ApiWorld.ManagerA);
        foreach (var view in (string[])["funnel", "coverage"])
        {
            var csv = await manager.GetAsync(new Uri(
                $"/analytics/explorer/{view}/export?format=csv&{Range}&team={world.TeamIds[ApiWorld.TeamA]}&member={world.MemberIds[ApiWorld.RepA1]}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
            var text = await csv.Content.ReadAsStringAsync();
            Assert.Contains("2026-11", text, StringComparison.Ordinal);
            Assert.Contains("'=HYPERLINK", text, StringComparison.Ordinal);
            Assert.DoesNotContain("\n=HYPERLINK", text, StringComparison.Ordinal);
            var xlsx = await manager.GetAsync(new Uri($"/analytics/explorer/{view}/export?format=xlsx&{Range}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync(new Uri(
                $"/analytics/explorer/{view}/export?team={world.TeamIds[ApiWorld.TeamB]}", UriKind.Relative))).StatusCode);
        }
    }
}
