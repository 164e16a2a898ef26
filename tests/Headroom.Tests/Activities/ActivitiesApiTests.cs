using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Headroom.Activities;
using Headroom.Leads;
using Headroom.Tests.Web;
using Headroom.Web.Activities;
using Microsoft.EntityFrameworkCore;

namespace Headroom.Tests.Activities;

[Trait("Category", "Integration")]
public class ActivitiesApiTests
{
    [Fact]
    public async Task Rep_CannotLogAsAnotherMember_AndNothingIsWritten()
    {
        await using var world = await ApiWorld.CreateAsync();
        await world.AddActivitiesAndFollowUpsAsync();
        var rep = world.Client(ApiWorld.RepA1);
        var start = world.Host.Clock.GetUtcNow().UtcDateTime;
        var account = world.AccountIds[ApiWorld.RepA1];

        await AssertFieldErrorAsync(await rep.PostAsJsonAsync("/api/v1/activities",
            new ActivityRequest(ActivityType.Visit, start, 30, null, null, account, null, null, world.MemberIds[ApiWorld.RepA2]), ApiWorld.Json), "memberId");
        var id = world.ActivityIds[ApiWorld.RepA1];
        var version = await world.VersionAsync<SalesActivity>(world.Host.OrgId, id);
        await AssertFieldErrorAsync(await rep.PutAsJsonAsync($"/api/v1/activities/{id}",
            new ActivityRequest(ActivityType.Visit, start, 30, null, "moved", account, null, null, world.MemberIds[ApiWorld.ManagerA], version), ApiWorld.Json), "memberId");

        await using var db = world.Host.Database.CreateContext(world.Host.OrgId);
        Assert.Equal(ApiWorld.Owners.Length, await db.SalesActivities.CountAsync());
        var activity = await db.SalesActivities.SingleAsync(a => a.Id == id);
        Assert.Equal((world.MemberIds[ApiWorld.RepA1], "call of repA1", version), (activity.MemberId, activity.Notes, activity.Version));
    }

    [Fact]
    public async Task Manager_LogsForMembersInScope_Only()
    {
        await using var world = await ApiWorld.CreateAsync();
        var manager = world.Client(ApiWorld.ManagerA);
        var start = world.Host.Clock.GetUtcNow().UtcDateTime;
        var account = world.AccountIds[ApiWorld.RepA1];

        var inside = await manager.PostAsJsonAsync("/api/v1/activities",
            new ActivityRequest(ActivityType.Meeting, start, 60, null, null, account, null, null, world.MemberIds[ApiWorld.RepA2]), ApiWorld.Json);
        Assert.Equal(HttpStatusCode.Created, inside.StatusCode);
        Assert.Equal(world.MemberIds[ApiWorld.RepA2], (await inside.Content.ReadFromJsonAsync<ActivityResponse>(ApiWorld.Json))!.MemberId);
        await AssertFieldErrorAsync(await manager.PostAsJsonAsync("/api/v1/activities",
            new ActivityRequest(ActivityType.Meeting, start, 60, null, null, account, null, null, world.MemberIds[ApiWorld.RepB]), ApiWorld.Json), "memberId");
        await AssertFieldErrorAsync(await manager.PostAsJsonAsync("/api/v1/activities",
            new ActivityRequest(ActivityType.Meeting, start, 60, null, null, account, null, null, world.MemberIds[ApiWorld.OtherAdmin]), ApiWorld.Json), "memberId");
    }

    [Fact]
    public async Task ForeignOrOutOfScopeIds_InTheBody_AreFieldErrors_AndNothingIsWritten()
    {
        await using var world = await ApiWorld.CreateAsync();
        long foreignLead, otherRepsLead;
        await using (var other = world.Host.Database.CreateContext(world.OtherOrgId))
        {
            other.Leads.Add(new Lead { Name = "foreign lead" });
            await other.SaveChangesAsync();
            foreignLead = await other.Leads.Select(l => l.Id).SingleAsync();
        }
        await using (var db = world.Host.Database.CreateContext(world.Host.OrgId))
        {
            db.Leads.Add(new Lead { Name = "lead of repA2", OwnerId = world.MemberIds[ApiWorld.RepA2] });
            await db.SaveChangesAsync();
            otherRepsLead = await db.Leads.Select(l => l.Id).SingleAsync();
        }
        var start = world.Host.Clock.GetUtcNow().UtcDateTime;
        var admin = world.Client(ApiWorld.Admin);
        await AssertFieldErrorAsync(await admin.PostAsJsonAsync("/api/v1/activities",
            new ActivityRequest(ActivityType.Call, start, 5, null, null, world.AccountIds[ApiWorld.Foreign], null, null), ApiWorld.Json), "accountId");
        await AssertFieldErrorAsync(await admin.PostAsJsonAsync("/api/v1/activities",
            new ActivityRequest(ActivityType.Call, start, 5, null, null, null, world.DealIds[ApiWorld.Foreign], null), ApiWorld.Json), "dealId");
        await AssertFieldErrorAsync(await admin.PostAsJsonAsync("/api/v1/activities",
            new ActivityRequest(ActivityType.Call, start, 5, null, null, null, null, foreignLead), ApiWorld.Json), "leadId");
        var rep = world.Client(ApiWorld.RepA1);
        await AssertFieldErrorAsync(await rep.PostAsJsonAsync("/api/v1/activities",
            new ActivityRequest(ActivityType.Call, start, 5, null, null, null, world.DealIds[ApiWorld.RepA2], null), ApiWorld.Json), "dealId");
        await AssertFieldErrorAsync(await rep.PostAsJsonAsync("/api/v1/activities",
            new ActivityRequest(ActivityType.Call, start, 5, null, null, null, null, otherRepsLead), ApiWorld.Json), "leadId");
        // A deal of another account than the one named.
        await AssertFieldErrorAsync(await admin.PostAsJsonAsync("/api/v1/activities",
            new ActivityRequest(ActivityType.Call, start, 5, null, null, world.AccountIds[ApiWorld.RepA1], world.DealIds[ApiWorld.RepA2], null), ApiWorld.Json), "dealId");

        await using var check = world.Host.Database.CreateContext(world.Host.OrgId);
        Assert.Equal(0, await check.SalesActivities.CountAsync());
    }

