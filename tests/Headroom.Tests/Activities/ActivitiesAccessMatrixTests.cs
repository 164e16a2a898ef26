using System.Net.Http.Json;
using Headroom.Activities;
using Headroom.Tests.Web;
using Headroom.Web.Activities;
using Microsoft.EntityFrameworkCore;

namespace Headroom.Tests.Activities;

// Every activities endpoint × every principal × every seeded activity, against AccessRules: an
// activity belongs to the member who logged it.
[Trait("Category", "Integration")]
public class ActivitiesAccessMatrixTests
{
    private static readonly string[] Records = [.. ApiWorld.Owners, ApiWorld.Foreign];

    [Fact]
    public async Task EveryEndpoint_EveryPrincipal_EveryActivity_AnswersAsTheRuleTableSays()
    {
        await using var world = await ApiWorld.CreateAsync();
        await world.AddActivitiesAndFollowUpsAsync();
        var start = world.Host.Clock.GetUtcNow().UtcDateTime.AddHours(-1);
        var mismatches = new List<string>();
        void Check(string what, string principal, string owner, int expected, int actual)
        {
            if (expected != actual)
            {
                mismatches.Add($"{what} by {principal} on {owner}'s activity: expected {expected}, got {actual}");
            }
        }

        foreach (var principal in ApiWorld.Principals)
        {
            var client = world.Client(principal);
            foreach (var owner in Records)
            {
                var id = world.ActivityIds[owner];
                var read = await client.GetAsync(new Uri($"/api/v1/activities/{id}", UriKind.Relative));
                Check("GET", principal, owner, AccessRules.Expected(principal, owner, 200), (int)read.StatusCode);

                var version = await world.VersionAsync<SalesActivity>(world.OrgOf(owner), id);
                var update = await client.PutAsJsonAsync($"/api/v1/activities/{id}",
                    new ActivityRequest(ActivityType.Visit, start, 45, ActivityOutcome.Completed, "updated", world.AccountIds[owner], null, null, null, version), ApiWorld.Json);
                Check("PUT", principal, owner, AccessRules.Expected(principal, owner, 200), (int)update.StatusCode);

                var (fresh, _) = await world.AddActivityAndFollowUpAsync(world.OrgOf(owner), owner, $"{owner} for {principal}");
                var delete = await client.DeleteAsync(new Uri($"/api/v1/activities/{fresh}", UriKind.Relative));
                Check("DELETE", principal, owner, AccessRules.Expected(principal, owner, 204), (int)delete.StatusCode);
                await using var db = world.Host.Database.CreateContext(world.OrgOf(owner));
                Assert.Equal(delete.StatusCode == System.Net.HttpStatusCode.NoContent, !await db.SalesActivities.AnyAsync(a => a.Id == fresh));
            }

            // Logging an activity about each account: allowed on accounts the caller sees, a field error otherwise.
            foreach (var owner in (string[])[.. Records, ApiWorld.Pool])
            {
                var create = await client.PostAsJsonAsync("/api/v1/activities",
                    new ActivityRequest(ActivityType.Call, start, 15, null, null, world.AccountIds[owner], null, null), ApiWorld.Json);
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
    public async Task Lists_HoldExactlyTheActivitiesTheSingleReadAllows_AndTotalsSumThoseRows()
    {
        await using var world = await ApiWorld.CreateAsync();
        await world.AddActivitiesAndFollowUpsAsync();
        foreach (var principal in ApiWorld.Principals.Where(AccessRules.SignedIn))
        {
            var client = world.Client(principal);
            var list = await client.GetFromJsonAsync<ActivityList>("/api/v1/activities?pageSize=200", ApiWorld.Json);
            var readable = new List<long>();
            foreach (var owner in Records)
            {
                var read = await client.GetAsync(new Uri($"/api/v1/activities/{world.ActivityIds[owner]}", UriKind.Relative));
                if (read.IsSuccessStatusCode)
                {
                    readable.Add(world.ActivityIds[owner]);
                }
            }
            var expected = Records.Where(o => AccessRules.CanSee(principal, o)).Select(o => world.ActivityIds[o]).Order().ToList();
            Assert.Equal(expected, readable.Order().ToList());
            Assert.Equal(expected, list!.Items.Select(a => a.Id).Order().ToList());
            Assert.Equal(expected.Count, list.Total);
            Assert.Equal(list.Items.Sum(a => (long)a.DurationMinutes), list.TotalMinutes);

            var paged = new List<long>();
            for (var page = 1; page <= expected.Count; page++)
            {
                var one = await client.GetFromJsonAsync<ActivityList>($"/api/v1/activities?pageSize=1&page={page}&sort=-duration", ApiWorld.Json);
                Assert.Equal(expected.Count, one!.Total);
                paged.AddRange(one.Items.Select(a => a.Id));
            }
            Assert.Equal(expected, paged.Order().ToList());
        }
    }
}
