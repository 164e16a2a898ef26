using System.Net;
using System.Net.Http.Json;
using Headroom.Activities;
using Headroom.Tests.Web;
using Headroom.Web.Wellbeing;
using Headroom.Wellbeing;

namespace Headroom.Tests.Wellbeing;

[Trait("Category", "Integration")]
public sealed class AlertsApiTests
{
    [Fact]
    public async Task BurnoutAlert_NamesTheMemberForWhoeverSeesThem_AndShowsOnTheManagersHome()
    {
        await using var world = await ApiWorld.CreateAsync();
        // Rep A1 worked 4 hours from 21:00 Shanghai time every evening of the last four weeks and
        // has no leave on record: after hours, rest days, the run of days and leave all count.
        await using (var db = world.Host.Database.CreateContext(world.Host.OrgId))
        {
            var today = world.Host.Clock.GetUtcNow().UtcDateTime.Date;
            for (var day = 1; day < BurnoutRiskScorer.WindowDays; day++)
            {
                db.SalesActivities.Add(new SalesActivity
                {
                    MemberId = world.MemberIds[ApiWorld.RepA1], Type = ActivityType.Call, Outcome = ActivityOutcome.Completed,
                    StartUtc = DateTime.SpecifyKind(today.AddDays(-day).AddHours(13), DateTimeKind.Utc), DurationMinutes = 240,
                });
            }
            await db.SaveChangesAsync();
        }

        var expected = new Dictionary<string, string[]>
        {
            [ApiWorld.Admin] = [ApiWorld.RepA1], [ApiWorld.ManagerA] = [ApiWorld.RepA1], [ApiWorld.ManagerB] = [],
            [ApiWorld.RepA1] = [ApiWorld.RepA1], [ApiWorld.RepA2] = [], [ApiWorld.RepB] = [], [ApiWorld.OtherAdmin] = [],
        };
        foreach (var principal in ApiWorld.Principals)
        {
            var response = await world.Client(principal).GetAsync(new Uri("/api/v1/alerts", UriKind.Relative));
            if (!AccessRules.SignedIn(principal))
            {
                Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
                continue;
            }
            var alerts = (await response.Content.ReadFromJsonAsync<List<AlertResponse>>(ApiWorld.Json))!;
            Assert.Equal(expected[principal].Select(p => world.MemberIds[p]), alerts.Select(a => a.MemberId));
            Assert.All(alerts, a => Assert.True(a.Score >= BurnoutAlerts.Threshold));
            Assert.All(alerts, a => Assert.Contains(a.Factors, f => f.Kind == RiskFactorKind.AfterHours && f.Points == 20 && f.Message.Length > 0));
        }

        var home = await world.Client(ApiWorld.ManagerA).GetStringAsync(new Uri("/", UriKind.Relative));
        Assert.Contains("burnout-heading", home, StringComparison.Ordinal);
        Assert.Contains($"/people/{world.MemberIds[ApiWorld.RepA1]}", home, StringComparison.Ordinal);
        var otherHome = await world.Client(ApiWorld.ManagerB).GetStringAsync(new Uri("/", UriKind.Relative));
        Assert.DoesNotContain("burnout-heading", otherHome, StringComparison.Ordinal);
    }
}
