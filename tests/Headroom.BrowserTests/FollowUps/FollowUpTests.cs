using static Microsoft.Playwright.Assertions;

namespace Headroom.BrowserTests.FollowUps;

[Collection(nameof(ChromiumCollection))]
public class FollowUpTests(Chromium chromium, RepServer seeded) : IClassFixture<RepServer>
{
    [Fact]
    public async Task Rep_MarksAnOverdueFollowUpDone()
    {
        await using var context = await chromium.NewContextAsync(seeded.Server, "zh-CN");
        var page = await context.NewPageAsync();
        await RepServer.SignInAsync(page, RepServer.Rep);

        await page.GetByRole(AriaRole.Navigation, new() { Name = "主导航" }).GetByRole(AriaRole.Link, new() { Name = "待办跟进" }).ClickAsync();
        await page.GetByRole(AriaRole.Navigation, new() { Name = "跟进视图" }).GetByRole(AriaRole.Link, new() { Name = "已逾期" }).ClickAsync();
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "发送方案报价" });
        await Expect(row).ToBeVisibleAsync();
        await row.GetByRole(AriaRole.Button, new() { Name = "标记完成" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("跟进已完成。");
        await Expect(page.GetByText("没有逾期的跟进。")).ToBeVisibleAsync();
        await Expect(page.GetByText("发送方案报价")).ToHaveCountAsync(0);
    }
}
