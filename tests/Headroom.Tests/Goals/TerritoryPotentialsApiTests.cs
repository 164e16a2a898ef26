using System.Net;
using System.Net.Http.Json;
using Headroom.Goals;
using Headroom.Tests.Members;
using Headroom.Tests.Web;
using Headroom.Web.Goals;
using Microsoft.EntityFrameworkCore;

namespace Headroom.Tests.Goals;

[Trait("Category", "Integration")]
public class TerritoryPotentialsApiTests
{
    private const string Url = "/api/v1/goals/territories";

    private static async Task SetTerritoriesAsync(ApiWorld world)
    {
        await using var db = world.Host.Database.CreateContext(world.Host.OrgId);
        (await db.Members.SingleAsync(m => m.Id == world.MemberIds[ApiWorld.RepA1])).Territories = ["上海"];
        (await db.Members.SingleAsync(m => m.Id == world.MemberIds[ApiWorld.RepA2])).Territories = ["上海", "江苏"];
        (await db.Members.SingleAsync(m => m.Id == world.MemberIds[ApiWorld.RepB])).Territories = ["浙江"];
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Admin_ReplacesThePotentials_ManagersRead_RepsAreRefused()
    {
        await using var world = await ApiWorld.CreateAsync();
        await SetTerritoriesAsync(world);
        var admin = world.Client(ApiWorld.Admin);
        var empty = await admin.GetFromJsonAsync<TerritoryPotentials>(Url, ApiWorld.Json);
        Assert.Empty(empty!.Territories!);
        Assert.Equal(["上海", "江苏", "浙江"], empty.Known!.Order(StringComparer.Ordinal));

        var saved = await admin.PutAsJsonAsync(Url, new TerritoryPotentials(
            [new("上海", 600_00), new(" 江苏 ", 300_00), new("安徽", 50_00)], empty.Version), ApiWorld.Json);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var after = await saved.Content.ReadFromJsonAsync<TerritoryPotentials>(ApiWorld.Json);
        Assert.Equal(3, after!.Territories!.Count);
        Assert.Contains(after.Territories, t => t is { Territory: "江苏", PotentialMinor: 300_00 });
        Assert.Equal(["浙江"], after.Known);

        // The whole list is replaced: 安徽 goes, 上海 changes.
        var replaced = await admin.PutAsJsonAsync(Url, new TerritoryPotentials([new("上海", 700_00), new("江苏", 300_00)], after.Version), ApiWorld.Json);
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        // The version read before is stale now.
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PutAsJsonAsync(Url, new TerritoryPotentials([], after.Version), ApiWorld.Json)).StatusCode);

