using Headroom.BrowserTests.Deals;
using static Microsoft.Playwright.Assertions;

namespace Headroom.BrowserTests.Wellbeing;

[Collection(nameof(ChromiumCollection))]
public class PulseSurveyTests(Chromium chromium, WellbeingServer seeded) : IClassFixture<WellbeingServer>
{
    private const string Comment = "这周客户拜访太多，有点累";

    [Fact]
    public async Task RepAnswersInChinese_ManagerSeesOnlyTheAverage_OnceThreeAnswered()
    {
        await AnswerAsync("li.lei@example.com", "2", "5", Comment, expectOwnComment: true);

        await using var managerContext = await chromium.NewContextAsync(seeded.Server, "zh-CN");
        var manager = await managerContext.NewPageAsync();
        await DealTests.SignInAsync(manager, "manager@example.com");
        await manager.GetByRole(AriaRole.Navigation, new() { Name = "主导航" }).GetByRole(AriaRole.Link, new() { Name = "身心健康" }).ClickAsync();
        await Expect(manager.GetByRole(AriaRole.Heading, new() { Name = "团队脉搏", Level = 2 })).ToBeVisibleAsync();
        await Expect(manager.GetByText("还没有哪一周达到 3 份答复。")).ToBeVisibleAsync();
        await Expect(manager.GetByRole(AriaRole.Rowheader, new() { Name = "李雷" })).ToBeVisibleAsync();
        await Expect(manager.GetByRole(AriaRole.Rowheader, new() { Name = "韩梅" })).ToHaveCountAsync(0);
        await Expect(manager.GetByText(Comment)).ToHaveCountAsync(0);

        await AnswerAsync("zhang.wei@example.com", "4", "3", null, expectOwnComment: false);
        await manager.ReloadAsync();
        await Expect(manager.GetByText("还没有哪一周达到 3 份答复。")).ToBeVisibleAsync();
        await AnswerAsync("wang.fang@example.com", "3", "1", null, expectOwnComment: false);
        await manager.ReloadAsync();

        // (2 + 4 + 3) / 3 = 3.0 energy, (5 + 3 + 1) / 3 = 3.0 stress, from 3 answers; no one's own.
        var week = manager.GetByRole(AriaRole.Region, new() { Name = "团队脉搏" }).GetByRole(AriaRole.Row).Nth(1);
        await Expect(week.GetByRole(AriaRole.Cell)).ToContainTextAsync(["3", "3.0", "3.0"]);
        await Expect(manager.GetByText(Comment)).ToHaveCountAsync(0);
        await Expect(manager.GetByRole(AriaRole.Region, new() { Name = "你的答复" })).ToContainTextAsync("你还没有答复过。");
    }

    private async Task AnswerAsync(string email, string energy, string stress, string? comment, bool expectOwnComment)
    {
        await using var context = await chromium.NewContextAsync(seeded.Server, "zh-CN");
        var page = await context.NewPageAsync();
        await DealTests.SignInAsync(page, email);
        await page.GotoAsync("/wellbeing");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "这周过得怎么样？", Level = 2 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "团队脉搏" })).ToHaveCountAsync(0);
        await page.GetByLabel("精力（1 = 精疲力尽，5 = 精力充沛）").SelectOptionAsync(energy);
        await page.GetByLabel("压力（1 = 很轻松，5 = 压力很大）").SelectOptionAsync(stress);
        if (comment is not null)
        {
            await page.GetByLabel("备注（可选，仅自己可见）").FillAsync(comment);
        }
        await page.GetByRole(AriaRole.Button, new() { Name = "保存答复" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("已保存");
        if (expectOwnComment)
        {
            await Expect(page.GetByRole(AriaRole.Region, new() { Name = "你的答复" })).ToContainTextAsync(comment!);
        }
    }
}
