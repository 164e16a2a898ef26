using Headroom.BrowserTests.Deals;
using static Microsoft.Playwright.Assertions;

namespace Headroom.BrowserTests.Contacts;

[Collection(nameof(ChromiumCollection))]
public class ContactsAndFeedbackTests(Chromium chromium, DealsServer seeded) : IClassFixture<DealsServer>
{
    [Fact]
    public async Task Rep_AddsAContact_InChinese_ThenRecordsCsat_InEnglish_AndSeesTheAverageOnTheAccount()
    {
        await using var context = await chromium.NewContextAsync(seeded.Server, "zh-CN");
        var page = await context.NewPageAsync();
        await page.GotoAsync("/sign-in");
        await page.GetByLabel("邮箱").FillAsync("li.lei@example.com");
        await page.GetByLabel("密码").FillAsync(DealsServer.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "退出登录" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Navigation, new() { Name = "主导航" }).GetByRole(AriaRole.Link, new() { Name = "客户", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "上海宏达贸易有限公司" }).ClickAsync();
        await Expect(page.GetByText("该客户还没有联系人。")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "添加联系人" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "新建联系人", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByLabel("所属客户")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^[0-9]+$"));

        // Errors beside the fields; nothing is saved until they are fixed.
        await page.GetByLabel("邮箱").FillAsync("wang.fang@");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Expect(page.Locator("label", new() { HasText = "姓名" }).Locator(".field-error")).ToHaveTextAsync("必填。");
        await Expect(page.Locator("label", new() { HasText = "邮箱" }).Locator(".field-error")).ToHaveTextAsync("请输入一个邮箱地址，例如 name@example.com。");

        await page.GetByLabel("姓名").FillAsync("王芳");
        await page.GetByLabel("职务").FillAsync("采购经理");
        await page.GetByLabel("邮箱").FillAsync("wang.fang@hongda.example");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("联系人已保存。");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "王芳", Level = 1 })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "上海宏达贸易有限公司" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "王芳" })).ToBeVisibleAsync();

        // The rest in English, switched on the page itself.
        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Customer feedback", Level = 2 })).ToBeVisibleAsync();
        await Expect(page.GetByText("No feedback on this account yet.")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Record feedback" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Radio, new() { Name = "CSAT (satisfaction, 1–5)" })).ToBeCheckedAsync();
        await page.GetByLabel("Score").FillAsync("6");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page.Locator("label", new() { HasText = "Score" }).Locator(".field-error")).ToHaveTextAsync("Between 1 and 5 for this kind.");

        await page.GetByLabel("Score").FillAsync("4");
        await page.GetByLabel("Deal").SelectOptionAsync(new SelectOptionValue { Label = "宏达 ERP 升级" });
        await page.GetByLabel("Comment").FillAsync("Delivery on time");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Feedback recorded.");
        var summary = page.GetByRole(AriaRole.Group, new() { Name = "Feedback summary" });
        await Expect(summary).ToContainTextAsync("Average CSAT: 4.00");

        await page.GetByRole(AriaRole.Link, new() { Name = "Record feedback" }).ClickAsync();
        await page.GetByLabel("Score").FillAsync("5");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(summary).ToContainTextAsync("2 entries");
        await Expect(summary).ToContainTextAsync("Average CSAT: 4.50");
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Delivery on time" })).ToBeVisibleAsync();
    }
}
