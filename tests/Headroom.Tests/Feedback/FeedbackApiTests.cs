using System.Net;
using System.Net.Http.Json;
using Headroom.Feedback;
using Headroom.Tests.Contacts;
using Headroom.Tests.Web;
using Headroom.Web.Feedback;
using Microsoft.EntityFrameworkCore;

namespace Headroom.Tests.Feedback;

[Trait("Category", "Integration")]
public class FeedbackApiTests
{
    [Fact]
    public async Task ScoreMustFitItsKind_AndEveryOtherFieldIsChecked()
    {
        await using var world = await ApiWorld.CreateAsync();
        var rep = world.Client(ApiWorld.RepA1);
        var account = world.AccountIds[ApiWorld.RepA1];
        var today = DateOnly.FromDateTime(world.Host.Clock.GetUtcNow().UtcDateTime);
        foreach (var (kind, score) in new[] { (FeedbackKind.Csat, 0), (FeedbackKind.Csat, 6), (FeedbackKind.Nps, -1), (FeedbackKind.Nps, 11) })
        {
            await ContactsApiTests.AssertFieldErrorAsync(await rep.PostAsJsonAsync("/api/v1/feedback",
                new FeedbackRequest(kind, score, account, null, today, null), ApiWorld.Json), "score");
        }
        await ContactsApiTests.AssertFieldErrorAsync(await rep.PostAsJsonAsync("/api/v1/feedback",
            new FeedbackRequest(null, null, null, null, null, new string('c', 4001)), ApiWorld.Json), "kind", "score", "accountId", "date", "comment");
        // Feedback is what a customer already said: not dated after today (in the member's time zone).
        await ContactsApiTests.AssertFieldErrorAsync(await rep.PostAsJsonAsync("/api/v1/feedback",
            new FeedbackRequest(FeedbackKind.Csat, 4, account, null, today.AddDays(2), null), ApiWorld.Json), "date");
        // An enum value outside the kinds is refused, not stored.
        var unknownKind = await rep.PostAsync(new Uri("/api/v1/feedback", UriKind.Relative), JsonContent.Create(new { kind = 7, score = 3, accountId = account, date = today }));
        Assert.Equal(HttpStatusCode.BadRequest, unknownKind.StatusCode);

        await using var db = world.Host.Database.CreateContext(world.Host.OrgId);
        Assert.False(await db.CustomerFeedback.AnyAsync());

        var edges = new[] { (FeedbackKind.Csat, 1), (FeedbackKind.Csat, 5), (FeedbackKind.Nps, 0), (FeedbackKind.Nps, 10) };
        foreach (var (kind, score) in edges)
        {
            Assert.Equal(HttpStatusCode.Created, (await rep.PostAsJsonAsync("/api/v1/feedback", new FeedbackRequest(kind, score, account, null, today, null), ApiWorld.Json)).StatusCode);
        }
        Assert.Equal(4, await db.CustomerFeedback.CountAsync());
    }

