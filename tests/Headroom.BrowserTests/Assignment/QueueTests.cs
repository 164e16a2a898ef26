using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Headroom.BrowserTests.Assignment;

[Collection(nameof(ChromiumCollection))]
public class QueueTests(Chromium chromium, DemoServer demo) : IClassFixture<DemoServer>
{
    [Fact]
    public async Task Manager_CreatesAQueue_DryRunsIt_UnchecksOneLine_Applies_AndSeesTheLog()
    {
        await using var context = await chromium.NewContextAsync(demo.Server, "zh-CN");
        var page = await context.NewPageAsync();
        await page.GotoAsync("/sign-in");
        await page.GetByLabel("邮箱").FillAsync("manager@headroom.example");
        await page.GetByLabel("密码").FillAsync(DemoServer.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "退出登录" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Navigation, new() { Name = "主导航" }).GetByRole(AriaRole.Link, new() { Name = "工作负荷" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "分配队列" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "分配队列", Level = 1 })).ToBeVisibleAsync();
        // The demo seed's queues: 华东's balanced auto-routing one; 华南's, for website leads, is
        // another manager's team and not listed.
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "华东新线索均衡分配", Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "华南官网线索", Exact = true })).ToHaveCountAsync(0);

        // The balanced queue keeps leads from a rep's customers with that rep when the balance
        // allows (the demo puts some of its reps' account names on the waiting leads).
        await page.GotoAsync("/assignment/queues");
        var balanced = page.GetByRole(AriaRole.Link, new() { Name = "华东新线索均衡分配", Exact = true });
        await page.GotoAsync(await balanced.GetAttributeAsync("href") + "/run");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "“华东新线索均衡分配”试运行", Level = 1 })).ToBeVisibleAsync();
        var owned = page.GetByRole(AriaRole.Table, new() { Name = "建议的分配" }).Locator("tbody").GetByRole(AriaRole.Row).Filter(new() { HasText = "负责该公司客户" });
        Assert.True(await owned.CountAsync() > 0, "no lead went to its company's account owner");
        await page.GotoAsync("/assignment/queues");

        await page.GetByLabel("名称").FillAsync("华东新线索");
        await page.GetByLabel("团队").SelectOptionAsync(new SelectOptionValue { Label = "华东" });
        await page.GetByLabel("策略").SelectOptionAsync(new SelectOptionValue { Label = "负荷最低优先" });
        await page.GetByRole(AriaRole.Button, new() { Name = "新建队列" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "“华东新线索”的规则", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("队列已创建");
        await Expect(page.GetByText("均衡对整批线索统一规划", new() { Exact = false })).ToBeVisibleAsync();

        // The rules editor checks its fields.
        await page.GetByLabel("目标利用率（%）").FillAsync("500");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存规则" }).ClickAsync();
        await Expect(page.GetByText("在 10% 到 200% 之间。")).ToBeVisibleAsync();
        await page.GetByLabel("目标利用率（%）").FillAsync("120");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存规则" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("规则已保存");

        await page.GetByRole(AriaRole.Link, new() { Name = "试运行" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "“华东新线索”试运行", Level = 1 })).ToBeVisibleAsync();
        var plan = page.GetByRole(AriaRole.Table, new() { Name = "建议的分配" });
        var lines = plan.Locator("tbody").GetByRole(AriaRole.Row);
        var count = await lines.CountAsync();
        Assert.True(count >= 2, $"{count} lines");
        var names = new List<string>();
        for (var i = 0; i < count; i++)
        {
            names.Add((await lines.Nth(i).GetByRole(AriaRole.Cell).Nth(1).InnerTextAsync()).Trim());
        }
        await Expect(lines.First.GetByRole(AriaRole.Cell).Nth(6)).ToContainTextAsync("位符合条件中");
        // Leave out a line whose lead name is unique, so the log can be checked by name.
        var left = names.First(n => names.Count(m => m == n) == 1);
        // The log lists newest first, and the batch's last line is its newest entry.
        var kept = names.Last(n => n != left && names.Count(m => m == n) == 1);
        var leftName = left.Split(" (")[0];
        var keptName = kept.Split(" (")[0];
        await page.GetByRole(AriaRole.Checkbox, new() { Name = $"分配“{leftName}”" }).UncheckAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "应用所选分配" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"已为 {count - 1} 条线索指定负责人");

        await page.GetByRole(AriaRole.Link, new() { Name = "查看分配日志" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "分配日志", Level = 1 })).ToBeVisibleAsync();
        var log = page.GetByRole(AriaRole.Table, new() { Name = "分配日志" });
        var row = log.GetByRole(AriaRole.Row).Filter(new() { HasText = keptName });
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row).ToContainTextAsync("自动分配");
        await Expect(row).ToContainTextAsync("华东新线索");
        await Expect(log.GetByRole(AriaRole.Row).Filter(new() { HasText = leftName })).ToHaveCountAsync(0);
    }
}