        var manager = await world.Client(ApiWorld.ManagerA).GetFromJsonAsync<TerritoryPotentials>(Url, ApiWorld.Json);
        Assert.Equal([("上海", 700_00L), ("江苏", 300_00L)], manager!.Territories!.Select(t => (t.Territory!, t.PotentialMinor!.Value)).OrderBy(t => t.Item2).Reverse());
        Assert.Equal(HttpStatusCode.Forbidden, (await world.Client(ApiWorld.ManagerA).PutAsJsonAsync(Url, new TerritoryPotentials([], manager.Version), ApiWorld.Json)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await world.Client(ApiWorld.RepA1).GetAsync(new Uri(Url, UriKind.Relative))).StatusCode);
        // Another organization has its own, empty list.
        var other = await world.Client(ApiWorld.OtherAdmin).GetFromJsonAsync<TerritoryPotentials>(Url, ApiWorld.Json);
        Assert.Empty(other!.Territories!);
    }

    [Fact]
    public async Task BadLines_NameTheLineAndField_AndNothingIsSaved()
    {
        await using var world = await ApiWorld.CreateAsync();
        var admin = world.Client(ApiWorld.Admin);
        var version = (await admin.GetFromJsonAsync<TerritoryPotentials>(Url, ApiWorld.Json))!.Version;

        await ProblemAssert.FieldErrorAsync(await admin.PutAsJsonAsync(Url, new TerritoryPotentials([new("NY", 1), new("ny", 2)], version), ApiWorld.Json), "territories[1].territory");
        await ProblemAssert.FieldErrorAsync(await admin.PutAsJsonAsync(Url, new TerritoryPotentials([new("NY", 1), new("NJ", -5)], version), ApiWorld.Json), "territories[1].potentialMinor");
        await ProblemAssert.FieldErrorAsync(await admin.PutAsJsonAsync(Url, new TerritoryPotentials([new("", 5)], version), ApiWorld.Json), "territories[0].territory");
        await ProblemAssert.FieldErrorAsync(await admin.PutAsJsonAsync(Url, new TerritoryPotentials([new(new string('x', 101), 5)], version), ApiWorld.Json), "territories[0].territory");
        await ProblemAssert.FieldErrorAsync(await admin.PutAsJsonAsync(Url, new TerritoryPotentials([new("NY", 5)], null), ApiWorld.Json), "version");

        await using var db = world.Host.Database.CreateContext(world.Host.OrgId);
        Assert.False(await db.TerritoryPotentials.AnyAsync());
    }

    [Fact]
    public async Task Cascade_ByTerritoryPotential_SplitsSharedTerritories_AndNamesUncoveredOnes()
    {
        await using var world = await ApiWorld.CreateAsync();
        await SetTerritoriesAsync(world);
        var admin = world.Client(ApiWorld.Admin);
        var version = (await admin.GetFromJsonAsync<TerritoryPotentials>(Url, ApiWorld.Json))!.Version;
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync(Url, new TerritoryPotentials(
            [new("上海", 600_00), new("江苏", 300_00), new("浙江", 100_00), new("安徽", 50_00)], version), ApiWorld.Json)).StatusCode);
        var goal = await (await admin.PostAsJsonAsync("/api/v1/goals", new GoalRequest(
            "Q4 revenue", "Revenue of the quarter", null, GoalOwnerKind.Organization, null, null, GoalMetric.WonRevenue, null,
            GoalPeriodKind.Quarter, new DateOnly(2026, 11, 15), null, 1_000_000_00, null, null), ApiWorld.Json)).Content.ReadFromJsonAsync<GoalDetail>(ApiWorld.Json);

        var plan = await (await admin.PostAsJsonAsync($"/api/v1/goals/{goal!.Goal.Id}/cascade",
            new CascadeRequest(CascadeMethod.TerritoryPotential, GoalOwnerKind.Team), ApiWorld.Json)).Content.ReadFromJsonAsync<CascadePlan>(ApiWorld.Json);
        // Team A: half of 上海 for each of its two reps (600) and all of 江苏 (300); team B: 浙江 (100).
        Assert.Equal([(world.TeamIds[ApiWorld.TeamA], 900_00.0, 900_000_00L), (world.TeamIds[ApiWorld.TeamB], 100_00.0, 100_000_00L)],
            plan!.Lines.Select(l => (l.TeamId!.Value, l.Weight, l.Target)));
        Assert.Equal(["安徽"], plan.UncoveredTerritories);
        Assert.False(plan.FellBackToEven);

        var reps = await (await admin.PostAsJsonAsync($"/api/v1/goals/{goal.Goal.Id}/cascade",
            new CascadeRequest(CascadeMethod.TerritoryPotential, GoalOwnerKind.Member), ApiWorld.Json)).Content.ReadFromJsonAsync<CascadePlan>(ApiWorld.Json);
        var byMember = reps!.Lines.ToDictionary(l => l.MemberId!.Value, l => l.Target);
        Assert.Equal((300_000_00L, 600_000_00L, 100_000_00L),
            (byMember[world.MemberIds[ApiWorld.RepA1]], byMember[world.MemberIds[ApiWorld.RepA2]], byMember[world.MemberIds[ApiWorld.RepB]]));
        Assert.Equal(1_000_000_00L, byMember.Values.Sum());
    }

    [Fact]
    public async Task SettingsPage_ListsKnownTerritories_AndSavesTheTable()
    {
        await using var world = await ApiWorld.CreateAsync();
        await SetTerritoriesAsync(world);
        using var client = world.Host.CreateClient();
        await WebTestHost.SignInAsync(client, "admin@example.com");
        var page = await client.GetStringAsync(new Uri("/settings/goals", UriKind.Relative));
        Assert.Contains("Territory potential", page, StringComparison.Ordinal);
        Assert.Contains("value=\"江苏\"", page, StringComparison.Ordinal);

        Dictionary<string, string> Fields(string shanghai) => new()
        {
            ["_handler"] = "territories", ["Potentials.Version"] = "1",
            ["Potentials.Rows[0].Territory"] = "上海", ["Potentials.Rows[0].Potential"] = shanghai,
            ["Potentials.Rows[1].Territory"] = "江苏", ["Potentials.Rows[1].Potential"] = "",
            ["Potentials.Rows[2].Territory"] = "浙江", ["Potentials.Rows[2].Potential"] = "1,500",
        };
        await using (var db = world.Host.Database.CreateContext(world.Host.OrgId))
        {
            var version = await db.Organizations.Where(o => o.Id == world.Host.OrgId).Select(o => o.Version).SingleAsync();
            var invalid = Fields("lots");
            invalid["Potentials.Version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var refused = await (await WebTestHost.PostFormAsync(client, "/settings/goals", "/settings/goals", invalid)).Content.ReadAsStringAsync();
            Assert.Contains("<span class=\"field-error\">", refused, StringComparison.Ordinal);
            Assert.False(await db.TerritoryPotentials.AnyAsync());

            var valid = Fields("2,000");
            valid["Potentials.Version"] = invalid["Potentials.Version"];
            Assert.Equal(HttpStatusCode.Redirect, (await WebTestHost.PostFormAsync(client, "/settings/goals", "/settings/goals", valid)).StatusCode);
            // A row without a potential is left out.
            Assert.Equal([("上海", 2_000_00L), ("浙江", 1_500_00L)],
                (await db.TerritoryPotentials.OrderBy(t => t.PotentialMinor).ToListAsync()).Select(t => (t.Territory, t.PotentialMinor)).Reverse());
        }
    }
}
