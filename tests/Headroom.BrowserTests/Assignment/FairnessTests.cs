using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Headroom.BrowserTests.Assignment;

// The demo's leads, accounts, deals and follow-ups were logged as they were assigned, so the
// manager of 华东 reads a fairness audit with a chart and a row per rep, and drills into one rep's log.
[Collection(nameof(ChromiumCollection))]
public class FairnessTests(Chromium chromium, DemoServer demo) : IClassFixture<DemoServer>
{
    [Fact]
    public async Task Manager_ReadsTheFairnessOfTheTeam_AndDrillsIntoARepsLog()
    {
        await using var context = await chromium.NewContextAsync(demo.Server, "zh-CN");
        var page = await context.NewPageAsync();
        await page.GotoAsync("/sign-in");
        await page.GetByLabel("邮箱").FillAsync("manager@headroom.example");
        await page.GetByLabel("密码").FillAsync(DemoServer.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "退出登录" })).ToBeVisibleAsync();

        await page.GotoAsync("/assignment/log");
        await page.GetByRole(AriaRole.Link, new() { Name = "分配公平性审计" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "分配公平性审计", Level = 1 })).ToBeVisibleAsync();
        var filters = page.GetByRole(AriaRole.Search, new() { Name = "公平性筛选" });
        await filters.GetByLabel("团队").SelectOptionAsync(new SelectOptionValue { Label = "华东" });
        await filters.GetByLabel("统计粒度").SelectOptionAsync("month");
        await filters.GetByRole(AriaRole.Button, new() { Name = "显示" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasTextRegex = new System.Text.RegularExpressions.Regex("^(公平|偏向)") })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Img, new() { Name = "每可用工时的工作流入（按时间）" }).Locator("svg").First).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Img, new() { Name = "工作流入占比与可用工时占比（%）" }).Locator("svg").First).ToBeVisibleAsync();
        var table = page.GetByRole(AriaRole.Table, new() { Name = "按销售" });
        var row = table.GetByRole(AriaRole.Row).Filter(new() { HasText = "郑昊焱" });
        await Expect(row).ToBeVisibleAsync();

        await row.GetByRole(AriaRole.Link, new() { Name = "郑昊焱 的日志记录" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "分配日志", Level = 1 })).ToBeVisibleAsync();
        var log = page.GetByRole(AriaRole.Table).Locator("tbody").GetByRole(AriaRole.Row);
        await Expect(log.First).ToContainTextAsync("郑昊焱");
    }
}
