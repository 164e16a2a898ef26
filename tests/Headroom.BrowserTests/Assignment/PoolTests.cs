using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Headroom.BrowserTests.Assignment;

[Collection(nameof(ChromiumCollection))]
public class PoolTests(Chromium chromium, DemoServer demo) : IClassFixture<DemoServer>
{
    [Fact]
    public async Task Rep_OpensThePoolFromTheNav_ClaimsAnAccount_AndItLeavesThePool()
    {
        await using var context = await chromium.NewContextAsync(demo.Server, "zh-CN");
        var page = await context.NewPageAsync();
        await page.GotoAsync("/sign-in");
        await page.GetByLabel("邮箱").FillAsync("rep@headroom.example");
        await page.GetByLabel("密码").FillAsync(DemoServer.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "退出登录" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Navigation, new() { Name = "主导航" }).GetByRole(AriaRole.Link, new() { Name = "公海", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "公海", Level = 1 })).ToBeVisibleAsync();
        var rows = page.GetByRole(AriaRole.Table, new() { Name = "公海", Exact = true }).Locator("tbody").GetByRole(AriaRole.Row);
        await Expect(rows.First).ToBeVisibleAsync();
        var name = (await rows.First.GetByRole(AriaRole.Cell).First.InnerTextAsync()).Trim();

        await rows.First.GetByRole(AriaRole.Button, new() { Name = $"领取 {name}" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"已领取 {name}");
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "公海", Exact = true }).GetByRole(AriaRole.Button, new() { Name = $"领取 {name}" })).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Navigation, new() { Name = "公海", Exact = true }).GetByRole(AriaRole.Link, new() { Name = "线索", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("kind=leads"));
    }
}