    [Fact]
    public async Task TheDealMustBeOneOfTheAccounts_AndForeignIdsAreFieldErrors_NothingWritten()
    {
        await using var world = await ApiWorld.CreateAsync();
        var manager = world.Client(ApiWorld.ManagerA);
        var today = DateOnly.FromDateTime(world.Host.Clock.GetUtcNow().UtcDateTime);
        var account = world.AccountIds[ApiWorld.RepA1];
        // A deal in the manager's scope, but of another account.
        await ContactsApiTests.AssertFieldErrorAsync(await manager.PostAsJsonAsync("/api/v1/feedback",
            new FeedbackRequest(FeedbackKind.Csat, 5, account, world.DealIds[ApiWorld.RepA2], today, "wrong deal"), ApiWorld.Json), "dealId");
        // Deals and accounts outside the scope or of another organization.
        await ContactsApiTests.AssertFieldErrorAsync(await manager.PostAsJsonAsync("/api/v1/feedback",
            new FeedbackRequest(FeedbackKind.Csat, 5, account, world.DealIds[ApiWorld.RepB], today, "wrong deal"), ApiWorld.Json), "dealId");
        await ContactsApiTests.AssertFieldErrorAsync(await manager.PostAsJsonAsync("/api/v1/feedback",
            new FeedbackRequest(FeedbackKind.Csat, 5, account, world.DealIds[ApiWorld.Foreign], today, "wrong deal"), ApiWorld.Json), "dealId");
        foreach (var other in new[] { ApiWorld.Foreign, ApiWorld.RepB, ApiWorld.Pool })
        {
            await ContactsApiTests.AssertFieldErrorAsync(await manager.PostAsJsonAsync("/api/v1/feedback",
                new FeedbackRequest(FeedbackKind.Nps, 3, world.AccountIds[other], null, today, "wrong account"), ApiWorld.Json), "accountId");
        }
        await using (var db = world.Host.Database.CreateContext(world.Host.OrgId))
        {
            Assert.False(await db.CustomerFeedback.AnyAsync());
        }
        await using (var foreign = world.Host.Database.CreateContext(world.OtherOrgId))
        {
            Assert.False(await foreign.CustomerFeedback.AnyAsync());
        }

        var created = await manager.PostAsJsonAsync("/api/v1/feedback",
            new FeedbackRequest(FeedbackKind.Csat, 5, account, world.DealIds[ApiWorld.RepA1], today, "happy"), ApiWorld.Json);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var entry = (await created.Content.ReadFromJsonAsync<FeedbackResponse>(ApiWorld.Json))!;
        Assert.Equal(("account of repA1", "deal of repA1", today), (entry.AccountName, entry.DealName, entry.Date));
    }

