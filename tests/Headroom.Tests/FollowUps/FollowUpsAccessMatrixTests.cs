using System.Net.Http.Json;
using Headroom.FollowUps;
using Headroom.Tests.Web;
using Headroom.Web.FollowUps;
using Microsoft.EntityFrameworkCore;

namespace Headroom.Tests.FollowUps;

// Every follow-ups endpoint × every principal × every seeded follow-up, against AccessRules: a
// follow-up belongs to its assignee.
[Trait("Category", "Integration")]
public class FollowUpsAccessMatrixTests
{
    private static readonly string[] Records = [.. ApiWorld.Owners, ApiWorld.Foreign];

    [Fact]
    public async Task EveryEndpoint_EveryPrincipal_EveryFollowUp_AnswersAsTheRuleTableSays()
    {
        await using var world = await ApiWorld.CreateAsync();
        await world.AddActivitiesAndFollowUpsAsync();
        var due = world.Host.Clock.GetUtcNow().UtcDateTime.AddDays(2);
        var mismatches = new List<string>();
        void Check(string what, string principal, string owner, int expected, int actual)
        {
            if (expected != actual)
            {
                mismatches.Add($"{what} by {principal} on {owner}'s follow-up: expected {expected}, got {actual}");
            }
        }

        foreach (var principal in ApiWorld.Principals)
        {
            var client = world.Client(principal);
            foreach (var owner in Records)
            {
                var id = world.FollowUpIds[owner];
                var read = await client.GetAsync(new Uri($"/api/v1/followups/{id}", UriKind.Relative));
                Check("GET", principal, owner, AccessRules.Expected(principal, owner, 200), (int)read.StatusCode);

                var version = await world.VersionAsync<FollowUp>(world.OrgOf(owner), id);
                var update = await client.PutAsJsonAsync($"/api/v1/followups/{id}",
                    new FollowUpRequest($"follow-up of {owner}", due, 1, FollowUpPriority.High, world.AccountIds[owner], null, null, null, version), ApiWorld.Json);
                Check("PUT", principal, owner, AccessRules.Expected(principal, owner, 200), (int)update.StatusCode);

                version = await world.VersionAsync<FollowUp>(world.OrgOf(owner), id);
                var done = await client.PostAsJsonAsync($"/api/v1/followups/{id}/done", new MarkDoneRequest(version), ApiWorld.Json);
                Check("POST done", principal, owner, AccessRules.Expected(principal, owner, 200), (int)done.StatusCode);

                var (_, fresh) = await world.AddActivityAndFollowUpAsync(world.OrgOf(owner), owner, $"{owner} for {principal}");
                var delete = await client.DeleteAsync(new Uri($"/api/v1/followups/{fresh}", UriKind.Relative));
                Check("DELETE", principal, owner, AccessRules.Expected(principal, owner, 204), (int)delete.StatusCode);
                await using var db = world.Host.Database.CreateContext(world.OrgOf(owner));
                Assert.Equal(delete.StatusCode == System.Net.HttpStatusCode.NoContent, !await db.FollowUps.AnyAsync(f => f.Id == fresh));
            }

            foreach (var owner in (string[])[.. Records, ApiWorld.Pool])
            {
                var create = await client.PostAsJsonAsync("/api/v1/followups",
                    new FollowUpRequest("call back", due, 0.5, null, world.AccountIds[owner], null, null), ApiWorld.Json);
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
    public async Task Lists_HoldExactlyTheFollowUpsTheSingleReadAllows_AndTotalsSumThoseRows()
    {
        await using var world = await ApiWorld.CreateAsync();
        await world.AddActivitiesAndFollowUpsAsync();
        foreach (var principal in ApiWorld.Principals.Where(AccessRules.SignedIn))
        {
            var client = world.Client(principal);
            var list = await client.GetFromJsonAsync<FollowUpList>("/api/v1/followups?pageSize=200", ApiWorld.Json);
            var readable = new List<long>();
            foreach (var owner in Records)
            {
                var read = await client.GetAsync(new Uri($"/api/v1/followups/{world.FollowUpIds[owner]}", UriKind.Relative));
                if (read.IsSuccessStatusCode)
                {
                    readable.Add(world.FollowUpIds[owner]);
                }
            }
            var expected = Records.Where(o => AccessRules.CanSee(principal, o)).Select(o => world.FollowUpIds[o]).Order().ToList();
            Assert.Equal(expected, readable.Order().ToList());
            Assert.Equal(expected, list!.Items.Select(f => f.Id).Order().ToList());
            Assert.Equal(expected.Count, list.Total);
            Assert.Equal(list.Items.Sum(f => f.EffortHours), list.EffortHoursTotal, 6);

            var paged = new List<long>();
            for (var page = 1; page <= expected.Count; page++)
            {
                var one = await client.GetFromJsonAsync<FollowUpList>($"/api/v1/followups?pageSize=1&page={page}&sort=-priority", ApiWorld.Json);
                Assert.Equal(expected.Count, one!.Total);
                paged.AddRange(one.Items.Select(f => f.Id));
            }
            Assert.Equal(expected, paged.Order().ToList());

            // "Mine" is the caller's own share of the same rows.
            var mine = await client.GetFromJsonAsync<FollowUpList>("/api/v1/followups?view=Mine&pageSize=200", ApiWorld.Json);
            var own = principal == ApiWorld.OtherAdmin ? ApiWorld.Foreign : principal;
            Assert.Equal([world.FollowUpIds[own]], mine!.Items.Select(f => f.Id).ToList());
        }
    }
}
