using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Headroom.FollowUps;
using Headroom.Tests.Web;
using Headroom.Web.FollowUps;
using Microsoft.EntityFrameworkCore;

namespace Headroom.Tests.FollowUps;

[Trait("Category", "Integration")]
public class FollowUpsApiTests
{
    [Fact]
    public async Task Rep_CannotAssignToSomeoneElse_AndNothingIsWritten()
    {
        await using var world = await ApiWorld.CreateAsync();
        await world.AddActivitiesAndFollowUpsAsync();
        var rep = world.Client(ApiWorld.RepA1);
        var due = world.Host.Clock.GetUtcNow().UtcDateTime.AddDays(1);
        await AssertFieldErrorAsync(await rep.PostAsJsonAsync("/api/v1/followups",
            new FollowUpRequest("for a colleague", due, 1, null, null, null, null, world.MemberIds[ApiWorld.RepA2]), ApiWorld.Json), "assigneeId");
        var id = world.FollowUpIds[ApiWorld.RepA1];
        var version = await world.VersionAsync<FollowUp>(world.Host.OrgId, id);
        await AssertFieldErrorAsync(await rep.PutAsJsonAsync($"/api/v1/followups/{id}",
            new FollowUpRequest("handed on", due, 1, null, null, null, null, world.MemberIds[ApiWorld.RepA2], version), ApiWorld.Json), "assigneeId");

        await using var db = world.Host.Database.CreateContext(world.Host.OrgId);
        Assert.Equal(ApiWorld.Owners.Length, await db.FollowUps.CountAsync());
        var followUp = await db.FollowUps.SingleAsync(f => f.Id == id);
        Assert.Equal((world.MemberIds[ApiWorld.RepA1], "follow-up of repA1", version), (followUp.AssigneeId, followUp.Title, followUp.Version));
    }

    [Fact]
    public async Task Manager_AssignsOnlyToMembersInScope_AndForeignIdsAreFieldErrors()
    {
        await using var world = await ApiWorld.CreateAsync();
        var manager = world.Client(ApiWorld.ManagerA);
        var due = world.Host.Clock.GetUtcNow().UtcDateTime.AddDays(1);
        var inside = await manager.PostAsJsonAsync("/api/v1/followups",
            new FollowUpRequest("call back", due, 1, FollowUpPriority.High, world.AccountIds[ApiWorld.RepA1], null, null, world.MemberIds[ApiWorld.RepA1]), ApiWorld.Json);
        Assert.Equal(HttpStatusCode.Created, inside.StatusCode);
        await AssertFieldErrorAsync(await manager.PostAsJsonAsync("/api/v1/followups",
            new FollowUpRequest("call back", due, 1, null, null, null, null, world.MemberIds[ApiWorld.RepB]), ApiWorld.Json), "assigneeId");
        await AssertFieldErrorAsync(await manager.PostAsJsonAsync("/api/v1/followups",
            new FollowUpRequest("call back", due, 1, null, null, null, null, world.MemberIds[ApiWorld.OtherAdmin]), ApiWorld.Json), "assigneeId");
        await AssertFieldErrorAsync(await manager.PostAsJsonAsync("/api/v1/followups",
            new FollowUpRequest("call back", due, 1, null, null, world.DealIds[ApiWorld.Foreign], null), ApiWorld.Json), "dealId");
        await AssertFieldErrorAsync(await manager.PostAsJsonAsync("/api/v1/followups",
            new FollowUpRequest("call back", due, 1, null, world.AccountIds[ApiWorld.RepB], null, null), ApiWorld.Json), "accountId");

        await using var db = world.Host.Database.CreateContext(world.Host.OrgId);
        Assert.Equal(1, await db.FollowUps.CountAsync());
    }

