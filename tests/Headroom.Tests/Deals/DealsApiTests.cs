using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Headroom.Deals;
using Headroom.Tests.Web;
using Headroom.Web.Deals;
using Microsoft.EntityFrameworkCore;

namespace Headroom.Tests.Deals;

[Trait("Category", "Integration")]
public class DealsApiTests
{
    [Fact]
    public async Task Rep_CannotSetOrChangeTheOwner_AndNothingIsWritten()
    {
        await using var world = await ApiWorld.CreateAsync();
        var rep = world.Client(ApiWorld.RepA1);
        var dealId = world.DealIds[ApiWorld.RepA1];
        var version = await world.VersionAsync<Deal>(world.Host.OrgId, dealId);

        var update = await rep.PutAsJsonAsync($"/api/v1/deals/{dealId}",
            new DealRequest("renamed", null, 1, null, null, world.MemberIds[ApiWorld.RepA2], version), ApiWorld.Json);
        await AssertFieldErrorAsync(update, "ownerId");
        var create = await rep.PostAsJsonAsync("/api/v1/deals",
            new DealRequest("for a colleague", world.AccountIds[ApiWorld.RepA1], 1, null, null, world.MemberIds[ApiWorld.RepA2]), ApiWorld.Json);
        await AssertFieldErrorAsync(create, "ownerId");

        await using var db = world.Host.Database.CreateContext(world.Host.OrgId);
        var deal = await db.Deals.SingleAsync(d => d.Id == dealId);
        Assert.Equal(("deal of repA1", world.MemberIds[ApiWorld.RepA1], version), (deal.Name, deal.OwnerId, deal.Version));
        Assert.Equal(1, await db.Deals.CountAsync(d => d.AccountId == world.AccountIds[ApiWorld.RepA1]));
    }

    [Fact]
    public async Task Manager_GivesADeal_OnlyToMembersInScope()
    {
        await using var world = await ApiWorld.CreateAsync();
        var manager = world.Client(ApiWorld.ManagerA);
        var dealId = world.DealIds[ApiWorld.RepA1];

        var outside = await manager.PutAsJsonAsync($"/api/v1/deals/{dealId}",
            new DealRequest("deal of repA1", null, 1, null, null, world.MemberIds[ApiWorld.RepB], await world.VersionAsync<Deal>(world.Host.OrgId, dealId)), ApiWorld.Json);
        await AssertFieldErrorAsync(outside, "ownerId");
        var foreign = await manager.PutAsJsonAsync($"/api/v1/deals/{dealId}",
            new DealRequest("deal of repA1", null, 1, null, null, world.MemberIds[ApiWorld.OtherAdmin], await world.VersionAsync<Deal>(world.Host.OrgId, dealId)), ApiWorld.Json);
        await AssertFieldErrorAsync(foreign, "ownerId");

        var inside = await manager.PutAsJsonAsync($"/api/v1/deals/{dealId}",
            new DealRequest("deal of repA1", null, 1, null, null, world.MemberIds[ApiWorld.RepA2], await world.VersionAsync<Deal>(world.Host.OrgId, dealId)), ApiWorld.Json);
        Assert.Equal(HttpStatusCode.OK, inside.StatusCode);
        Assert.Equal(world.MemberIds[ApiWorld.RepA2], (await inside.Content.ReadFromJsonAsync<DealResponse>(ApiWorld.Json))!.OwnerId);
    }

    [Fact]
    public async Task ForeignAccountOrStage_InTheBody_IsAFieldError_AndNothingIsWritten()
    {
        await using var world = await ApiWorld.CreateAsync();
        var admin = world.Client(ApiWorld.Admin);
        long foreignStage;
        await using (var other = world.Host.Database.CreateContext(world.OtherOrgId))
        {
            foreignStage = await other.PipelineStages.Select(s => s.Id).FirstAsync();
        }
        await AssertFieldErrorAsync(await admin.PostAsJsonAsync("/api/v1/deals",
            new DealRequest("x", world.AccountIds[ApiWorld.Foreign], 1, null, null, null), ApiWorld.Json), "accountId");
        await AssertFieldErrorAsync(await admin.PostAsJsonAsync("/api/v1/deals",
            new DealRequest("x", world.AccountIds[ApiWorld.Admin], 1, foreignStage, null, null), ApiWorld.Json), "stageId");
        var dealId = world.DealIds[ApiWorld.RepB];
        await AssertFieldErrorAsync(await admin.PostAsJsonAsync($"/api/v1/deals/{dealId}/stage",
            new StageChangeRequest(foreignStage, null, await world.VersionAsync<Deal>(world.Host.OrgId, dealId)), ApiWorld.Json), "stageId");

        await using var db = world.Host.Database.CreateContext(world.Host.OrgId);
        Assert.Equal(ApiWorld.Owners.Length, await db.Deals.CountAsync());
    }

    [Fact]
    public async Task Validation_NamesEachField()
    {
        await using var world = await ApiWorld.CreateAsync();
        var response = await world.Client(ApiWorld.Admin).PostAsJsonAsync("/api/v1/deals",
            new DealRequest(new string('x', 301), null, -1, null, null, null), ApiWorld.Json);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal("At most 300 characters.", errors.GetProperty("name")[0].GetString());
        Assert.Equal("Must not be negative.", errors.GetProperty("amountMinor")[0].GetString());
        Assert.Equal("Required.", errors.GetProperty("accountId")[0].GetString());
    }

