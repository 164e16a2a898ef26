using System.Net;
using System.Text.RegularExpressions;
using Headroom.Organizations;
using Headroom.Tests.Web;

namespace Headroom.Tests.Workload;

[Trait("Category", "Integration")]
public partial class WorkloadPagesTests
{
    [Fact]
    public async Task Manager_SeesOnlyTheirSubtreeInTheHeatmap_InChinese()
    {
        await using var world = await ApiWorld.CreateAsync();
        using var client = world.Host.CreateClient("zh-CN");
        await WebTestHost.SignInAsync(client, "managerA@example.com");
        var page = await client.GetStringAsync(new Uri("/workload", UriKind.Relative));
        Assert.Contains("工作负荷", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"/workload/{world.MemberIds[ApiWorld.RepA1]}\">repA1</a>", page, StringComparison.Ordinal);
        Assert.DoesNotContain(">repB</a>", page, StringComparison.Ordinal);
        Assert.Contains("谁还有余力", page, StringComparison.Ordinal);
        Assert.Contains("中位数", page, StringComparison.Ordinal);
        Assert.Contains("Team A", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Team B", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri($"/workload?teamId={world.TeamIds[ApiWorld.TeamB]}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri($"/workload/{world.MemberIds[ApiWorld.RepB]}", UriKind.Relative))).StatusCode);
        var member = await client.GetStringAsync(new Uri($"/workload/{world.MemberIds[ApiWorld.RepA1]}", UriKind.Relative));
        Assert.Contains("repA1的工作负荷", member, StringComparison.Ordinal);
        Assert.Contains("工作量构成", member, StringComparison.Ordinal);
        Assert.Contains("<svg", member, StringComparison.Ordinal); // the stacked bar chart renders on the server
    }

    [Fact]
    public async Task MemberPage_SaysWhichPartWeighsMost_AndWarnsOfWeeksOverloaded()
    {
        await using var world = await ApiWorld.CreateAsync();
        // Eight hours of meetings every day of last, this and next week (the clock is Monday 2 November 2026).
        await using (var db = world.Host.Database.CreateContext(world.Host.OrgId))
        {
            for (var day = 0; day < 21; day++)
            {
                db.SalesActivities.Add(new Headroom.Activities.SalesActivity
                {
                    MemberId = world.MemberIds[ApiWorld.RepA1], Type = Headroom.Activities.ActivityType.Meeting,
                    Outcome = Headroom.Activities.ActivityOutcome.Completed,
                    StartUtc = new DateTime(2026, 10, 26, 2, 0, 0, DateTimeKind.Utc).AddDays(day), DurationMinutes = 480,
                });
            }
            await db.SaveChangesAsync();
        }

        var page = await world.Client(ApiWorld.ManagerA).GetStringAsync(new Uri($"/workload/{world.MemberIds[ApiWorld.RepA1]}", UriKind.Relative));

        Assert.Contains("The largest part of this week&#x27;s load: Meetings and visits, 56.0 h", page, StringComparison.Ordinal);
        Assert.Contains("Overloaded 3 weeks running (", page, StringComparison.Ordinal);
        var quiet = await world.Client(ApiWorld.ManagerA).GetStringAsync(new Uri($"/workload/{world.MemberIds[ApiWorld.RepA2]}", UriKind.Relative));
        Assert.DoesNotContain("weeks running", quiet, StringComparison.Ordinal);
        using var chinese = world.Host.CreateClient("zh-CN");
        await WebTestHost.SignInAsync(chinese, "managerA@example.com");
        var inChinese = await chinese.GetStringAsync(new Uri($"/workload/{world.MemberIds[ApiWorld.RepA1]}", UriKind.Relative));
        Assert.Contains("本周负荷中占比最大的部分：会议与拜访，56.0 小时", inChinese, StringComparison.Ordinal);
        Assert.Contains("连续 3 周超负荷（", inChinese, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rep_SeesOnlyTheirOwnWorkload()
    {
        await using var world = await ApiWorld.CreateAsync();
        using var client = world.Host.CreateClient();
        await WebTestHost.SignInAsync(client, "repA1@example.com");
        var own = $"/workload/{world.MemberIds[ApiWorld.RepA1]}";
        var page = await client.GetStringAsync(new Uri(own, UriKind.Relative));
        Assert.Contains("Workload of repA1", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"{own}\"", page, StringComparison.Ordinal); // "My workload" in the nav
        Assert.Contains("My workload", page, StringComparison.Ordinal);
        foreach (var other in new[] { ApiWorld.RepA2, ApiWorld.ManagerA, ApiWorld.RepB, ApiWorld.OtherAdmin })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri($"/workload/{world.MemberIds[other]}", UriKind.Relative))).StatusCode);
        }
        var heatmap = await client.GetAsync(new Uri("/workload", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, heatmap.StatusCode);
        Assert.EndsWith(own, heatmap.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Heatmap_Pages25Members_AndSaysWhenATeamIsEmpty()
    {
        await using var world = await ApiWorld.CreateAsync();
        long empty;
        await using (var db = world.Host.Database.CreateContext(world.Host.OrgId))
        {
            for (var i = 0; i < 25; i++)
            {
                db.Members.Add(new Member { Name = $"member {i:00}", TeamId = world.TeamIds[ApiWorld.TeamA] });
            }
            var team = db.Teams.Add(new Team { Name = "Nobody yet" }).Entity;
            await db.SaveChangesAsync();
            empty = team.Id;
        }
        using var client = world.Host.CreateClient();
        await WebTestHost.SignInAsync(client, "managerA@example.com");
        // Team A: the manager, two reps, the disabled user's member and 25 more = 29 members.
        var first = await client.GetStringAsync(new Uri("/workload", UriKind.Relative));
        Assert.Equal(25, RowLinks().Count(first));
        Assert.Contains("Page 1 of 2", first, StringComparison.Ordinal);
        var second = await client.GetStringAsync(new Uri("/workload?page=2", UriKind.Relative));
        Assert.Equal(4, RowLinks().Count(second));
        Assert.DoesNotContain(">repB</a>", second, StringComparison.Ordinal);
        Assert.DoesNotContain("Nobody yet", first, StringComparison.Ordinal);

        using var admin = world.Host.CreateClient();
        await WebTestHost.SignInAsync(admin, "admin@example.com");
        var none = await admin.GetStringAsync(new Uri($"/workload?teamId={empty}", UriKind.Relative));
        Assert.Contains("No active members in this team.", none, StringComparison.Ordinal);
    }

    // Member links in the heatmap's rows (the who-has-room list is a second table).
    [GeneratedRegex(@"<th scope=""row""><a href=""/workload/\d+"">[^<]+</a></th>\s*<td class=""band")]
    private static partial Regex RowLinks();
}
