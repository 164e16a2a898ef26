using Headroom.Analytics;
using Headroom.Organizations;
using Headroom.Tests.Demo;
using Microsoft.EntityFrameworkCore;

namespace Headroom.Tests.Analytics;

// The grouped query must give every member exactly what SalesMetrics gives them one by one, on
// demo data with won and lost deals, open pipeline, activity of every type and feedback.
[Trait("Category", "Integration")]
public sealed class MemberSalesMetricsTests(DemoFixture fixture) : IClassFixture<DemoFixture>
{
    [Theory]
    [InlineData(2026, 7, 1, 2026, 10, 1)]
    [InlineData(2026, 10, 1, 2026, 11, 1)]
    [InlineData(2020, 1, 1, 2020, 2, 1)]
    public async Task EveryMember_MatchesSalesMetricsOneByOne(int y1, int m1, int d1, int y2, int m2, int d2)
    {
        await using var db = fixture.CreateContext();
        var scope = AccessScope.WholeOrganization();
        var period = MetricsPeriod.Of(new DateOnly(y1, m1, d1), new DateOnly(y2, m2, d2), TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));
        var ids = await db.Members.Select(m => m.Id).ToListAsync();

        var grouped = await MemberSalesMetrics.LoadAsync(db, scope, period, ids);

        Assert.Equal(ids.Order(), grouped.Keys.Order());
        var compared = 0;
        foreach (var id in ids)
        {
            var one = await SalesMetrics.LoadAsync(db, scope, period, id);
            var many = grouped[id];
            Assert.Equal(one with { Activities = [], Feedback = one.Feedback }, many with { Activities = [], Feedback = one.Feedback });
            Assert.Equal(one.Activities, many.Activities);
            Assert.Equal(one.Feedback, many.Feedback);
            compared += one.DealsWon + one.Activities.Count;
        }
        if (y1 == 2026)
        {
            Assert.True(compared > 0, "the demo period should have won deals or activity to compare");
        }
    }

    [Fact]
    public async Task AManagersScope_LeavesOutMembersOutsideIt()
    {
        await using var db = fixture.CreateContext();
        var manager = await db.Members.Where(m => m.Role == MemberRole.Manager && m.Team!.ParentTeamId != null).Select(m => m.Id).FirstAsync();
        var scope = await AccessScope.ForMemberAsync(db, manager);
        var outside = await db.Members.Where(m => m.Role == MemberRole.Rep).Select(m => m.Id).Except(scope.Members(db).Select(m => m.Id)).FirstAsync();
        var period = MetricsPeriod.Of(new DateOnly(2025, 11, 1), new DateOnly(2026, 11, 1), TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));

        var grouped = await MemberSalesMetrics.LoadAsync(db, scope, period, [outside]);

        Assert.Equal(0, grouped[outside].DealsWon + grouped[outside].OpenDeals + grouped[outside].Activities.Count + grouped[outside].Feedback.Count);
        var everything = await MemberSalesMetrics.LoadAsync(db, AccessScope.WholeOrganization(), period, [outside]);
        Assert.True(everything[outside].DealsWon + everything[outside].Activities.Count > 0);
    }
}
