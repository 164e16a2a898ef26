using System.Net;
using System.Net.Http.Json;
using Headroom.Organizations;
using Headroom.Tests.Web;
using Headroom.Web.Api;
using Headroom.Web.Members;

namespace Headroom.Tests.Members;

[Trait("Category", "Integration")]
public class MembersTimeOffApiTests
{
    [Fact]
    public async Task Leave_IsListedLatestFirst_AndRefusesBadRangesAndOverlaps()
    {
        await using var world = await ApiWorld.CreateAsync();
        var manager = world.Client(ApiWorld.ManagerA);
        var path = $"/api/v1/members/{world.MemberIds[ApiWorld.RepA2]}/timeoff";
        Assert.Equal(HttpStatusCode.Created, (await manager.PostAsJsonAsync(path, new TimeOffRequest(new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 5), TimeOffKind.Vacation, null), ApiWorld.Json)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await manager.PostAsJsonAsync(path, new TimeOffRequest(new DateOnly(2026, 12, 6), new DateOnly(2026, 12, 6), TimeOffKind.Sick, "flu"), ApiWorld.Json)).StatusCode);

        await ProblemAssert.FieldErrorAsync(await manager.PostAsJsonAsync(path, new TimeOffRequest(new DateOnly(2026, 12, 10), new DateOnly(2026, 12, 9), null, null), ApiWorld.Json), "endDate");
        await ProblemAssert.FieldErrorAsync(await manager.PostAsJsonAsync(path, new TimeOffRequest(new DateOnly(2026, 11, 28), new DateOnly(2026, 12, 1), null, null), ApiWorld.Json), "startDate");
        await ProblemAssert.FieldErrorAsync(await manager.PostAsJsonAsync(path, new TimeOffRequest(new DateOnly(2026, 12, 6), new DateOnly(2026, 12, 6), null, null), ApiWorld.Json), "startDate");
        await ProblemAssert.FieldErrorAsync(await manager.PostAsJsonAsync(path, new TimeOffRequest(null, new DateOnly(2026, 12, 6), null, null), ApiWorld.Json), "startDate");
        await ProblemAssert.FieldErrorAsync(await manager.PostAsJsonAsync(path, new TimeOffRequest(new DateOnly(2026, 1, 1), new DateOnly(2027, 6, 1), null, null), ApiWorld.Json), "endDate");

        var list = await manager.GetFromJsonAsync<PagedList<TimeOffResponse>>(path, ApiWorld.Json);
        Assert.Equal([new DateOnly(2026, 12, 6), new DateOnly(2026, 12, 1)], list!.Items.Select(t => t.StartDate));
        Assert.Equal((TimeOffKind.Sick, "flu"), (list.Items[0].Kind, list.Items[0].Note));

        // Another member's leave id under this member's path is not found.
        var other = await (await manager.PostAsJsonAsync($"/api/v1/members/{world.MemberIds[ApiWorld.RepA1]}/timeoff",
            new TimeOffRequest(new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 1), null, null), ApiWorld.Json)).Content.ReadFromJsonAsync<TimeOffResponse>(ApiWorld.Json);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.DeleteAsync(new Uri($"{path}/{other!.Id}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await manager.DeleteAsync(new Uri($"{path}/{list.Items[0].Id}", UriKind.Relative))).StatusCode);
    }
}