    [Fact]
    public async Task Views_SplitOpenFollowUps_IntoOverdueAndDueToday_InTheCallersTimeZone()
    {
        await using var world = await ApiWorld.CreateAsync();
        var now = world.Host.Clock.GetUtcNow().UtcDateTime;
        // The organization is in Asia/Shanghai (UTC+8): today ends at 16:00 UTC.
        var endOfToday = now.Date.AddHours(16);
        Assert.True(now < endOfToday);
        var rep = world.Client(ApiWorld.RepA1);
        async Task<long> AddAsync(string title, DateTime due)
        {
            var response = await rep.PostAsJsonAsync("/api/v1/followups", new FollowUpRequest(title, due, 1, null, null, null, null), ApiWorld.Json);
            return (await response.Content.ReadFromJsonAsync<FollowUpResponse>(ApiWorld.Json))!.Id;
        }
        var overdue = await AddAsync("overdue", now.AddHours(-1));
        var dueToday = await AddAsync("later today", endOfToday.AddMinutes(-1));
        var tomorrow = await AddAsync("tomorrow", endOfToday.AddMinutes(1));
        var finished = await AddAsync("finished", now.AddDays(-2));
        var version = await world.VersionAsync<FollowUp>(world.Host.OrgId, finished);
        var done = await rep.PostAsJsonAsync($"/api/v1/followups/{finished}/done", new MarkDoneRequest(version), ApiWorld.Json);
        var doneBody = await done.Content.ReadFromJsonAsync<FollowUpResponse>(ApiWorld.Json);
        Assert.Equal((FollowUpStatus.Done, now), (doneBody!.Status, doneBody.CompletedUtc!.Value));

        async Task<List<long>> ViewAsync(string view) =>
            (await rep.GetFromJsonAsync<FollowUpList>($"/api/v1/followups?view={view}", ApiWorld.Json))!.Items.Select(f => f.Id).ToList();
        Assert.Equal([overdue], await ViewAsync("Overdue"));
        Assert.Equal([dueToday], await ViewAsync("Due"));
        Assert.Equal([finished, overdue, dueToday, tomorrow], await ViewAsync("Mine"));
    }

    [Fact]
    public async Task MarkDone_NeedsTheCurrentVersion()
    {
        await using var world = await ApiWorld.CreateAsync();
        await world.AddActivitiesAndFollowUpsAsync();
        var rep = world.Client(ApiWorld.RepA1);
        var id = world.FollowUpIds[ApiWorld.RepA1];
        var version = await world.VersionAsync<FollowUp>(world.Host.OrgId, id);

        await AssertFieldErrorAsync(await rep.PostAsJsonAsync($"/api/v1/followups/{id}/done", new MarkDoneRequest(null), ApiWorld.Json), "version");
        Assert.Equal(HttpStatusCode.Conflict, (await rep.PostAsJsonAsync($"/api/v1/followups/{id}/done", new MarkDoneRequest(version - 1), ApiWorld.Json)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await rep.PostAsJsonAsync($"/api/v1/followups/{id}/done", new MarkDoneRequest(version), ApiWorld.Json)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await rep.PostAsJsonAsync($"/api/v1/followups/{id}/done", new MarkDoneRequest(version), ApiWorld.Json)).StatusCode);
    }

    [Fact]
    public async Task Validation_NamesEachField()
    {
        await using var world = await ApiWorld.CreateAsync();
        var response = await world.Client(ApiWorld.RepA1).PostAsJsonAsync("/api/v1/followups",
            new FollowUpRequest(" ", null, -1, null, null, null, null), ApiWorld.Json);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal("Required.", errors.GetProperty("title")[0].GetString());
        Assert.Equal("Required.", errors.GetProperty("dueUtc")[0].GetString());
        Assert.Equal("Between 0 and 1,000 hours.", errors.GetProperty("effortHours")[0].GetString());
    }

    private static async Task AssertFieldErrorAsync(HttpResponseMessage response, string field)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{response.StatusCode}: {body}");
        Assert.True(JsonDocument.Parse(body).RootElement.GetProperty("errors").TryGetProperty(field, out _), body);
    }
}
