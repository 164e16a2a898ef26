using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;

namespace Headroom.BrowserTests.Activities;

[Collection(nameof(ChromiumCollection))]
public partial class ActivityTests(Chromium chromium, RepServer seeded) : IClassFixture<RepServer>
{
    [Fact]
    public async Task Rep_LogsAVisitToTheirAccount_InAFewSteps_AndSeesItInTheirList()
    {
        await using var context = await chromium.NewContextAsync(seeded.Server, "zh-CN");
        var page = await context.NewPageAsync();
        await RepServer.SignInAsync(page, RepServer.Rep);

        await page.GetByRole(AriaRole.Navigation, new() { Name = "主导航" }).GetByRole(AriaRole.Link, new() { Name = "记录活动" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "记录活动", Level = 1 })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Radio, new() { Name = "拜访" }).CheckAsync();
        // The select's name is its label and the chosen option ("客户 （无）"); the search box is "查找客户".
        await page.GetByLabel(AccountLabel()).SelectOptionAsync(new SelectOptionValue { Label = "上海宏达贸易有限公司" });
        await page.GetByRole(AriaRole.Radio, new() { Name = "1 小时" }).CheckAsync();
        await page.GetByLabel("备注").FillAsync("看了新仓库");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存记录" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("活动已记录。");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "我的活动", Level = 1 })).ToBeVisibleAsync();
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "看了新仓库" });
        await Expect(row.GetByRole(AriaRole.Cell, new() { Name = "拜访" })).ToBeVisibleAsync();
        await Expect(row.GetByRole(AriaRole.Link, new() { Name = "上海宏达贸易有限公司" })).ToBeVisibleAsync();
        await Expect(row.GetByRole(AriaRole.Cell, new() { Name = "60 分钟" })).ToBeVisibleAsync();
    }

    [GeneratedRegex("^客户")]
    private static partial Regex AccountLabel();
}
