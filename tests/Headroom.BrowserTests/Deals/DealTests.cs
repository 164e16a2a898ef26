using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;

namespace Headroom.BrowserTests.Deals;

[Collection(nameof(ChromiumCollection))]
public partial class DealTests(Chromium chromium, DealsServer seeded) : IClassFixture<DealsServer>
{
    [Fact]
    public async Task Manager_CreatesAndEditsADeal_InChinese()
    {
        await using var context = await chromium.NewContextAsync(seeded.Server, "zh-CN");
        var page = await context.NewPageAsync();
        await SignInAsync(page, "manager@example.com");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "主导航" }).GetByRole(AriaRole.Link, new() { Name = "商机" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "商机", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "宏达 ERP 升级" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "新建商机" }).ClickAsync();

        // Without a name the error appears beside the field, and nothing is saved.
        await page.GetByLabel("客户").SelectOptionAsync(new SelectOptionValue { Label = "上海宏达贸易有限公司" });
        await page.GetByLabel("金额（CNY）").FillAsync("88,000.5");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Expect(page.Locator("label", new() { HasText = "商机名称" }).Locator(".field-error")).ToHaveTextAsync("必填。");

        await page.GetByLabel("商机名称").FillAsync("宏达 仓储系统");
        await page.GetByLabel("负责人").SelectOptionAsync(new SelectOptionValue { Label = "李雷" });
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("商机已保存。");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "宏达 仓储系统", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByText("¥88,000.50")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "编辑商机" }).ClickAsync();
        await page.GetByLabel("金额（CNY）").FillAsync("90000");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("商机已保存。");
        await Expect(page.GetByText("¥90,000.00")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Rep_OpeningAnotherRepsDeal_ByUrl_SeesNotFound()
    {
        string dealUrl;
        await using (var context = await chromium.NewContextAsync(seeded.Server, "zh-CN"))
        {
            var page = await context.NewPageAsync();
            await SignInAsync(page, "li.lei@example.com");
            await page.GotoAsync("/deals");
            await page.GetByRole(AriaRole.Link, new() { Name = "宏达 ERP 升级" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "宏达 ERP 升级", Level = 1 })).ToBeVisibleAsync();
            dealUrl = new Uri(page.Url).PathAndQuery;
            Assert.Matches(DealPath(), dealUrl);
        }

        await using (var context = await chromium.NewContextAsync(seeded.Server, "zh-CN"))
        {
            var page = await context.NewPageAsync();
            await SignInAsync(page, "han.mei@example.com");
            var response = await page.GotoAsync(dealUrl);
            Assert.Equal(404, response!.Status);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "未找到", Level = 1 })).ToBeVisibleAsync();
            await Expect(page.GetByText("宏达 ERP 升级")).ToHaveCountAsync(0);
        }
    }

    internal static async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync("/sign-in");
        await page.GetByLabel("邮箱").FillAsync(email);
        await page.GetByLabel("密码").FillAsync(DealsServer.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "退出登录" })).ToBeVisibleAsync();
    }

    [GeneratedRegex("^/deals/[0-9]+$")]
    private static partial Regex DealPath();
}