    [Fact]
    public async Task StaleVersion_Answers409_AndKeepsTheNewerChange()
    {
        await using var world = await ApiWorld.CreateAsync();
        var admin = world.Client(ApiWorld.Admin);
        var dealId = world.DealIds[ApiWorld.RepA1];
        var read = await admin.GetFromJsonAsync<DealResponse>($"/api/v1/deals/{dealId}", ApiWorld.Json);

        var first = await admin.PutAsJsonAsync($"/api/v1/deals/{dealId}", new DealRequest("first", null, 1, null, null, null, read!.Version), ApiWorld.Json);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var second = await world.Client(ApiWorld.ManagerA).PutAsJsonAsync($"/api/v1/deals/{dealId}", new DealRequest("second", null, 2, null, null, null, read.Version), ApiWorld.Json);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("application/problem+json", second.Content.Headers.ContentType?.MediaType);
        var stage = await admin.PostAsJsonAsync($"/api/v1/deals/{dealId}/stage", new StageChangeRequest(read.StageId, null, read.Version), ApiWorld.Json);
        Assert.Equal(HttpStatusCode.Conflict, stage.StatusCode);

        Assert.Equal("first", (await admin.GetFromJsonAsync<DealResponse>($"/api/v1/deals/{dealId}", ApiWorld.Json))!.Name);
    }

    [Fact]
    public async Task LosingNeedsAReason_WinningStampsTheClose_AndWonDealsCannotBeDeleted()
    {
        await using var world = await ApiWorld.CreateAsync();
        var manager = world.Client(ApiWorld.ManagerA);
        var dealId = world.DealIds[ApiWorld.RepA1];
        long won, lost;
        await using (var db = world.Host.Database.CreateContext(world.Host.OrgId))
        {
            won = await db.PipelineStages.Where(s => s.ClosesAs == DealOutcome.Won).Select(s => s.Id).SingleAsync();
            lost = await db.PipelineStages.Where(s => s.ClosesAs == DealOutcome.Lost).Select(s => s.Id).SingleAsync();
        }
        var version = await world.VersionAsync<Deal>(world.Host.OrgId, dealId);
        await AssertFieldErrorAsync(await manager.PostAsJsonAsync($"/api/v1/deals/{dealId}/stage", new StageChangeRequest(lost, " ", version), ApiWorld.Json), "lostReason");
        await AssertFieldErrorAsync(await manager.PutAsJsonAsync($"/api/v1/deals/{dealId}", new DealRequest("x", null, 1, won, null, null, version), ApiWorld.Json), "stageId");

        var win = await manager.PostAsJsonAsync($"/api/v1/deals/{dealId}/stage", new StageChangeRequest(won, null, version), ApiWorld.Json);
        var deal = await win.Content.ReadFromJsonAsync<DealResponse>(ApiWorld.Json);
        Assert.Equal((DealOutcome.Won, world.Host.Clock.GetUtcNow().UtcDateTime), (deal!.Outcome, deal.ClosedUtc!.Value));
        Assert.Equal("CNY", deal.Currency);

        var delete = await manager.DeleteAsync(new Uri($"/api/v1/deals/{dealId}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Conflict, delete.StatusCode);
    }

    [Fact]
    public async Task UnsafeRequests_WithoutTheAntiforgeryHeader_AreRefused()
    {
        await using var world = await ApiWorld.CreateAsync();
        using var client = world.Host.CreateClient();
        await WebTestHost.SignInAsync(client, "admin@example.com");
        var dealId = world.DealIds[ApiWorld.RepA1];
        var version = await world.VersionAsync<Deal>(world.Host.OrgId, dealId);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri($"/api/v1/deals/{dealId}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PutAsJsonAsync($"/api/v1/deals/{dealId}", new DealRequest("x", null, 1, null, null, null, version), ApiWorld.Json)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.DeleteAsync(new Uri($"/api/v1/deals/{dealId}", UriKind.Relative))).StatusCode);
        client.DefaultRequestHeaders.Add("RequestVerificationToken", "forged");
        Assert.Equal(HttpStatusCode.BadRequest, (await client.DeleteAsync(new Uri($"/api/v1/deals/{dealId}", UriKind.Relative))).StatusCode);
        Assert.Equal(version, await world.VersionAsync<Deal>(world.Host.OrgId, dealId));
    }

    [Fact]
    public async Task OpenApiDocument_AndReference_NeedSignIn_AndDescribeMoneyInMinorUnits()
    {
        await using var world = await ApiWorld.CreateAsync();
        foreach (var path in new[] { "/openapi/v1.json", "/scalar/v1" })
        {
            var anonymous = await world.Client(ApiWorld.Anonymous).GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
            Assert.StartsWith("/sign-in", anonymous.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }

        var document = await world.Client(ApiWorld.RepA1).GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        Assert.Contains("/api/v1/deals/{id}/stage", document, StringComparison.Ordinal);
        Assert.Contains("minor units", document, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await world.Client(ApiWorld.RepA1).GetAsync(new Uri("/scalar/v1", UriKind.Relative))).StatusCode);
    }

    private static async Task AssertFieldErrorAsync(HttpResponseMessage response, string field)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{response.StatusCode}: {body}");
        Assert.True(JsonDocument.Parse(body).RootElement.GetProperty("errors").TryGetProperty(field, out _), body);
    }
}
