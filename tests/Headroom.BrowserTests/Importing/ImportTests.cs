using static Microsoft.Playwright.Assertions;

namespace Headroom.BrowserTests.Importing;

[Collection(nameof(ChromiumCollection))]
public sealed class ImportTests(Chromium chromium, ImportServer seeded) : IClassFixture<ImportServer>, IDisposable
{
    private const string Header = "ExternalId,Name,Tier,Industry,Region,Territory,Owner,Status\n";
    private readonly string _files = Directory.CreateTempSubdirectory("headroom-import-files-").FullName;

    [Fact]
    public async Task Admin_SeesTheBadRowsError_FixesTheFile_AndApplies_InEnglishThenChinese()
    {
        var bad = await WriteAsync("accounts.csv", Header
            + "B-1,Northwind Traders,A,Retail,East,,li.lei@example.com,Active\n"
            + "B-2,Contoso Pharma,Z,Pharma,West,,li.lei@example.com,Active\n"
            + "B-3,Fabrikam Steel,C,Manufacturing,East,,li.lei@example.com,Prospect\n");
        await using var context = await chromium.NewContextAsync(seeded.Server, "en");
        var page = await context.NewPageAsync();
        await page.GotoAsync("/sign-in");
        await page.GetByLabel("Email").FillAsync("admin@example.com");
        await page.GetByLabel("Password").FillAsync(ImportServer.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main navigation" }).GetByRole(AriaRole.Link, new() { Name = "Import", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Import data", Level = 1 })).ToBeVisibleAsync();
        await page.GetByLabel("What the file holds").SelectOptionAsync(new SelectOptionValue { Label = "Accounts" });
        await page.GetByLabel("Exported from").SelectOptionAsync(new SelectOptionValue { Label = "Headroom" });
        await page.GetByLabel("File (.csv or .xlsx)").SetInputFilesAsync(bad);
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Alert).First).ToContainTextAsync("Fix the file and upload it again.");
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Tier" });
        await Expect(row.GetByRole(AriaRole.Cell).Nth(0)).ToHaveTextAsync("3");
        await Expect(row.GetByRole(AriaRole.Cell).Nth(1)).ToHaveTextAsync("Tier");
        await Expect(row.GetByRole(AriaRole.Cell).Nth(2)).ToContainTextAsync("Z");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Apply" })).ToBeDisabledAsync();

        // The rest in Chinese: the fixed file, its clean preview, and Apply.
        await page.GetByRole(AriaRole.Button, new() { Name = "中文" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "导入数据", Level = 1 })).ToBeVisibleAsync();
        var fixedFile = await WriteAsync("accounts-fixed.csv", Header
            + "B-1,Northwind Traders,A,Retail,East,,li.lei@example.com,Active\n"
            + "B-2,Contoso Pharma,B,Pharma,West,,li.lei@example.com,Active\n"
            + "B-3,Fabrikam Steel,C,Manufacturing,East,,li.lei@example.com,Prospect\n");
        await page.GetByLabel("文件（.csv 或 .xlsx）").SetInputFilesAsync(fixedFile);
        await page.GetByRole(AriaRole.Button, new() { Name = "预览" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("所有行均有效，尚未写入任何数据。确认导入将新建 3 条");
        await Expect(page.GetByText("请修改文件后重新上传")).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Button, new() { Name = "确认导入" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("导入完成：新建 3 条，更新 0 条，不变 0 条。");

        await page.GetByRole(AriaRole.Link, new() { Name = "查看客户" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "客户", Level = 1 })).ToBeVisibleAsync();
        foreach (var name in new[] { "Northwind Traders", "Contoso Pharma", "Fabrikam Steel" })
        {
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = name })).ToBeVisibleAsync();
        }
    }

    private async Task<string> WriteAsync(string name, string content)
    {
        var path = Path.Combine(_files, name);
        await File.WriteAllTextAsync(path, content);
        return path;
    }

    public void Dispose() => Directory.Delete(_files, recursive: true);
}
