using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;

namespace Headroom.BrowserTests.Goals;

[Collection(nameof(ChromiumCollection))]
public partial class GoalEditorTests(Chromium chromium, GoalsServer seeded) : IClassFixture<GoalsServer>
{
    [Fact]
    public async Task Admin_SetsAQuarterlyRevenueGoal_SeesTheSmartWarning_AndCascadesItToTeamsByCapacity()
    {
        await using var context = await chromium.NewContextAsync(seeded.Server, "en-US");
        var page = await context.NewPageAsync();
        await page.GotoAsync("/sign-in");
        await page.GetByLabel("Email").FillAsync("ada@example.com");
        await page.GetByLabel("Password").FillAsync(GoalsServer.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main navigation" }).GetByRole(AriaRole.Link, new() { Name = "Goals" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Goals", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByText("No goals in this period yet.")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "New goal" }).ClickAsync();

        // The organization, won revenue and this fiscal quarter are the defaults for an admin.
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Company revenue");
        await page.GetByLabel("Description").FillAsync("New business won this quarter");
        await page.GetByLabel("Target").FillAsync("1,000,000");
        await page.GetByLabel("Strategy note").FillAsync("Grow the north first");
        await Expect(page.GetByLabel("Owner")).ToHaveValueAsync("organization");
        await page.GetByRole(AriaRole.Button, new() { Name = "Check SMART" }).ClickAsync();
        // Nothing was ever sold here: the check says the target is out of reach by history.
        await Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Out of reach by history" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Save goal" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(GoalPath());
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Goal saved." })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Company revenue", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Out of reach by history" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Cascade" }).ClickAsync();
        await page.GetByLabel("Method").SelectOptionAsync(new SelectOptionValue { Label = "By capacity (leave and ramp-up pro-rated)" });
        await page.GetByLabel("Cascade to").SelectOptionAsync(new SelectOptionValue { Label = "Teams" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/cascade\?method=Capacity&childKind=Team$"));
        // Two reps in North, one in South: two thirds and one third, to the cent.
        var north = page.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = "North" }) });
        await Expect(north).ToContainTextAsync("$666,666.67");
        var south = page.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = "South" }) });
        await Expect(south).ToContainTextAsync("$333,333.33");
        await Expect(page.GetByText("The child goals add up to this goal.")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply cascade" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(GoalPath());
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Company revenue · North" })).ToBeVisibleAsync();
        await Expect(page.GetByText("The child goals add up to this goal.")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main navigation" }).GetByRole(AriaRole.Link, new() { Name = "Goals" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Rowheader, new() { Name = "Company revenue · South" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Progressbar)).ToHaveCountAsync(3);
    }

    [GeneratedRegex(@"/goals/\d+\?saved=1$")]
    private static partial Regex GoalPath();
}
