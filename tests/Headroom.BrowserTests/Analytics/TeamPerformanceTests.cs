using Headroom.BrowserTests.Deals;
using static Microsoft.Playwright.Assertions;

namespace Headroom.BrowserTests.Analytics;

// A manager reads their reps against the team median and the funnel, switches the period, and
// downloads the table.
[Collection(nameof(ChromiumCollection))]
public sealed class TeamPerformanceTests(Chromium chromium, DealsServer seeded) : IClassFixture<DealsServer>
{
    [Fact]
    public async Task Manager_SeesTheirRepsAndTheFunnel_SwitchesPeriod_AndDownloadsCsv()
    {
        await using var context = await chromium.NewContextAsync(seeded.Server, "zh-CN");
        var page = await context.NewPageAsync();
        await DealTests.SignInAsync(page, "manager@example.com");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "主导航" }).GetByRole(AriaRole.Link, new() { Name = "业绩" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "团队业绩", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "团队中位数" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "李雷" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "韩梅" })).ToHaveCountAsync(0);
        // The imported open deal was created this quarter in 方案报价: it reached the first three stages.
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "阶段漏斗" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "方案报价" }).GetByRole(AriaRole.Cell).Nth(0)).ToHaveTextAsync("1");
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "商务谈判" }).GetByRole(AriaRole.Cell).Nth(0)).ToHaveTextAsync("0");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "下载 CSV" }).ClickAsync());
        var path = await download.PathAsync();
        var csv = await File.ReadAllTextAsync(path);
        Assert.Contains("李雷", csv, StringComparison.Ordinal);
        Assert.Contains("团队中位数", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("韩梅", csv, StringComparison.Ordinal);

        await page.GetByRole(AriaRole.Link, new() { Name = "上季度" }).ClickAsync();
        await Expect(page.GetByText("此期间没有新建商机。")).ToBeVisibleAsync();

        // A date that is not one comes back as an error, and the page falls back to this quarter.
        await page.GotoAsync("/analytics?from=2026-02-30");
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("“2026-02-30”不是日期");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "李雷" })).ToBeVisibleAsync();
    }
}
