using System.Net;
using Headroom.Tests.Web;

namespace Headroom.Tests.Workload;

[Trait("Category", "Integration")]
public class WorkloadPagesTests
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
}
