using System.Text.RegularExpressions;
using Headroom.BrowserTests.Deals;
using static Microsoft.Playwright.Assertions;

namespace Headroom.BrowserTests.Workload;

[Collection(nameof(ChromiumCollection))]
public partial class WorkloadTests(Chromium chromium, DealsServer seeded) : IClassFixture<DealsServer>
{
    [Fact]
    public async Task Manager_ReadsTheHeatmap_FiltersByTeam_AndOpensAMember_InChinese()
    {
        await using var context = await chromium.NewContextAsync(seeded.Server, "zh-CN");
        var page = await context.NewPageAsync();
        await DealTests.SignInAsync(page, "manager@example.com");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "主导航" }).GetByRole(AriaRole.Link, new() { Name = "工作负荷" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "工作负荷", Level = 1 })).ToBeVisibleAsync();
        var row = page.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = "李雷" }) });
        // The cell says its band in words as well as in colour.
        await Expect(row.GetByRole(AriaRole.Cell).First).ToHaveTextAsync(CellWithBand());
        await Expect(page.GetByRole(AriaRole.Rowheader, new() { Name = "韩梅" })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Rowheader, new() { Name = "中位数" })).ToBeVisibleAsync();

        await page.GetByLabel("团队").SelectOptionAsync(new SelectOptionValue { Label = "上海一组" });
        await page.GetByRole(AriaRole.Button, new() { Name = "显示" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/workload\?teamId=\d+$"));
        await page.GetByRole(AriaRole.Table).First.GetByRole(AriaRole.Link, new() { Name = "李雷" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "李雷的工作负荷", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "工作量构成" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "工时日历" })).ToBeVisibleAsync();
    }

    [GeneratedRegex(@"\d+\s?%\s*(负荷不足|正常|偏高|超负荷)|–\s*无可用工时")]
    private static partial Regex CellWithBand();
}
