using System.Text.RegularExpressions;
using Headroom.BrowserTests.Assignment;
using static Microsoft.Playwright.Assertions;

namespace Headroom.BrowserTests.Analytics;

// The demo manager (team 华东, who reads Headroom in Chinese) explores activities month by month,
// opens the records behind one value, then sets the team's revenue goal and finds its pace drawn
// on the goal page and on the dashboard, the team's funnel by month with the deals behind a count,
// and the pipeline coverage against the new goal.
[Collection(nameof(ChromiumCollection))]
public sealed class ExplorerTests(Chromium chromium, DemoServer demo) : IClassFixture<DemoServer>
{
    [Fact]
    public async Task DemoManager_ExploresActivitiesByMonth_OpensACell_AndSeesThePacingChart()
    {
        await using var context = await chromium.NewContextAsync(demo.Server, "zh-CN");
        var page = await context.NewPageAsync();
        await page.GotoAsync("/sign-in");
        await page.GetByLabel("邮箱").FillAsync("manager@headroom.example");
        await page.GetByLabel("密码").FillAsync(DemoServer.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "退出登录" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Navigation, new() { Name = "主导航" }).GetByRole(AriaRole.Link, new() { Name = "业绩" }).ClickAsync();
        await page.GetByRole(AriaRole.Navigation, new() { Name = "分析视图" }).GetByRole(AriaRole.Link, new() { Name = "分析浏览器" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "分析浏览器", Level = 1 })).ToBeVisibleAsync();

        var filters = page.GetByRole(AriaRole.Search);
        await filters.GetByLabel("指标").SelectOptionAsync(new SelectOptionValue { Label = "活动" });
        await filters.GetByLabel("粒度").SelectOptionAsync(new SelectOptionValue { Label = "月" });
        await filters.GetByRole(AriaRole.Button, new() { Name = "显示", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "活动（按月）" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Figure, new() { Name = "趋势图" })).ToBeVisibleAsync();
        var table = page.GetByRole(AriaRole.Table, new() { Name = "按代表和期间" });
        await Expect(table.GetByRole(AriaRole.Row).Filter(new() { HasText = "团队中位数" })).ToBeVisibleAsync();
        // The member column and twelve months.
        await Expect(table.GetByRole(AriaRole.Columnheader)).ToHaveCountAsync(13);

        // Last month's value for everyone shown: the activities behind it, each a link to the record.
        var group = table.GetByRole(AriaRole.Row).Filter(new() { HasText = "全部显示人员" });
        var lastMonth = group.GetByRole(AriaRole.Link).Nth(10);
        var count = (await lastMonth.InnerTextAsync()).Trim();
        Assert.NotEqual("0", count);
        await lastMonth.ClickAsync();
        var records = page.GetByRole(AriaRole.Region, new() { NameRegex = new Regex("^全部显示人员，\\d{4}-\\d{2} 的记录$") });
        await Expect(records).ToBeVisibleAsync();
        await Expect(records.GetByText($"共 {count} 条记录")).ToBeVisibleAsync();
        var rows = records.GetByRole(AriaRole.Table).Locator("tbody").GetByRole(AriaRole.Row);
        await Expect(rows.First).ToBeVisibleAsync();
        Assert.InRange(await rows.CountAsync(), 1, 25);
        await Expect(rows.First.GetByRole(AriaRole.Link)).ToHaveAttributeAsync("href", new Regex("^/activities/\\d+/edit$"));

        // A team revenue goal for this quarter, then its pace on the goal page and the dashboard.
        await page.GotoAsync("/goals/new");
        await page.GetByLabel("名称", new() { Exact = true }).FillAsync("华东收入");
        await page.GetByLabel("目标值").FillAsync("5,000,000");
        await page.GetByLabel("负责对象").SelectOptionAsync(new SelectOptionValue { Label = "团队：华东" });
        await page.GetByRole(AriaRole.Button, new() { Name = "保存目标" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "目标已保存。" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Figure, new() { Name = "周期进度" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Navigation, new() { Name = "主导航" }).GetByRole(AriaRole.Link, new() { Name = "仪表盘" }).ClickAsync();
        var goal = page.GetByRole(AriaRole.Region, new() { Name = "收入目标" });
        await Expect(goal.GetByRole(AriaRole.Link, new() { Name = "华东收入" })).ToBeVisibleAsync();
        var chart = goal.GetByRole(AriaRole.Figure, new() { Name = "周期进度" });
        await Expect(chart).ToBeVisibleAsync();
        await Expect(chart).ToContainTextAsync("按日期应完成");
        await Expect(chart).ToContainTextAsync("按商机加权预测");

        // The team's funnel month by month; last month's count at the first stage opens its deals.
        await page.GotoAsync("/analytics/explorer");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "分析视图" }).GetByRole(AriaRole.Link, new() { Name = "分期漏斗" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "分期漏斗", Level = 1 })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Search).GetByLabel("团队").SelectOptionAsync(new SelectOptionValue { Label = "华东" });
        await page.GetByRole(AriaRole.Search).GetByRole(AriaRole.Button, new() { Name = "显示", Exact = true }).ClickAsync();
        var funnel = page.GetByRole(AriaRole.Region, new() { Name = "华东 团队整体" });
        await Expect(funnel.GetByRole(AriaRole.Figure)).ToBeVisibleAsync();
        var firstStage = funnel.GetByRole(AriaRole.Table).Locator("tbody").GetByRole(AriaRole.Row).Nth(1).GetByRole(AriaRole.Link).Nth(10);
        var reached = (await firstStage.InnerTextAsync()).Trim();
        Assert.NotEqual("0", reached);
        await firstStage.ClickAsync();
        var deals = page.GetByRole(AriaRole.Region, new() { NameRegex = new Regex("^华东 团队整体 在 \\d{4}-\\d{2} 新建且到达“.+”的商机$") });
        await Expect(deals.GetByText($"共 {reached} 条记录")).ToBeVisibleAsync();
        await Expect(deals.GetByRole(AriaRole.Table).Locator("tbody").GetByRole(AriaRole.Row).First.GetByRole(AriaRole.Link))
            .ToHaveAttributeAsync("href", new Regex("^/deals/\\d+$"));

        // Coverage against the goal just set: this month's end has a ratio (or the target met),
        // the months before it no goal, said in words.
        await page.GetByRole(AriaRole.Navigation, new() { Name = "分析视图" }).GetByRole(AriaRole.Link, new() { Name = "管道覆盖率" }).ClickAsync();
        await page.GetByRole(AriaRole.Search).GetByLabel("团队").SelectOptionAsync(new SelectOptionValue { Label = "华东" });
        await page.GetByRole(AriaRole.Search).GetByRole(AriaRole.Button, new() { Name = "显示", Exact = true }).ClickAsync();
        var coverage = page.GetByRole(AriaRole.Region, new() { Name = "华东 团队整体" });
        await Expect(coverage.GetByRole(AriaRole.Figure)).ToBeVisibleAsync();
        await Expect(coverage.GetByRole(AriaRole.Figure)).ToContainTextAsync("3 倍覆盖");
        var coverageRows = coverage.GetByRole(AriaRole.Table).Locator("tbody").GetByRole(AriaRole.Row);
        await Expect(coverageRows.Last).ToContainTextAsync(new Regex("倍|目标已达成"));
        await Expect(coverageRows.First).ToContainTextAsync("无目标");
        await Expect(coverage.GetByText("没有赢单收入目标覆盖该周期的结束日", new() { Exact = false })).ToBeVisibleAsync();
    }
}