    [Fact]
    public async Task ADealsActivity_IsOnItsAccount()
    {
        await using var world = await ApiWorld.CreateAsync();
        var start = world.Host.Clock.GetUtcNow().UtcDateTime;
        var created = await world.Client(ApiWorld.RepA1).PostAsJsonAsync("/api/v1/activities",
            new ActivityRequest(ActivityType.Demo, start, 90, ActivityOutcome.Completed, "demo", null, world.DealIds[ApiWorld.RepA1], null), ApiWorld.Json);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var activity = await created.Content.ReadFromJsonAsync<ActivityResponse>(ApiWorld.Json);
        Assert.Equal((world.AccountIds[ApiWorld.RepA1], "account of repA1", "deal of repA1"), (activity!.AccountId, activity.AccountName, activity.DealName));
        Assert.Equal($"/api/v1/activities/{activity.Id}", created.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Validation_NamesEachField()
    {
        await using var world = await ApiWorld.CreateAsync();
        var response = await world.Client(ApiWorld.RepA1).PostAsJsonAsync("/api/v1/activities",
            new ActivityRequest(null, null, 24 * 60 + 1, null, new string('x', 4001), null, null, null), ApiWorld.Json);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal("Required.", errors.GetProperty("type")[0].GetString());
        Assert.Equal("Required.", errors.GetProperty("startUtc")[0].GetString());
        Assert.Equal("Between 0 and 1,440 minutes.", errors.GetProperty("durationMinutes")[0].GetString());
        Assert.Equal("At most 4000 characters.", errors.GetProperty("notes")[0].GetString());
    }

    [Fact]
    public async Task StaleVersion_Answers409_AndKeepsTheNewerChange()
    {
        await using var world = await ApiWorld.CreateAsync();
        await world.AddActivitiesAndFollowUpsAsync();
        var id = world.ActivityIds[ApiWorld.RepA1];
        var rep = world.Client(ApiWorld.RepA1);
        var read = await rep.GetFromJsonAsync<ActivityResponse>($"/api/v1/activities/{id}", ApiWorld.Json);
        ActivityRequest Edit(string notes) => new(read!.Type, read.StartUtc, read.DurationMinutes, read.Outcome, notes, read.AccountId, null, null, null, read.Version);

        Assert.Equal(HttpStatusCode.OK, (await rep.PutAsJsonAsync($"/api/v1/activities/{id}", Edit("first"), ApiWorld.Json)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await world.Client(ApiWorld.ManagerA).PutAsJsonAsync($"/api/v1/activities/{id}", Edit("second"), ApiWorld.Json)).StatusCode);
        Assert.Equal("first", (await rep.GetFromJsonAsync<ActivityResponse>($"/api/v1/activities/{id}", ApiWorld.Json))!.Notes);
    }

    [Fact]
    public async Task List_FiltersByMemberTypeAndDateRange()
    {
        await using var world = await ApiWorld.CreateAsync();
        await world.AddActivitiesAndFollowUpsAsync();
        var manager = world.Client(ApiWorld.ManagerA);
        var now = world.Host.Clock.GetUtcNow().UtcDateTime;
        var created = await manager.PostAsJsonAsync("/api/v1/activities",
            new ActivityRequest(ActivityType.Visit, now.AddDays(-3), 120, null, null, world.AccountIds[ApiWorld.RepA2], null, null, world.MemberIds[ApiWorld.RepA2]), ApiWorld.Json);
        var visit = (await created.Content.ReadFromJsonAsync<ActivityResponse>(ApiWorld.Json))!.Id;

        var byMember = await manager.GetFromJsonAsync<ActivityList>($"/api/v1/activities?memberId={world.MemberIds[ApiWorld.RepA2]}", ApiWorld.Json);
        Assert.Equal([world.ActivityIds[ApiWorld.RepA2], visit], byMember!.Items.Select(a => a.Id).ToList());
        var visits = await manager.GetFromJsonAsync<ActivityList>("/api/v1/activities?type=Visit", ApiWorld.Json);
        Assert.Equal([visit], visits!.Items.Select(a => a.Id).ToList());
        Assert.Equal(120, visits.TotalMinutes);
        var from = Uri.EscapeDataString(now.AddDays(-4).ToString("O"));
        var to = Uri.EscapeDataString(now.AddDays(-1).ToString("O"));
        var range = await manager.GetFromJsonAsync<ActivityList>($"/api/v1/activities?from={from}&to={to}", ApiWorld.Json);
        Assert.Equal([visit], range!.Items.Select(a => a.Id).ToList());
        // Another rep's activities are not there to filter for.
        var outside = await manager.GetFromJsonAsync<ActivityList>($"/api/v1/activities?memberId={world.MemberIds[ApiWorld.RepB]}", ApiWorld.Json);
        Assert.Equal(0, outside!.Total);
    }

    private static async Task AssertFieldErrorAsync(HttpResponseMessage response, string field)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{response.StatusCode}: {body}");
        Assert.True(JsonDocument.Parse(body).RootElement.GetProperty("errors").TryGetProperty(field, out _), body);
    }
}
