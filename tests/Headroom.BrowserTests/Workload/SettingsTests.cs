using Headroom.BrowserTests.Importing;
using static Microsoft.Playwright.Assertions;

namespace Headroom.BrowserTests.Workload;

// An admin tunes the effort model and imports a holiday calendar, on an English organization in
// London (which starts with no holidays at all).
[Collection(nameof(ChromiumCollection))]
public sealed class SettingsTests(Chromium chromium, ImportServer seeded) : IClassFixture<ImportServer>, IDisposable
{
    private readonly string _files = Directory.CreateTempSubdirectory("headroom-calendar-files-").FullName;

    [Fact]
    public async Task Admin_EditsTheEffortModel_ThenImportsACalendar_AfterFixingABadRow()
    {
        await using var context = await chromium.NewContextAsync(seeded.Server, "en");
        var page = await context.NewPageAsync();
        await page.GotoAsync("/sign-in");
        await page.GetByLabel("Email").FillAsync("admin@example.com");
        await page.GetByLabel("Password").FillAsync(ImportServer.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main navigation" }).GetByRole(AriaRole.Link, new() { Name = "Settings", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Workload settings", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByText("These are Headroom's defaults.")).ToBeVisibleAsync();

        // A typo comes back under its field and nothing is saved.
        await page.GetByLabel("Per visit (hours)").FillAsync("two");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save effort model" }).ClickAsync();
        await Expect(page.GetByText("'two' is not a number.")).ToBeVisibleAsync();
        await page.GetByLabel("Per visit (hours)").FillAsync("2");
        await page.GetByLabel("Overhead share (%)").FillAsync("20");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save effort model" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Settings saved. The workload pages use them from now on.");
        await Expect(page.GetByLabel("Per visit (hours)")).ToHaveValueAsync("2");
        await Expect(page.GetByLabel("Overhead share (%)")).ToHaveValueAsync("20");
        await Expect(page.GetByText("Your organization has changed the defaults.")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Holiday calendar" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Import a calendar" })).ToBeVisibleAsync();
        await page.GotoAsync("/settings/calendar?year=2026");
        await Expect(page.GetByText("No holidays or extra working days in 2026.")).ToBeVisibleAsync();
        var bad = await WriteAsync("uk.csv", "date,kind,name\n2026-12-25,holiday,Christmas Day\n2026-12-26,holidy,Boxing Day\n");
        await page.GetByLabel("Calendar file", new() { Exact = true }).SetInputFilesAsync(bad);
        await page.GetByLabel("Calendar code").FillAsync("UK");
        await page.GetByRole(AriaRole.Button, new() { Name = "Import", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("row 3, kind");
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("'holidy' is not a kind of day");

        var good = await WriteAsync("uk-fixed.csv", "date,kind,name\n2026-12-25,holiday,Christmas Day\n2026-12-26,holiday,Boxing Day\n");
        await page.GetByLabel("Calendar file", new() { Exact = true }).SetInputFilesAsync(good);
        await page.GetByLabel("Calendar code").FillAsync("UK");
        await page.GetByRole(AriaRole.Button, new() { Name = "Import", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Imported 2 days.");
        await Expect(page.GetByText("2 holidays and 0 extra working days.")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Boxing Day" })).ToContainTextAsync("UK");

        await page.GetByRole(AriaRole.Button, new() { Name = "Remove 2026-12-26" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The day is an ordinary day again.");
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Boxing Day" })).ToHaveCountAsync(0);
    }

    private async Task<string> WriteAsync(string name, string content)
    {
        var path = Path.Combine(_files, name);
        await File.WriteAllTextAsync(path, content);
        return path;
    }

    public void Dispose() => Directory.Delete(_files, recursive: true);
}
