using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;

namespace Headroom.BrowserTests.Auth;

[Collection(nameof(ChromiumCollection))]
public class SignInTests(Chromium chromium, SeededServer seeded) : IClassFixture<SeededServer>
{
    [Fact]
    public async Task WrongPasswordFiveTimes_LocksTheAccount_EvenForTheRightPassword()
    {
        await using var context = await chromium.NewContextAsync(seeded.Server, "en-US");
        var page = await context.NewPageAsync();
        await page.GotoAsync("/sign-in");

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await SignInAsync(page, "locked@example.com", $"not my password {attempt}");
            await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync(attempt < 5
                ? "The email or password is incorrect."
                : "Too many failed attempts. Try again in 15 minutes.");
        }
        await SignInAsync(page, "locked@example.com", SeededServer.Password);
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Too many failed attempts. Try again in 15 minutes.");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task LanguageChoice_PersistsAcrossSignOutAndIn_AndToANewBrowser()
    {
        await using (var context = await chromium.NewContextAsync(seeded.Server, "zh-CN"))
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync("/sign-in");
            await SignInAsync(page, "polyglot@example.com", SeededServer.Password, "登录");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "您好，polyglot", Level = 1 })).ToBeVisibleAsync();

            await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Hello, polyglot", Level = 1 })).ToBeVisibleAsync();

            await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("You have signed out.");
            await SignInAsync(page, "polyglot@example.com", SeededServer.Password);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Hello, polyglot", Level = 1 })).ToBeVisibleAsync();
        }

        // Another browser that prefers Chinese: the sign-in page follows the browser, the
        // account follows the saved choice.
        await using (var context = await chromium.NewContextAsync(seeded.Server, "zh-CN"))
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync("/sign-in");
            await SignInAsync(page, "polyglot@example.com", SeededServer.Password, "登录");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Hello, polyglot", Level = 1 })).ToBeVisibleAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "My profile" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Combobox, new() { Name = "Language" })).ToHaveValueAsync("en");
        }
    }

    [Fact]
    public async Task ChangingThePassword_OnTheProfile_ReplacesTheOldOne()
    {
        await using var context = await chromium.NewContextAsync(seeded.Server, "en-US");
        var page = await context.NewPageAsync();
        await page.GotoAsync("/sign-in");
        await SignInAsync(page, "changer@example.com", SeededServer.Password);
        await page.GetByRole(AriaRole.Link, new() { Name = "My profile" }).ClickAsync();

        await page.GetByLabel(new Regex("^Current password")).FillAsync(SeededServer.Password);
        await page.GetByLabel(new Regex("^New password")).FillAsync("iloveyou1");
        await page.GetByLabel(new Regex("^Confirm new password")).FillAsync("iloveyou1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();
        await Expect(page.GetByText("This password is too common or contains your email; choose another.")).ToBeVisibleAsync();

        await page.GetByLabel(new Regex("^Current password")).FillAsync(SeededServer.Password);
        await page.GetByLabel(new Regex("^New password")).FillAsync("seven pelicans over the bay");
        await page.GetByLabel(new Regex("^Confirm new password")).FillAsync("seven pelicans over the bay");
        await page.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Password changed. Your other sessions have been signed out.");

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await SignInAsync(page, "changer@example.com", SeededServer.Password);
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("The email or password is incorrect.");
        await SignInAsync(page, "changer@example.com", "seven pelicans over the bay");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Hello, changer", Level = 1 })).ToBeVisibleAsync();
    }

    private static async Task SignInAsync(IPage page, string email, string password, string button = "Sign in")
    {
        var chinese = button == "登录";
        await page.GetByLabel(chinese ? "邮箱" : "Email").FillAsync(email);
        await page.GetByLabel(chinese ? "密码" : "Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();
    }
}
