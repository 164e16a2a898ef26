using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;

namespace Headroom.BrowserTests.Reviews;

[Collection(nameof(ChromiumCollection))]
public partial class ReviewCycleTests(Chromium chromium, ReviewsServer seeded) : IClassFixture<ReviewsServer>
{
    private static async Task<IPage> SignInAsync(IBrowserContext context, string email)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync("/sign-in");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(ReviewsServer.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main navigation" }).GetByRole(AriaRole.Link, new() { Name = "Reviews" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Reviews", Level = 1 })).ToBeVisibleAsync();
        return page;
    }

    private static ILocator Status(IPage page, string text) => page.GetByRole(AriaRole.Status).Filter(new() { HasText = text });

    [Fact]
    public async Task Manager_RunsACycle_RepWritesSelfReview_ManagerRates_AdminCalibrates_AndCloses()
    {
        await using var managerContext = await chromium.NewContextAsync(seeded.Server, "en-US");
        var manager = await SignInAsync(managerContext, "mia@example.com");
        await Expect(manager.GetByText("No review cycles yet.")).ToBeVisibleAsync();
        await manager.GetByLabel("Name", new() { Exact = true }).FillAsync("Q4 review");
        await manager.GetByLabel("Period start").FillAsync("2026-10-01");
        await manager.GetByLabel("Period end").FillAsync("2026-12-31");
        await manager.GetByRole(AriaRole.Button, new() { Name = "Create cycle" }).ClickAsync();
        await Expect(manager).ToHaveURLAsync(CyclePath());
        await Expect(Status(manager, "Review cycle created.")).ToBeVisibleAsync();
        await Expect(manager.GetByRole(AriaRole.Rowheader, new() { Name = "Nora North" })).ToBeVisibleAsync();
        await manager.GetByRole(AriaRole.Button, new() { Name = "Start self-review" }).ClickAsync();
        await Expect(Status(manager, "The cycle is now in stage: Self-review.")).ToBeVisibleAsync();
        var cycleUrl = manager.Url;

        await using (var repContext = await chromium.NewContextAsync(seeded.Server, "en-US"))
        {
            var rep = await SignInAsync(repContext, "nora@example.com");
            await rep.GetByRole(AriaRole.Link, new() { Name = "Open my review" }).ClickAsync();
            await Expect(rep.GetByRole(AriaRole.Heading, new() { Name = "Review of Nora North", Level = 1 })).ToBeVisibleAsync();
            // The manager's part is not shown to the rep yet.
            await Expect(rep.GetByRole(AriaRole.Heading, new() { Name = "KPIs" })).ToHaveCountAsync(0);
            await rep.GetByLabel("What went well").FillAsync("Opened two accounts in the north.");
            await rep.GetByLabel("Rating of Teamwork").SelectOptionAsync(new SelectOptionValue { Label = "4 – Above expectations" });
            await rep.GetByRole(AriaRole.Button, new() { Name = "Submit self-review" }).ClickAsync();
            await Expect(Status(rep, "Self-review submitted.")).ToBeVisibleAsync();
            await Expect(rep.GetByText("Opened two accounts in the north.")).ToBeVisibleAsync();
        }

        await manager.GotoAsync(cycleUrl);
        await manager.GetByRole(AriaRole.Button, new() { Name = "Start manager review" }).ClickAsync();
        await Expect(Status(manager, "The cycle is now in stage: Manager review.")).ToBeVisibleAsync();
        await manager.GetByRole(AriaRole.Link, new() { Name = "Nora North" }).ClickAsync();
        // The KPI part from the data, with its numbers; the rep's self-review above the ratings.
        await Expect(manager.GetByRole(AriaRole.Rowheader, new() { Name = "Won revenue" })).ToBeVisibleAsync();
        await Expect(manager.GetByRole(AriaRole.Row).Filter(new() { Has = manager.GetByRole(AriaRole.Rowheader, new() { Name = "Win rate" }) })).ToContainTextAsync("25 %");
        await Expect(manager.GetByText("Opened two accounts in the north.")).ToBeVisibleAsync();

        await manager.GetByLabel("Action").FillAsync("Shadow two product demos");
        await manager.GetByLabel("Due").FillAsync("2027-01-31");
        await manager.GetByRole(AriaRole.Button, new() { Name = "Add to plan" }).ClickAsync();
        await Expect(Status(manager, "Improvement plan saved.")).ToBeVisibleAsync();
        await Expect(manager.GetByRole(AriaRole.Rowheader, new() { Name = "Shadow two product demos" })).ToBeVisibleAsync();

        await manager.GetByLabel("Rating of Product knowledge").SelectOptionAsync(new SelectOptionValue { Label = "4 – Above expectations" });
        await manager.GetByLabel("Rating of Customer focus").SelectOptionAsync(new SelectOptionValue { Label = "5 – Far above expectations" });
        await manager.GetByRole(AriaRole.Button, new() { Name = "Submit review" }).ClickAsync();
        // Teamwork is not rated yet: the form says so and nothing is submitted.
        await Expect(manager.GetByText("Rate every competency before submitting.")).ToBeVisibleAsync();
        await manager.GetByLabel("Rating of Teamwork").SelectOptionAsync(new SelectOptionValue { Label = "3 – Meets expectations" });
        await manager.GetByLabel("Overall comment").FillAsync("A strong quarter with new logos.");
        await manager.GetByRole(AriaRole.Button, new() { Name = "Submit review" }).ClickAsync();
        await Expect(Status(manager, "Review submitted.")).ToBeVisibleAsync();
        await Expect(manager.GetByText("As computed when the manager submitted.")).ToBeVisibleAsync();

        await manager.GotoAsync(cycleUrl);
        await manager.GetByRole(AriaRole.Button, new() { Name = "Start calibration" }).ClickAsync();
        await Expect(Status(manager, "The cycle is now in stage: Calibration.")).ToBeVisibleAsync();
        // Calibration and closing are the admins'.
        await Expect(manager.GetByRole(AriaRole.Button, new() { Name = "Close cycle" })).ToHaveCountAsync(0);
        await Expect(manager.GetByRole(AriaRole.Button, new() { Name = "Save calibration" })).ToHaveCountAsync(0);

        await using var adminContext = await chromium.NewContextAsync(seeded.Server, "en-US");
        var admin = await SignInAsync(adminContext, "ada@example.com");
        await admin.GetByRole(AriaRole.Link, new() { Name = "Q4 review" }).ClickAsync();
        await admin.GetByLabel("Calibrated score of Nora North").FillAsync("85");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Save calibration" }).ClickAsync();
        await Expect(admin.GetByText("Say why the score changes.")).ToBeVisibleAsync();
        await admin.GetByLabel("Calibration note for Nora North").FillAsync("Biggest new account in the region");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Save calibration" }).ClickAsync();
        await Expect(Status(admin, "Calibration saved.")).ToBeVisibleAsync();
        var nora = admin.GetByRole(AriaRole.Table).First.GetByRole(AriaRole.Row).Filter(new() { Has = admin.GetByRole(AriaRole.Rowheader, new() { Name = "Nora North" }) });
        await Expect(nora).ToContainTextAsync("Calibrated");
        await Expect(nora).ToContainTextAsync("85.0");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Close cycle" }).ClickAsync();
        await Expect(Status(admin, "The cycle is now in stage: Closed.")).ToBeVisibleAsync();
    }

    [GeneratedRegex(@"/reviews/cycles/\d+\?created=1$")]
    private static partial Regex CyclePath();
}
