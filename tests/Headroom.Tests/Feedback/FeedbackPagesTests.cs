using System.Net;
using Headroom.Feedback;
using Headroom.Tests.Web;
using Microsoft.EntityFrameworkCore;

namespace Headroom.Tests.Feedback;

[Trait("Category", "Integration")]
public class FeedbackPagesTests
{
    [Fact]
    public async Task FeedbackList_FiltersAndSummarizes_WithNumbersAndDatesInTheCulture()
    {
        await using var world = await ApiWorld.CreateAsync();
        var (account, _) = await world.AddAccountWithDealAsync(world.Host.OrgId, "survey", world.MemberIds[ApiWorld.RepA1], 0);
        world.AccountIds["survey"] = account;
        foreach (var score in new[] { 5, 4, 4 })
        {
            await world.AddFeedbackAsync(world.Host.OrgId, "survey", FeedbackKind.Csat, score, daysAgo: 3);
        }
        await world.AddFeedbackAsync(world.Host.OrgId, "survey", FeedbackKind.Nps, 10, daysAgo: 3);
        await world.AddFeedbackAsync(world.Host.OrgId, "survey", FeedbackKind.Nps, 3, daysAgo: 3);
        await world.AddFeedbackAsync(world.Host.OrgId, "survey", FeedbackKind.Nps, 9, daysAgo: 3);
        using var client = world.Host.CreateClient("zh-CN");
        await WebTestHost.SignInAsync(client, "repA1@example.com");

        var html = await client.GetStringAsync(new Uri($"/feedback?accountId={account}", UriKind.Relative));
        Assert.Contains("共 6 条反馈", html, StringComparison.Ordinal);
        Assert.Contains("平均满意度: <strong>4.33</strong>", html, StringComparison.Ordinal);
        Assert.Contains("净推荐值: <strong>+33.3</strong>", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        var date = DateOnly.FromDateTime(world.Host.Clock.GetUtcNow().UtcDateTime).AddDays(-3);
        Assert.Contains(date.ToString("d", System.Globalization.CultureInfo.GetCultureInfo("zh-CN")), html, StringComparison.Ordinal);

        var csatOnly = await client.GetStringAsync(new Uri($"/feedback?accountId={account}&kind=Csat&minScore=5", UriKind.Relative));
        Assert.Contains("共 1 条反馈", csatOnly, StringComparison.Ordinal);
        Assert.Contains("平均满意度: <strong>5.00</strong>", csatOnly, StringComparison.Ordinal);

        var accountPage = await client.GetStringAsync(new Uri($"/accounts/{account}", UriKind.Relative));
        Assert.Contains("平均满意度: <strong>4.33</strong>", accountPage, StringComparison.Ordinal);
        Assert.Contains("查看全部 6 条反馈", accountPage, StringComparison.Ordinal);

        var empty = await client.GetStringAsync(new Uri("/feedback?minScore=11", UriKind.Relative));
        Assert.Contains("没有符合条件的反馈。", empty, StringComparison.Ordinal);
        // A score typed by hand that is no number is no filter, not an error page.
        var typed = await client.GetStringAsync(new Uri($"/feedback?accountId={account}&minScore=abc&maxScore=", UriKind.Relative));
        Assert.Contains("共 6 条反馈", typed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecordingFeedback_ShowsTheScoreErrorBesideTheField_ThenSavesOnTheAccount()
    {
        await using var world = await ApiWorld.CreateAsync();
        using var client = world.Host.CreateClient();
        await WebTestHost.SignInAsync(client, "repA1@example.com");
        var account = world.AccountIds[ApiWorld.RepA1].ToString(System.Globalization.CultureInfo.InvariantCulture);
        var today = DateOnly.FromDateTime(world.Host.Clock.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var form = $"/feedback/new?accountId={account}";
        var fields = new Dictionary<string, string>
        {
            ["_handler"] = "feedback", ["Form.Kind"] = "Nps", ["Form.Score"] = "11", ["Form.AccountId"] = account,
            ["Form.DealId"] = world.DealIds[ApiWorld.RepA1].ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Form.Date"] = today, ["Form.Comment"] = "would recommend", ["Form.Version"] = "0",
        };
        var html = await (await WebTestHost.PostFormAsync(client, form, form, fields)).Content.ReadAsStringAsync();
        Assert.Contains("Between 0 and 10 for this kind.", html, StringComparison.Ordinal);
        fields["Form.Score"] = "ten";
        html = await (await WebTestHost.PostFormAsync(client, form, form, fields)).Content.ReadAsStringAsync();
        Assert.Contains("Enter a whole number.", html, StringComparison.Ordinal);

        fields["Form.Score"] = "10";
        var saved = await WebTestHost.PostFormAsync(client, form, form, fields);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.EndsWith($"/accounts/{account}?feedbackSaved=1", saved.Headers.Location?.OriginalString, StringComparison.Ordinal);
        await using var db = world.Host.Database.CreateContext(world.Host.OrgId);
        var entry = await db.CustomerFeedback.SingleAsync();
        Assert.Equal((FeedbackKind.Nps, 10, world.DealIds[ApiWorld.RepA1]), (entry.Kind, entry.Score, entry.DealId!.Value));
    }
}
