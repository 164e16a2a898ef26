using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Headroom.BrowserTests.Assignment;

[Collection(nameof(ChromiumCollection))]
public class RebalanceTests(Chromium chromium, DemoServer demo) : IClassFixture<DemoServer>
{
    [Fact]
    public async Task Manager_DryRunsTheOverloadedTeam_EditsTwoLines_Applies_AndSeesTheLog()
    {
        await using var context = await chromium.NewContextAsync(demo.Server, "zh-CN");
        var page = await context.NewPageAsync();
        await page.GotoAsync("/sign-in");
        await page.GetByLabel("邮箱").FillAsync("manager@headroom.example");
        await page.GetByLabel("密码").FillAsync(DemoServer.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "退出登录" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Navigation, new() { Name = "主导航" }).GetByRole(AriaRole.Link, new() { Name = "工作负荷" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "再平衡此团队" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "工作量再平衡", Level = 1 })).ToBeVisibleAsync();

        // The dry run: three moves out of the overloaded reps' work, each explained.
        await page.GetByRole(AriaRole.Search).GetByRole(AriaRole.Combobox).SelectOptionAsync(new SelectOptionValue { Label = "华东" });
        await page.GetByLabel("最多调整次数").FillAsync("3");
        await page.GetByRole(AriaRole.Button, new() { Name = "生成方案（试运行）" }).ClickAsync();
        var proposal = page.GetByRole(AriaRole.Table, new() { Name = "建议的调整" });
        var lines = proposal.Locator("tbody").GetByRole(AriaRole.Row);
        await Expect(lines).ToHaveCountAsync(3);
        for (var i = 0; i < 3; i++)
        {
            await Expect(lines.Nth(i).GetByRole(AriaRole.Cell).Nth(2)).ToContainTextAsync(new System.Text.RegularExpressions.Regex("郑昊焱|范晋鹏"));
            // The demo's accounts lie in their owner's territories: every move says which rule
            // limited the receivers (and names a runner-up when there is one).
            await Expect(lines.Nth(i).GetByRole(AriaRole.Cell).Nth(5)).ToContainTextAsync("仅限满足其要求的同事：区域");
        }
        var items = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            items.Add((await lines.Nth(i).GetByRole(AriaRole.Cell).Nth(1).InnerTextAsync()).Trim());
        }

        // Edit: give a line to another teammate and leave another out. A line's receiver list offers
        // only the teammates who meet its item's requirements (the account's territory), so the
        // edited line is one with a second eligible receiver.
        int edit = -1;
        string other = "", otherName = "";
        for (var i = 0; i < 3 && edit < 0; i++)
        {
            var receiver = page.GetByRole(AriaRole.Combobox, new() { Name = $"“{items[i]}”的接收人" });
            var proposed = await receiver.InputValueAsync();
            var options = await receiver.Locator("option").EvaluateAllAsync<string[]>("options => options.map(o => o.value)");
            Assert.Contains(proposed, options);
            if (options.Length > 1)
            {
                (edit, other) = (i, options.First(value => value != proposed));
                await receiver.SelectOptionAsync(other);
                otherName = (await receiver.Locator($"option[value='{other}']").InnerTextAsync()).Trim();
            }
        }
        Assert.True(edit >= 0, "no line of the dry run has a second eligible receiver");
        var (left, kept) = ((edit + 1) % 3, (edit + 2) % 3);
        await page.GetByRole(AriaRole.Checkbox, new() { Name = $"应用“{items[left]}”的调整" }).UncheckAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "应用所选调整" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("次负责人变更已记入日志");

        await page.GetByRole(AriaRole.Link, new() { Name = "查看分配日志" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "分配日志", Level = 1 })).ToBeVisibleAsync();
        var log = page.GetByRole(AriaRole.Table, new() { Name = "分配日志" });
        var edited = log.GetByRole(AriaRole.Row).Filter(new() { HasText = items[edit] });
        await Expect(edited).ToHaveCountAsync(1);
        await Expect(edited).ToContainTextAsync(otherName);
        await Expect(edited).ToContainTextAsync("接收人由经理修改");
        await Expect(log.GetByRole(AriaRole.Row).Filter(new() { HasText = items[kept] })).ToHaveCountAsync(1);
        await Expect(log.GetByRole(AriaRole.Row).Filter(new() { HasText = items[left] })).ToHaveCountAsync(0);
        await Expect(log.GetByRole(AriaRole.Row).Filter(new() { HasText = "再平衡" }).First).ToContainTextAsync("秦博涛");
    }
}
