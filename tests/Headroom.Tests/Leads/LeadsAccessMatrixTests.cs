using System.Net.Http.Json;
using Headroom.Leads;
using Headroom.Tests.Web;
using Headroom.Web.Leads;
using Microsoft.EntityFrameworkCore;

namespace Headroom.Tests.Leads;

// Every leads endpoint × every principal × every seeded lead, against AccessRules.
[Trait("Category", "Integration")]
public class LeadsAccessMatrixTests
{
    private static readonly string[] Records = [.. ApiWorld.Owners, ApiWorld.Foreign];

    [Fact]
    public async Task EveryEndpoint_EveryPrincipal_EveryLead_AnswersAsTheRuleTableSays()
    {
        await using var world = await ApiWorld.CreateAsync();
        await world.AddLeadsAsync();
        var mismatches = new List<string>();
        void Check(string what, string principal, string owner, int expected, int actual)
        {
            if (expected != actual)
            {
                mismatches.Add($"{what} by {principal} on {owner}'s lead: expected {expected}, got {actual}");
            }
        }

        foreach (var principal in ApiWorld.Principals)
        {
            var client = world.Client(principal);
            foreach (var owner in Records)
            {
                var id = world.LeadIds[owner];
                var read = await client.GetAsync(new Uri($"/api/v1/leads/{id}", UriKind.Relative));
                Check("GET", principal, owner, AccessRules.Expected(principal, owner, 200), (int)read.StatusCode);

                var version = await world.VersionAsync<Lead>(world.OrgOf(owner), id);
                var update = await client.PutAsJsonAsync($"/api/v1/leads/{id}",
                    new LeadRequest($"lead of {owner}", "renamed company", "fair", "East", null, 10_00, null, version), ApiWorld.Json);
                Check("PUT", principal, owner, AccessRules.Expected(principal, owner, 200), (int)update.StatusCode);

                version = await world.VersionAsync<Lead>(world.OrgOf(owner), id);
                var status = await client.PostAsJsonAsync($"/api/v1/leads/{id}/status", new LeadStatusRequest(LeadStatus.Working, version), ApiWorld.Json);
                Check("POST status", principal, owner, AccessRules.Expected(principal, owner, 200), (int)status.StatusCode);

                var fresh = await world.AddLeadAsync(world.OrgOf(owner), owner, $"{owner} for {principal}");
                var delete = await client.DeleteAsync(new Uri($"/api/v1/leads/{fresh}", UriKind.Relative));
                Check("DELETE", principal, owner, AccessRules.Expected(principal, owner, AccessRules.CanDelete(principal) ? 204 : 403), (int)delete.StatusCode);
                await using var db = world.Host.Database.CreateContext(world.OrgOf(owner));
                Assert.Equal(delete.StatusCode == System.Net.HttpStatusCode.NoContent, !await db.Leads.AnyAsync(l => l.Id == fresh));

                var toConvert = await world.AddLeadAsync(world.OrgOf(owner), owner, $"{owner} converted by {principal}");
                var convert = await client.PostAsJsonAsync($"/api/v1/leads/{toConvert}/convert",
                    new LeadConversionRequest(await world.VersionAsync<Lead>(world.OrgOf(owner), toConvert)), ApiWorld.Json);
                Check("POST convert", principal, owner, AccessRules.Expected(principal, owner, 200), (int)convert.StatusCode);
                Assert.Equal(convert.IsSuccessStatusCode, await db.Leads.AnyAsync(l => l.Id == toConvert && l.Status == LeadStatus.Converted));
            }

            var create = await client.PostAsJsonAsync("/api/v1/leads", new LeadRequest("new lead", null, null, null, null, 1_00, null), ApiWorld.Json);
            Check("POST", principal, "own", AccessRules.SignedIn(principal) ? 201 : 401, (int)create.StatusCode);
        }
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
    }

    [Fact]
    public async Task Lists_HoldExactlyTheLeadsTheSingleReadAllows_AndTotalsSumThoseRows()
    {
        await using var world = await ApiWorld.CreateAsync();
        await world.AddLeadsAsync();
        foreach (var principal in ApiWorld.Principals.Where(AccessRules.SignedIn))
        {
            var client = world.Client(principal);
            var list = await client.GetFromJsonAsync<LeadList>("/api/v1/leads?pageSize=200", ApiWorld.Json);
            var readable = new List<long>();
            foreach (var owner in Records)
            {
                var read = await client.GetAsync(new Uri($"/api/v1/leads/{world.LeadIds[owner]}", UriKind.Relative));
                if (read.IsSuccessStatusCode)
                {
                    readable.Add(world.LeadIds[owner]);
                }
            }
            var expected = Records.Where(o => AccessRules.CanSee(principal, o)).Select(o => world.LeadIds[o]).Order().ToList();
            Assert.Equal(expected, readable.Order().ToList());
            Assert.Equal(expected, list!.Items.Select(l => l.Id).Order().ToList());
            Assert.Equal(expected.Count, list.Total);
            Assert.Equal(list.Items.Sum(l => l.EstimatedValueMinor), list.EstimatedValueMinorTotal);

            var paged = new List<long>();
            for (var page = 1; page <= expected.Count; page++)
            {
                var one = await client.GetFromJsonAsync<LeadList>($"/api/v1/leads?pageSize=1&page={page}&sort=-value", ApiWorld.Json);
                Assert.Equal(expected.Count, one!.Total);
                paged.AddRange(one.Items.Select(l => l.Id));
            }
            Assert.Equal(expected, paged.Order().ToList());
        }
    }
}
