using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Headroom.Activities;
using Headroom.Deals;
using Headroom.FollowUps;
using Headroom.Leads;
using Headroom.Tests.Web;
using Headroom.Web.Leads;
using Microsoft.EntityFrameworkCore;

namespace Headroom.Tests.Leads;

[Trait("Category", "Integration")]
public class LeadConversionTests
{
    [Fact]
    public async Task Rep_ConvertsTheirLead_IntoAccountContactAndDeal_AndItsWorkMovesAlong()
    {
        await using var world = await ApiWorld.CreateAsync();
        await world.AddLeadsAsync();
        var id = world.LeadIds[ApiWorld.RepA1];
        var rep = world.MemberIds[ApiWorld.RepA1];
        await using (var db = world.Host.Database.CreateContext(world.Host.OrgId))
        {
            db.SalesActivities.Add(new SalesActivity { Type = ActivityType.Call, MemberId = rep, LeadId = id, StartUtc = new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc), DurationMinutes = 15 });
            db.FollowUps.Add(new FollowUp { Title = "send the brochure", AssigneeId = rep, LeadId = id, DueUtc = new DateTime(2026, 11, 5, 0, 0, 0, DateTimeKind.Utc), EffortHours = 1 });
            await db.SaveChangesAsync();
        }
        var client = world.Client(ApiWorld.RepA1);
        var version = await world.VersionAsync<Lead>(world.Host.OrgId, id);
        var response = await client.PostAsJsonAsync($"/api/v1/leads/{id}/convert",
            new LeadConversionRequest(version, ContactName: "王主任", ExpectedCloseDate: new DateOnly(2027, 1, 31)), ApiWorld.Json);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var converted = (await response.Content.ReadFromJsonAsync<LeadConversionResponse>(ApiWorld.Json))!;

        await using (var db = world.Host.Database.CreateContext(world.Host.OrgId))
        {
            var account = await db.Accounts.SingleAsync(a => a.Id == converted.AccountId);
            Assert.Equal(("company of repA1", rep), (account.Name, account.OwnerId));
            var contact = await db.Contacts.SingleAsync(c => c.Id == converted.ContactId);
            Assert.Equal(("王主任", account.Id), (contact.Name, contact.AccountId));
            var deal = await db.Deals.SingleAsync(d => d.Id == converted.DealId);
            var firstStage = await db.PipelineStages.Where(s => s.ClosesAs == null).OrderBy(s => s.SortOrder).Select(s => s.Id).FirstAsync();
            Assert.Equal(("company of repA1", account.Id, rep, 250_00L, firstStage, DealOutcome.Open, new DateOnly(2027, 1, 31)),
                (deal.Name, deal.AccountId, deal.OwnerId, deal.AmountMinor, deal.StageId, deal.Outcome, deal.ExpectedCloseDate!.Value));
            Assert.Equal(LeadStatus.Converted, (await db.Leads.SingleAsync(l => l.Id == id)).Status);
            var activity = await db.SalesActivities.SingleAsync(a => a.LeadId == id);
            Assert.Equal((account.Id, deal.Id), (activity.AccountId!.Value, activity.DealId!.Value));
            var followUp = await db.FollowUps.SingleAsync(f => f.LeadId == id);
            Assert.Equal((account.Id, deal.Id), (followUp.AccountId!.Value, followUp.DealId!.Value));
        }

        var again = await client.PostAsJsonAsync($"/api/v1/leads/{id}/convert",
            new LeadConversionRequest(await world.VersionAsync<Lead>(world.Host.OrgId, id)), ApiWorld.Json);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task ConvertingIntoAnAccountOutsideTheScope_IsRefusedOnTheField_AndWritesNothing()
    {
        await using var world = await ApiWorld.CreateAsync();
        await world.AddLeadsAsync();
        var id = world.LeadIds[ApiWorld.RepA1];
        var client = world.Client(ApiWorld.RepA1);
        var version = await world.VersionAsync<Lead>(world.Host.OrgId, id);
        await using var db = world.Host.Database.CreateContext(world.Host.OrgId);
        var before = (await db.Accounts.CountAsync(), await db.Deals.CountAsync(), await db.Contacts.CountAsync());

        foreach (var (accountId, what) in new[] { (world.AccountIds[ApiWorld.RepA2], "a colleague's account"), (world.AccountIds[ApiWorld.Foreign], "another organization's account") })
        {
            var response = await client.PostAsJsonAsync($"/api/v1/leads/{id}/convert", new LeadConversionRequest(version, AccountId: accountId, ContactName: "x"), ApiWorld.Json);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, what);
            await AssertFieldErrorAsync(response, "accountId");
        }
        var closedStage = await db.PipelineStages.Where(s => s.ClosesAs != null).Select(s => s.Id).FirstAsync();
        await AssertFieldErrorAsync(await client.PostAsJsonAsync($"/api/v1/leads/{id}/convert",
            new LeadConversionRequest(version, StageId: closedStage, DealAmountMinor: -1, AccountName: " "), ApiWorld.Json), "stageId", "dealAmountMinor", "accountName");
        Assert.Equal(HttpStatusCode.Conflict, (await client.PostAsJsonAsync($"/api/v1/leads/{id}/convert", new LeadConversionRequest(version + 1), ApiWorld.Json)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await world.Client(ApiWorld.RepB).PostAsJsonAsync($"/api/v1/leads/{id}/convert", new LeadConversionRequest(version), ApiWorld.Json)).StatusCode);

        Assert.Equal(before, (await db.Accounts.CountAsync(), await db.Deals.CountAsync(), await db.Contacts.CountAsync()));
        var lead = await db.Leads.SingleAsync(l => l.Id == id);
        Assert.Equal((LeadStatus.New, version), (lead.Status, lead.Version));
    }

    [Fact]
    public async Task DisqualifiedLead_MustBeReopenedFirst()
    {
        await using var world = await ApiWorld.CreateAsync();
        await world.AddLeadsAsync();
        var id = world.LeadIds[ApiWorld.RepA1];
        var client = world.Client(ApiWorld.RepA1);
        var version = await world.VersionAsync<Lead>(world.Host.OrgId, id);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync($"/api/v1/leads/{id}/status", new LeadStatusRequest(LeadStatus.Disqualified, version), ApiWorld.Json)).StatusCode);
        var refused = await client.PostAsJsonAsync($"/api/v1/leads/{id}/convert", new LeadConversionRequest(version + 1), ApiWorld.Json);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
    }

    private static async Task AssertFieldErrorAsync(HttpResponseMessage response, params string[] fields)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var errors = problem.GetProperty("errors");
        foreach (var field in fields)
        {
            Assert.True(errors.TryGetProperty(field, out _), $"expected an error on {field}: {problem}");
        }
    }
}
