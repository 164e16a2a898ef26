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
            var alerts = (await response.Content.ReadFromJsonAsync<List<AlertResponse>>(ApiWorld.Json))!
                .Where(a => a.Kind == AlertKind.BurnoutRisk).ToList();
            Assert.Equal(expected[principal].Select(p => world.MemberIds[p]), alerts.Select(a => a.MemberId));
            Assert.All(alerts, a => Assert.True(a.Score >= BurnoutAlerts.Threshold && a.Message.Length > 0));
            Assert.All(alerts, a => Assert.Contains(a.Factors, f => f.Kind == RiskFactorKind.AfterHours && f.Points == 20 && f.Message.Length > 0));
        }

        var home = await world.Client(ApiWorld.ManagerA).GetStringAsync(new Uri("/", UriKind.Relative));
        Assert.Contains("burnout-heading", home, StringComparison.Ordinal);
        Assert.Contains($"/people/{world.MemberIds[ApiWorld.RepA1]}", home, StringComparison.Ordinal);
        var otherHome = await world.Client(ApiWorld.ManagerB).GetStringAsync(new Uri("/", UriKind.Relative));
        Assert.DoesNotContain("burnout-heading", otherHome, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WorkloadAlerts_NameTheOverloadedMemberAndTheTeammateWithRoom_ToWhoeverSeesThem()
    {
        await using var world = await ApiWorld.CreateAsync();
        // The clock is Monday 2 November 2026. Rep A1 has eight hours of meetings on every day of
        // last, this and next week: 56 h of meetings plus overhead against 40 h a week, overloaded
        // three weeks running. Everyone else in team A has only the overhead share; the reps among
        // them (the one whose sign-in is disabled is still an active member) have room, the
        // manager is not named.
        await using (var db = world.Host.Database.CreateContext(world.Host.OrgId))
        {
            var lastMonday = new DateTime(2026, 10, 26, 2, 0, 0, DateTimeKind.Utc);
            for (var day = 0; day < 21; day++)
            {
                db.SalesActivities.Add(new SalesActivity
                {
                    MemberId = world.MemberIds[ApiWorld.RepA1], Type = ActivityType.Meeting, Outcome = ActivityOutcome.Completed,
                    StartUtc = lastMonday.AddDays(day), DurationMinutes = 480,
                });
            }
            await db.SaveChangesAsync();
        }

        string[] noRoom = [];
        var expected = new Dictionary<string, (string[] Overloaded, string[] Room)>
        {
            [ApiWorld.Admin] = ([ApiWorld.RepA1], [ApiWorld.RepA2, ApiWorld.Disabled]),
            [ApiWorld.ManagerA] = ([ApiWorld.RepA1], [ApiWorld.RepA2, ApiWorld.Disabled]),
            [ApiWorld.ManagerB] = ([], noRoom),
            [ApiWorld.RepA1] = ([ApiWorld.RepA1], noRoom),
            [ApiWorld.RepA2] = ([], noRoom),
            [ApiWorld.RepB] = ([], noRoom),
            [ApiWorld.OtherAdmin] = ([], noRoom),
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
            var overloaded = alerts.Where(a => a.Kind == AlertKind.OverloadedWeeks).ToList();
            var room = alerts.Where(a => a.Kind == AlertKind.UnderloadedWhileOthersOverloaded).ToList();
            Assert.Equal(expected[principal].Overloaded.Select(p => world.MemberIds[p]), overloaded.Select(a => a.MemberId));
            Assert.Equal(expected[principal].Room.Select(p => world.MemberIds[p]).Order(), room.Select(a => a.MemberId).Order());
            Assert.All(overloaded, a =>
            {
                Assert.Equal((new DateOnly(2026, 10, 26), new DateOnly(2026, 11, 15)), (a.From, a.To));
                Assert.True(a.Utilization > 1.15);
                Assert.Contains("3", a.Message, StringComparison.Ordinal);
            });
            Assert.All(room, a => Assert.Equal([world.MemberIds[ApiWorld.RepA1]], a.Related.Select(r => r.MemberId)));
        }

        var home = await world.Client(ApiWorld.ManagerA).GetStringAsync(new Uri("/", UriKind.Relative));
        Assert.Contains("workload-alerts-heading", home, StringComparison.Ordinal);
        Assert.Contains($"/workload/{world.MemberIds[ApiWorld.RepA1]}", home, StringComparison.Ordinal);
        var otherHome = await world.Client(ApiWorld.ManagerB).GetStringAsync(new Uri("/", UriKind.Relative));
        Assert.DoesNotContain("workload-alerts-heading", otherHome, StringComparison.Ordinal);
    }
}
