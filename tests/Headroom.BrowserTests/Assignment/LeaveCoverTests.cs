using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Headroom.BrowserTests.Assignment;

[Collection(nameof(ChromiumCollection))]
public class LeaveCoverTests(Chromium chromium, DemoServer demo) : IClassFixture<DemoServer>
{
    [Fact]
    public async Task Manager_EntersARepsLeave_PlansTheCover_Applies_AndTheFollowUpsShowWhoCovers()
    {
        await using var context = await chromium.NewContextAsync(demo.Server, "zh-CN");
        var page = await context.NewPageAsync();
        await page.GotoAsync("/sign-in");
        await page.GetByLabel("邮箱").FillAsync("manager@headroom.example");
        await page.GetByLabel("密码").FillAsync(DemoServer.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "退出登录" })).ToBeVisibleAsync();

        // Leave for 郑昊焱 next Monday to Friday.
        // The server runs on the real clock.
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(TimeProvider.System.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).DateTime);
        var monday = today.AddDays(7 - (((int)today.DayOfWeek + 6) % 7));
        await page.GetByRole(AriaRole.Navigation, new() { Name = "主导航" }).GetByRole(AriaRole.Link, new() { Name = "人员", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "郑昊焱", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "登记假期" }).ClickAsync();
        await page.GetByLabel("开始日期").FillAsync(monday.ToString("yyyy-MM-dd"));
        await page.GetByLabel("结束日期").FillAsync(monday.AddDays(4).ToString("yyyy-MM-dd"));
        await page.GetByRole(AriaRole.Button, new() { Name = "保存假期" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("假期已保存");

        await page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("的休假代理$") }).First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex("^休假代理：郑昊焱"), Level = 1 })).ToBeVisibleAsync();
        var lines = page.GetByRole(AriaRole.Table, new() { Name = "代理方案" }).Locator("tbody").GetByRole(AriaRole.Row);
        await Expect(lines.First).ToBeVisibleAsync();
        // Each line is explained: who, the load over the leave, and why.
        await Expect(lines.First.GetByRole(AriaRole.Cell).Nth(5)).ToContainTextAsync("休假期间");
        var title = (await lines.First.GetByRole(AriaRole.Cell).Nth(1).InnerTextAsync()).Trim();
        var cover = page.GetByRole(AriaRole.Combobox, new() { Name = $"{title} 的代理人" });
        var coverId = await cover.InputValueAsync();
        var coverName = (await cover.Locator($"option[value='{coverId}']").InnerTextAsync()).Trim();

        await page.GetByRole(AriaRole.Button, new() { Name = "应用代理" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("代理已应用");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "结束代理" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "被代理的跟进事项" }).GetByRole(AriaRole.Row).Filter(new() { HasText = title }).First).ToContainTextAsync(coverName);

        await page.GetByRole(AriaRole.Link, new() { Name = "郑昊焱的跟进事项" }).ClickAsync();
        await Expect(page.GetByText($"由 {coverName} 代理").First).ToBeVisibleAsync();
    }
}
