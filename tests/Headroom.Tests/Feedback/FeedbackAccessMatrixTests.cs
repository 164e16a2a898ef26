using System.Net;
using System.Net.Http.Json;
using Headroom.Feedback;
using Headroom.Tests.Web;
using Headroom.Web.Feedback;
using Microsoft.EntityFrameworkCore;

namespace Headroom.Tests.Feedback;

// Every feedback endpoint × every principal × feedback on every seeded account, against
// AccessRules: an entry is seen exactly when its account is; deleting is for managers and admins.
[Trait("Category", "Integration")]
public class FeedbackAccessMatrixTests
{
    private static readonly string[] Records = [.. ApiWorld.Owners, ApiWorld.Pool, ApiWorld.Foreign];

    [Fact]
    public async Task EveryEndpoint_EveryPrincipal_EveryEntry_AnswersAsTheRuleTableSays()
    {
        await using var world = await ApiWorld.CreateAsync();
        await world.AddContactsAndFeedbackAsync();
        var today = DateOnly.FromDateTime(world.Host.Clock.GetUtcNow().UtcDateTime).AddDays(-1);
        var mismatches = new List<string>();
        void Check(string what, string principal, string owner, int expected, int actual)
        {
            if (expected != actual)
            {
                mismatches.Add($"{what} by {principal} on feedback of {owner}'s account: expected {expected}, got {actual}");
            }
        }

        foreach (var principal in ApiWorld.Principals)
        {
            var client = world.Client(principal);
            foreach (var owner in Records)
            {
                var id = world.CsatIds[owner];
                var accountId = world.AccountIds[owner];
                long? dealId = world.DealIds.TryGetValue(owner, out var deal) ? deal : null;
                var read = await client.GetAsync(new Uri($"/api/v1/feedback/{id}", UriKind.Relative));
                Check("GET", principal, owner, AccessRules.Expected(principal, owner, 200), (int)read.StatusCode);

                await using (var db = world.Host.Database.CreateContext(world.OrgOf(owner)))
                {
                    var current = await db.CustomerFeedback.SingleAsync(f => f.Id == id);
                    var update = await client.PutAsJsonAsync($"/api/v1/feedback/{id}",
                        new FeedbackRequest(current.Kind, current.Score, accountId, dealId, today, $"seen by {principal}", current.Version), ApiWorld.Json);
                    Check("PUT", principal, owner, AccessRules.Expected(principal, owner, 200), (int)update.StatusCode);
                }
                await using (var db = world.Host.Database.CreateContext(world.OrgOf(owner)))
                {
                    var current = await db.CustomerFeedback.SingleAsync(f => f.Id == id);
                    var rescored = await client.PutAsJsonAsync($"/api/v1/feedback/{id}",
                        new FeedbackRequest(current.Kind, current.Score % 5 + 1, accountId, dealId, today, current.Comment, current.Version), ApiWorld.Json);
                    Check("PUT with another score", principal, owner, AccessRules.Expected(principal, owner, AccessRules.CanRewriteFeedback(principal) ? 200 : 400), (int)rescored.StatusCode);
                }

                var comment = $"new feedback on {owner} by {principal}";
                var create = await client.PostAsJsonAsync("/api/v1/feedback", new FeedbackRequest(FeedbackKind.Nps, 9, accountId, dealId, today, comment), ApiWorld.Json);
                Check("POST", principal, owner, !AccessRules.SignedIn(principal) ? 401 : AccessRules.CanSee(principal, owner) ? 201 : 400, (int)create.StatusCode);

                var fresh = await world.AddFeedbackAsync(world.OrgOf(owner), owner, FeedbackKind.Csat, 1);
                var delete = await client.DeleteAsync(new Uri($"/api/v1/feedback/{fresh}", UriKind.Relative));
                Check("DELETE", principal, owner, AccessRules.Expected(principal, owner, AccessRules.CanRewriteFeedback(principal) ? 204 : 403), (int)delete.StatusCode);

                await using var check = world.Host.Database.CreateContext(world.OrgOf(owner));
                Assert.Equal(delete.StatusCode == HttpStatusCode.NoContent, !await check.CustomerFeedback.AnyAsync(f => f.Id == fresh));
                Assert.Equal(create.StatusCode == HttpStatusCode.Created, await check.CustomerFeedback.AnyAsync(f => f.Comment == comment));
                if (!delete.IsSuccessStatusCode)
                {
                    check.CustomerFeedback.Remove(await check.CustomerFeedback.SingleAsync(f => f.Id == fresh));
                    await check.SaveChangesAsync();
                }
            }
        }
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
    }

    [Fact]
    public async Task Lists_HoldExactlyTheEntriesTheSingleReadAllows_AndTheSummaryIsOverThoseRows()
    {
        await using var world = await ApiWorld.CreateAsync();
        await world.AddContactsAndFeedbackAsync();
        foreach (var principal in ApiWorld.Principals.Where(AccessRules.SignedIn))
        {
            var client = world.Client(principal);
            var list = await client.GetFromJsonAsync<FeedbackList>("/api/v1/feedback?pageSize=200", ApiWorld.Json);
            var readable = new List<FeedbackResponse>();
            foreach (var id in Records.SelectMany(o => new[] { world.CsatIds[o], world.NpsIds[o] }))
            {
                var response = await client.GetAsync(new Uri($"/api/v1/feedback/{id}", UriKind.Relative));
                if (response.IsSuccessStatusCode)
                {
                    readable.Add((await response.Content.ReadFromJsonAsync<FeedbackResponse>(ApiWorld.Json))!);
                }
            }
            var expected = Records.Where(o => AccessRules.CanSee(principal, o)).SelectMany(o => new[] { world.CsatIds[o], world.NpsIds[o] }).Order().ToList();
            Assert.Equal(expected, readable.Select(f => f.Id).Order().ToList());
            Assert.Equal(expected, list!.Items.Select(f => f.Id).Order().ToList());
            Assert.Equal(expected.Count, list.Total);
            Assert.Equal(FeedbackSummary.Of(readable.Select(f => (f.Kind, f.Score))), list.Summary);

            // A filtered list and its summary obey the same rule.
            var nps = await client.GetFromJsonAsync<FeedbackList>("/api/v1/feedback?kind=Nps&minScore=3&pageSize=200", ApiWorld.Json);
            var npsRows = readable.Where(f => f.Kind == FeedbackKind.Nps && f.Score >= 3).ToList();
            Assert.Equal(npsRows.Select(f => f.Id).Order(), nps!.Items.Select(f => f.Id).Order());
            Assert.Equal(FeedbackSummary.Of(npsRows.Select(f => (f.Kind, f.Score))), nps.Summary);
        }
        foreach (var principal in new[] { ApiWorld.Anonymous, ApiWorld.Disabled })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await world.Client(principal).GetAsync(new Uri("/api/v1/feedback", UriKind.Relative))).StatusCode);
        }
    }
}
