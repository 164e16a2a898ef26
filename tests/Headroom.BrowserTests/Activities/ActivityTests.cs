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

    [Fact]
    public async Task Rep_CorrectsALoggedCall_ThenDeletesIt()
    {
        await using var context = await chromium.NewContextAsync(seeded.Server, "zh-CN");
        var page = await context.NewPageAsync();
        await RepServer.SignInAsync(page, RepServer.Rep);

        await page.GotoAsync("/activities/new");
        await page.GetByRole(AriaRole.Radio, new() { Name = "15 分钟" }).CheckAsync();
        await page.GetByLabel("备注").FillAsync("记错了时长");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存记录" }).ClickAsync();
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "记错了时长" });
        await row.GetByRole(AriaRole.Link, new() { Name = "编辑" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "编辑活动", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Radio, new() { Name = "15 分钟" })).ToBeCheckedAsync();
        await page.GetByRole(AriaRole.Radio, new() { Name = "45 分钟" }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "保存修改" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("活动已保存。");
        await Expect(row.GetByRole(AriaRole.Cell, new() { Name = "45 分钟" })).ToBeVisibleAsync();

        await row.GetByRole(AriaRole.Link, new() { Name = "编辑" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "删除活动" }).ClickAsync();
        await Expect(page.GetByText("请勾选以确认。")).ToBeVisibleAsync();
        await page.GetByLabel("确认从记录中删除此活动").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "删除活动" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("活动已删除。");
        await Expect(page.GetByText("记错了时长")).ToHaveCountAsync(0);
    }

    [GeneratedRegex("^客户")]
    private static partial Regex AccountLabel();
}
