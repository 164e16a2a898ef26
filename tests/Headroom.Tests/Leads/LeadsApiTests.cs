using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Headroom.Activities;
using Headroom.Leads;
using Headroom.Tests.Web;
using Headroom.Web.Leads;
using Microsoft.EntityFrameworkCore;

namespace Headroom.Tests.Leads;

[Trait("Category", "Integration")]
public class LeadsApiTests
{
    [Fact]
    public async Task Rep_CannotSetOrChangeTheOwner_AndNothingIsWritten()
    {
        await using var world = await ApiWorld.CreateAsync();
        await world.AddLeadsAsync();
        var rep = world.Client(ApiWorld.RepA1);
        var id = world.LeadIds[ApiWorld.RepA1];
        var version = await world.VersionAsync<Lead>(world.Host.OrgId, id);
        await AssertFieldErrorAsync(await rep.PutAsJsonAsync($"/api/v1/leads/{id}",
            new LeadRequest("renamed", null, null, null, null, 1, world.MemberIds[ApiWorld.RepA2], version), ApiWorld.Json), "ownerId");
        await AssertFieldErrorAsync(await rep.PostAsJsonAsync("/api/v1/leads",
            new LeadRequest("for a colleague", null, null, null, null, 1, world.MemberIds[ApiWorld.RepA2]), ApiWorld.Json), "ownerId");

        await using var db = world.Host.Database.CreateContext(world.Host.OrgId);
        var lead = await db.Leads.SingleAsync(l => l.Id == id);
        Assert.Equal(("lead of repA1", world.MemberIds[ApiWorld.RepA1], version), (lead.Name, lead.OwnerId, lead.Version));
        Assert.Equal(ApiWorld.Owners.Length, await db.Leads.CountAsync());
    }

    [Fact]
    public async Task Manager_GivesALead_OnlyToMembersInScope()
    {
        await using var world = await ApiWorld.CreateAsync();
        var manager = world.Client(ApiWorld.ManagerA);
        await AssertFieldErrorAsync(await manager.PostAsJsonAsync("/api/v1/leads",
            new LeadRequest("x", null, null, null, null, 1, world.MemberIds[ApiWorld.RepB]), ApiWorld.Json), "ownerId");
        await AssertFieldErrorAsync(await manager.PostAsJsonAsync("/api/v1/leads",
            new LeadRequest("x", null, null, null, null, 1, world.MemberIds[ApiWorld.OtherAdmin]), ApiWorld.Json), "ownerId");
        var inside = await manager.PostAsJsonAsync("/api/v1/leads", new LeadRequest("x", null, null, null, null, 1, world.MemberIds[ApiWorld.RepA2]), ApiWorld.Json);
        Assert.Equal(HttpStatusCode.Created, inside.StatusCode);
        Assert.Equal(world.MemberIds[ApiWorld.RepA2], (await inside.Content.ReadFromJsonAsync<LeadResponse>(ApiWorld.Json))!.OwnerId);
    }

    [Fact]
    public async Task Validation_NamesEachField()
    {
        await using var world = await ApiWorld.CreateAsync();
        var response = await world.Client(ApiWorld.Admin).PostAsJsonAsync("/api/v1/leads",
            new LeadRequest(" ", new string('x', 301), null, null, null, -1, null), ApiWorld.Json);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal("Required.", errors.GetProperty("name")[0].GetString());
        Assert.Equal("At most 300 characters.", errors.GetProperty("company")[0].GetString());
        Assert.Equal("Must not be negative.", errors.GetProperty("estimatedValueMinor")[0].GetString());
    }

    [Fact]
    public async Task Disqualifying_Works_ConvertingIsNotAStatusChange_AndStaleVersionsAre409()
    {
        await using var world = await ApiWorld.CreateAsync();
        await world.AddLeadsAsync();
        var rep = world.Client(ApiWorld.RepA1);
        var id = world.LeadIds[ApiWorld.RepA1];
        var version = await world.VersionAsync<Lead>(world.Host.OrgId, id);
        await AssertFieldErrorAsync(await rep.PostAsJsonAsync($"/api/v1/leads/{id}/status", new LeadStatusRequest(LeadStatus.Converted, version), ApiWorld.Json), "status");
        var disqualified = await rep.PostAsJsonAsync($"/api/v1/leads/{id}/status", new LeadStatusRequest(LeadStatus.Disqualified, version), ApiWorld.Json);
        Assert.Equal(LeadStatus.Disqualified, (await disqualified.Content.ReadFromJsonAsync<LeadResponse>(ApiWorld.Json))!.Status);
        Assert.Equal(HttpStatusCode.Conflict, (await rep.PostAsJsonAsync($"/api/v1/leads/{id}/status", new LeadStatusRequest(LeadStatus.Working, version), ApiWorld.Json)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await rep.PutAsJsonAsync($"/api/v1/leads/{id}",
            new LeadRequest("stale", null, null, null, null, 1, null, version), ApiWorld.Json)).StatusCode);

        var filtered = await rep.GetFromJsonAsync<LeadList>("/api/v1/leads?status=Disqualified", ApiWorld.Json);
        Assert.Equal([id], filtered!.Items.Select(l => l.Id).ToList());
    }

    [Fact]
    public async Task ALeadWithActivities_CannotBeDeleted()
    {
        await using var world = await ApiWorld.CreateAsync();
        await world.AddLeadsAsync();
        var id = world.LeadIds[ApiWorld.RepA1];
        await using (var db = world.Host.Database.CreateContext(world.Host.OrgId))
        {
            db.SalesActivities.Add(new SalesActivity { Type = ActivityType.Call, MemberId = world.MemberIds[ApiWorld.RepA1], LeadId = id, StartUtc = world.Host.Clock.GetUtcNow().UtcDateTime, DurationMinutes = 5 });
            await db.SaveChangesAsync();
        }
        var delete = await world.Client(ApiWorld.ManagerA).DeleteAsync(new Uri($"/api/v1/leads/{id}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Conflict, delete.StatusCode);
        await using var check = world.Host.Database.CreateContext(world.Host.OrgId);
        Assert.True(await check.Leads.AnyAsync(l => l.Id == id));
    }

    private static async Task AssertFieldErrorAsync(HttpResponseMessage response, string field)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{response.StatusCode}: {body}");
        Assert.True(JsonDocument.Parse(body).RootElement.GetProperty("errors").TryGetProperty(field, out _), body);
    }
}