    [Fact]
    public async Task ARep_MayCorrectTheComment_ButNotTheScore_NorDelete_AManagerMay()
    {
        await using var world = await ApiWorld.CreateAsync();
        await world.AddContactsAndFeedbackAsync();
        var rep = world.Client(ApiWorld.RepA1);
        var manager = world.Client(ApiWorld.ManagerA);
        var id = world.CsatIds[ApiWorld.RepA1];
        var account = world.AccountIds[ApiWorld.RepA1];
        var entry = (await rep.GetFromJsonAsync<FeedbackResponse>($"/api/v1/feedback/{id}", ApiWorld.Json))!;

        await ContactsApiTests.AssertFieldErrorAsync(await rep.PutAsJsonAsync($"/api/v1/feedback/{id}",
            new FeedbackRequest(entry.Kind, entry.Score % 5 + 1, account, entry.DealId, entry.Date, "fixed", entry.Version), ApiWorld.Json), "score");
        await ContactsApiTests.AssertFieldErrorAsync(await rep.PutAsJsonAsync($"/api/v1/feedback/{id}",
            new FeedbackRequest(FeedbackKind.Nps, entry.Score, account, entry.DealId, entry.Date, "fixed", entry.Version), ApiWorld.Json), "score");
        var comment = await rep.PutAsJsonAsync($"/api/v1/feedback/{id}",
            new FeedbackRequest(entry.Kind, entry.Score, account, null, entry.Date, "said on the phone", entry.Version), ApiWorld.Json);
        Assert.Equal(HttpStatusCode.OK, comment.StatusCode);
        var updated = (await comment.Content.ReadFromJsonAsync<FeedbackResponse>(ApiWorld.Json))!;
        Assert.Equal(("said on the phone", (long?)null, entry.Score, entry.Version + 1), (updated.Comment, updated.DealId, updated.Score, updated.Version));

        Assert.Equal(HttpStatusCode.Forbidden, (await rep.DeleteAsync(new Uri($"/api/v1/feedback/{id}", UriKind.Relative))).StatusCode);
        // The version read before is stale now.
        Assert.Equal(HttpStatusCode.Conflict, (await manager.PutAsJsonAsync($"/api/v1/feedback/{id}",
            new FeedbackRequest(entry.Kind, 5, account, null, entry.Date, null, entry.Version), ApiWorld.Json)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await manager.PutAsJsonAsync($"/api/v1/feedback/{id}",
            new FeedbackRequest(entry.Kind, 5, account, null, entry.Date, null, updated.Version), ApiWorld.Json)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await manager.DeleteAsync(new Uri($"/api/v1/feedback/{id}", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task List_FiltersSortsPages_AndSummarizesEveryMatchingRow()
    {
        await using var world = await ApiWorld.CreateAsync();
        var (account, deal) = await world.AddAccountWithDealAsync(world.Host.OrgId, "survey", world.MemberIds[ApiWorld.RepA1], 0);
        (world.AccountIds["survey"], world.DealIds["survey"]) = (account, deal);
        var ids = new Dictionary<string, long>();
        foreach (var (name, kind, score, daysAgo) in new[]
        {
            ("c5", FeedbackKind.Csat, 5, 1), ("c4", FeedbackKind.Csat, 4, 2), ("c2", FeedbackKind.Csat, 2, 40),
            ("n10", FeedbackKind.Nps, 10, 3), ("n9", FeedbackKind.Nps, 9, 4), ("n8", FeedbackKind.Nps, 8, 5), ("n6", FeedbackKind.Nps, 6, 6),
            ("n0", FeedbackKind.Nps, 0, 50), ("n10b", FeedbackKind.Nps, 10, 60),
        })
        {
            ids[name] = await world.AddFeedbackAsync(world.Host.OrgId, "survey", kind, score, daysAgo);
        }
        var rep = world.Client(ApiWorld.RepA1);
        var all = (await rep.GetFromJsonAsync<FeedbackList>($"/api/v1/feedback?accountId={account}&pageSize=2&sort=-score", ApiWorld.Json))!;
        // CSAT (5 + 4 + 2) / 3 = 3.67; NPS 3 promoters, 1 passive, 2 detractors of 6 = +16.7.
        Assert.Equal(new FeedbackSummary(9, 3, 3.67m, 6, 3, 1, 2, 16.7m), all.Summary);
        Assert.Equal((9, 2), (all.Total, all.Items.Count));
        Assert.All(all.Items, f => Assert.Equal(10, f.Score));

        var today = DateOnly.FromDateTime(world.Host.Clock.GetUtcNow().UtcDateTime);
        var recent = (await rep.GetFromJsonAsync<FeedbackList>(
            $"/api/v1/feedback?accountId={account}&from={today.AddDays(-30):yyyy-MM-dd}&to={today.AddDays(-2):yyyy-MM-dd}&sort=date", ApiWorld.Json))!;
        Assert.Equal([ids["n6"], ids["n8"], ids["n9"], ids["n10"], ids["c4"]], recent.Items.Select(f => f.Id));
        Assert.Equal(new FeedbackSummary(5, 1, 4m, 4, 2, 1, 1, 25m), recent.Summary);

        var passives = (await rep.GetFromJsonAsync<FeedbackList>($"/api/v1/feedback?accountId={account}&kind=Nps&minScore=7&maxScore=8", ApiWorld.Json))!;
        Assert.Equal([ids["n8"]], passives.Items.Select(f => f.Id));
        Assert.Equal(new FeedbackSummary(1, 0, null, 1, 0, 1, 0, 0m), passives.Summary);

        var ofDeal = (await rep.GetFromJsonAsync<FeedbackList>($"/api/v1/feedback?dealId={deal}&pageSize=200", ApiWorld.Json))!;
        Assert.Equal(9, ofDeal.Total);
        var none = (await rep.GetFromJsonAsync<FeedbackList>($"/api/v1/feedback?dealId={world.DealIds[ApiWorld.RepA2]}", ApiWorld.Json))!;
        Assert.Equal(new FeedbackSummary(0, 0, null, 0, 0, 0, 0, null), none.Summary);
        Assert.Empty(none.Items);
    }
}
