using Headroom.BrowserTests.Goals;
using static Microsoft.Playwright.Assertions;

namespace Headroom.BrowserTests.Analytics;

// An admin opens the dashboard of an organization that has sold nothing yet, sets the revenue goal
// from it, and reads the goal's pace; a team and a rep see their own.
[Collection(nameof(ChromiumCollection))]
public sealed class DashboardTests(Chromium chromium, GoalsServer seeded) : IClassFixture<GoalsServer>
{
    private static async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync("/sign-in");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(GoalsServer.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
    }

    private static Task OpenDashboardAsync(IPage page) =>
        page.GetByRole(AriaRole.Navigation, new() { Name = "Main navigation" }).GetByRole(AriaRole.Link, new() { Name = "Dashboard" }).ClickAsync();

    [Fact]
    public async Task Admin_SetsTheRevenueGoalFromTheDashboard_ThenReadsItsPace_TeamAndRepSeeTheirOwn()
    {
        await using var context = await chromium.NewContextAsync(seeded.Server, "en-US");
        var page = await context.NewPageAsync();
        await SignInAsync(page, "ada@example.com");

        await OpenDashboardAsync(page);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Dashboard", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByText("The whole organization.")).ToBeVisibleAsync();
        await Expect(page.GetByText("No won-revenue goal covers this period.")).ToBeVisibleAsync();
        await Expect(page.GetByText("No deal was won in the twelve months up to this period.")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Set a goal" }).ClickAsync();
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Company revenue");
        await page.GetByLabel("Target").FillAsync("1,000,000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save goal" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Goal saved." })).ToBeVisibleAsync();

        await OpenDashboardAsync(page);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Company revenue" })).ToBeVisibleAsync();
        var goal = page.GetByRole(AriaRole.Region, new() { Name = "Revenue goal" });
        await Expect(goal.GetByRole(AriaRole.Group, new() { Name = "Target", Exact = true })).ToContainTextAsync("$1,000,000.00");
        await Expect(goal.GetByRole(AriaRole.Group, new() { Name = "Won so far", Exact = true })).ToContainTextAsync("$0.00");
        await Expect(goal.GetByRole(AriaRole.Progressbar)).ToBeVisibleAsync();
        var figures = page.GetByRole(AriaRole.Region, new() { Name = "Figures for the period" });
        await Expect(figures.GetByRole(AriaRole.Group, new() { Name = "Won revenue", Exact = true })).ToContainTextAsync("$0.00");

        // A team has no goal of its own yet.
        await page.GetByLabel("Team", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "North" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Show", Exact = true }).ClickAsync();
        await Expect(page.GetByText("Team North with its sub-teams.")).ToBeVisibleAsync();
        await Expect(page.GetByText("No won-revenue goal covers this period.")).ToBeVisibleAsync();

        // A date that is not one is named, and the page falls back to this quarter.
        await page.GotoAsync("/dashboard?from=2026-02-30");
        await Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "2026-02-30" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Company revenue" })).ToBeVisibleAsync();

        // A rep: their own figures, no team to choose and no goal to set.
        await using var repContext = await chromium.NewContextAsync(seeded.Server, "en-US");
        var rep = await repContext.NewPageAsync();
        await SignInAsync(rep, "nora@example.com");
        await OpenDashboardAsync(rep);
        await Expect(rep.GetByText("Your own figures, goal and pace.")).ToBeVisibleAsync();
        await Expect(rep.GetByLabel("Team", new() { Exact = true })).ToHaveCountAsync(0);
        await Expect(rep.GetByRole(AriaRole.Link, new() { Name = "Set a goal" })).ToHaveCountAsync(0);
    }
}
