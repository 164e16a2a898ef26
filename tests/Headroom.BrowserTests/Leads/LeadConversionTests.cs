using Headroom.BrowserTests.Deals;
using static Microsoft.Playwright.Assertions;

namespace Headroom.BrowserTests.Leads;

[Collection(nameof(ChromiumCollection))]
public class LeadConversionTests(Chromium chromium, DealsServer seeded) : IClassFixture<DealsServer>
{
    [Fact]
    public async Task Rep_ConvertsALead_IntoAnAccountWithAContactAndADeal()
    {
        await using var context = await chromium.NewContextAsync(seeded.Server, "zh-CN");
        var page = await context.NewPageAsync();
        await DealTests.SignInAsync(page, "li.lei@example.com");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "主导航" }).GetByRole(AriaRole.Link, new() { Name = "线索" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "周敏" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "转化线索", Level = 2 })).ToBeVisibleAsync();
        await Expect(page.GetByLabel("新客户名称")).ToHaveValueAsync("南京星辰医疗");
        await Expect(page.GetByLabel("联系人（可选）")).ToHaveValueAsync("周敏");

        // A bad amount is named beside its field and nothing is converted.
        await page.GetByLabel("商机金额（CNY）").FillAsync("八万");
        await page.GetByRole(AriaRole.Button, new() { Name = "转化", Exact = true }).ClickAsync();
        await Expect(page.Locator("label", new() { HasText = "商机金额" }).Locator(".field-error")).ToBeVisibleAsync();

        await page.GetByLabel("商机金额（CNY）").FillAsync("90,000");
        await page.GetByRole(AriaRole.Button, new() { Name = "转化", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("线索已转化。");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "南京星辰医疗 · 周敏", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByText("¥90,000.00")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "南京星辰医疗", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "南京星辰医疗", Level = 1 })).ToBeVisibleAsync();
    }
}
