using Headroom.BrowserTests.Deals;
using static Microsoft.Playwright.Assertions;

namespace Headroom.BrowserTests.Home;

[Collection(nameof(ChromiumCollection))]
public class HomeTests(Chromium chromium, DealsServer seeded) : IClassFixture<DealsServer>
{
    [Fact]
    public async Task Manager_SeesTheirTeamAtAGlance_InChineseAndEnglish()
    {
        await using var context = await chromium.NewContextAsync(seeded.Server, "zh-CN");
        var page = await context.NewPageAsync();
        await DealTests.SignInAsync(page, "manager@example.com");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "团队概览", Level = 2 })).ToBeVisibleAsync();
        var row = page.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = "李雷" }) });
        await Expect(row.GetByRole(AriaRole.Cell)).ToContainTextAsync(["上海一组", "1", "¥12,500.50", "0", "0", "0"]);
        await Expect(page.GetByRole(AriaRole.Rowheader, new() { Name = "韩梅" })).ToHaveCountAsync(0);
        await Expect(page.GetByText("没有逾期的跟进。")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your team at a glance", Level = 2 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Columnheader, new() { Name = "Open pipeline" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Rep_SeesTheirOwnWork_AndLogsAnActivityFromHome()
    {
        await using var context = await chromium.NewContextAsync(seeded.Server, "zh-CN");
        var page = await context.NewPageAsync();
        await DealTests.SignInAsync(page, "li.lei@example.com");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "我的工作", Level = 2 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "团队概览" })).ToHaveCountAsync(0);
        await Expect(page.GetByText("1 · ¥12,500.50")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "记录活动" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/activities/new$"));
    }
}
