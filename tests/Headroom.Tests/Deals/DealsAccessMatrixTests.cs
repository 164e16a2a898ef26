using System.Net.Http.Json;
using Headroom.Deals;
using Headroom.Tests.Web;
using Headroom.Web.Deals;
using Microsoft.EntityFrameworkCore;

namespace Headroom.Tests.Deals;

// Every deals endpoint × every principal × every seeded deal, against AccessRules.
[Trait("Category", "Integration")]
public class DealsAccessMatrixTests
{
    private static readonly string[] Records = [.. ApiWorld.Owners, ApiWorld.Foreign];

    [Fact]
    public async Task EveryEndpoint_EveryPrincipal_EveryDeal_AnswersAsTheRuleTableSays()
    {
        await using var world = await ApiWorld.CreateAsync();
        var mismatches = new List<string>();
        void Check(string what, string principal, string owner, int expected, int actual)
        {
            if (expected != actual)
            {
                mismatches.Add($"{what} by {principal} on {owner}'s deal: expected {expected}, got {actual}");
            }
        }
        long openStage, secondStage;
        await using (var db = world.Host.Database.CreateContext(world.Host.OrgId))
        {
            var open = await db.PipelineStages.Where(s => s.ClosesAs == null).OrderBy(s => s.SortOrder).Select(s => s.Id).Take(2).ToListAsync();
            (openStage, secondStage) = (open[0], open[1]);
        }

        foreach (var principal in ApiWorld.Principals)
        {
            var client = world.Client(principal);
            foreach (var owner in Records)
            {
                var id = world.DealIds[owner];
                var read = await client.GetAsync(new Uri($"/api/v1/deals/{id}", UriKind.Relative));
                Check("GET", principal, owner, AccessRules.Expected(principal, owner, 200), (int)read.StatusCode);

                var version = await world.VersionAsync<Deal>(world.OrgOf(owner), id);
                var update = await client.PutAsJsonAsync($"/api/v1/deals/{id}",
                    new DealRequest($"deal of {owner}", null, 123_45, null, new DateOnly(2027, 1, 31), null, version), ApiWorld.Json);
                Check("PUT", principal, owner, AccessRules.Expected(principal, owner, 200), (int)update.StatusCode);

                version = await world.VersionAsync<Deal>(world.OrgOf(owner), id);
                var stage = owner == ApiWorld.Foreign ? (long?)null : secondStage;
                var stageChange = await client.PostAsJsonAsync($"/api/v1/deals/{id}/stage", new StageChangeRequest(stage ?? openStage, null, version), ApiWorld.Json);
                // The other organization has its own stages, so its admin names one of org 1's: refused as a field.
                Check("POST stage", principal, owner, AccessRules.Expected(principal, owner, owner == ApiWorld.Foreign ? 400 : 200), (int)stageChange.StatusCode);

                // A fresh deal per call, so each delete is tried on a record that exists.
                var (_, fresh) = await world.AddAccountWithDealAsync(world.OrgOf(owner), $"{owner} for {principal}", world.MemberIds[owner == ApiWorld.Foreign ? ApiWorld.OtherAdmin : owner], 1);
                var delete = await client.DeleteAsync(new Uri($"/api/v1/deals/{fresh}", UriKind.Relative));
                Check("DELETE", principal, owner, AccessRules.Expected(principal, owner, AccessRules.CanDelete(principal) ? 204 : 403), (int)delete.StatusCode);
                await using var db = world.Host.Database.CreateContext(world.OrgOf(owner));
                Assert.Equal(delete.StatusCode == System.Net.HttpStatusCode.NoContent, !await db.Deals.AnyAsync(d => d.Id == fresh));
            }

            // Creating a deal on each account: allowed on accounts the caller sees, a field error otherwise.
            foreach (var owner in (string[])[.. Records, ApiWorld.Pool])
            {
                var create = await client.PostAsJsonAsync("/api/v1/deals", new DealRequest("new deal", world.AccountIds[owner], 5_00, null, null, null), ApiWorld.Json);
                var expected = !AccessRules.SignedIn(principal) ? 401 : AccessRules.CanSee(principal, owner) ? 201 : 400;
                Check("POST", principal, owner, expected, (int)create.StatusCode);
                if (expected == 400 && (int)create.StatusCode == 400)
                {
                    Assert.Contains("\"accountId\"", await create.Content.ReadAsStringAsync(), StringComparison.Ordinal);
                }
            }
        }
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
    }

    [Fact]
    public async Task Lists_HoldExactlyTheDealsTheSingleReadAllows_AndTotalsSumThoseRows()
    {
        await using var world = await ApiWorld.CreateAsync();
        foreach (var principal in ApiWorld.Principals.Where(AccessRules.SignedIn))
        {
            var client = world.Client(principal);
            var list = await client.GetFromJsonAsync<DealList>("/api/v1/deals?pageSize=200", ApiWorld.Json);
            var readable = new List<long>();
            foreach (var owner in Records)
            {
                var read = await client.GetAsync(new Uri($"/api/v1/deals/{world.DealIds[owner]}", UriKind.Relative));
                if (read.IsSuccessStatusCode)
                {
                    readable.Add(world.DealIds[owner]);
                }
            }
            var expected = Records.Where(o => AccessRules.CanSee(principal, o)).Select(o => world.DealIds[o]).Order().ToList();
            Assert.Equal(expected, readable.Order().ToList());
            Assert.Equal(expected, list!.Items.Select(d => d.Id).Order().ToList());
            Assert.Equal(expected.Count, list.Total);
            Assert.Equal(list.Items.Sum(d => d.AmountMinor), list.AmountMinorTotal);

            // Paging returns the same rows, one page at a time, and the same total.
            var paged = new List<long>();
            for (var page = 1; page <= expected.Count; page++)
            {
                var one = await client.GetFromJsonAsync<DealList>($"/api/v1/deals?pageSize=1&page={page}&sort=-amount", ApiWorld.Json);
                Assert.Equal(expected.Count, one!.Total);
                paged.AddRange(one.Items.Select(d => d.Id));
            }
            Assert.Equal(expected, paged.Order().ToList());
        }
    }
}
