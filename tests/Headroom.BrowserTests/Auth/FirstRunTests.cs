using static Microsoft.Playwright.Assertions;

namespace Headroom.BrowserTests.Auth;

// Each run starts from an empty database, so the setup page is open.
[Collection(nameof(ChromiumCollection))]
public class FirstRunTests(Chromium chromium)
{
    [Fact]
    public Task Setup_ThenSignOutAndIn_InChinese() => SetupThenSignInAsync("zh-CN", new Texts(
        SignIn: "登录", SetupLink: "还没有管理员？开始设置 Headroom。", Organization: "组织名称", Name: "您的姓名",
        Email: "邮箱", Password: "密码", Create: "创建组织", Hello: "您好，王芳", Admin: "管理员",
        SignOut: "退出登录", SignedOut: "您已退出登录。", OrganizationName: "华东销售部", PersonName: "王芳"));

    [Fact]
    public Task Setup_ThenSignOutAndIn_InEnglish() => SetupThenSignInAsync("en-US", new Texts(
        SignIn: "Sign in", SetupLink: "No administrator yet? Set up Headroom.", Organization: "Organization name", Name: "Your name",
        Email: "Email", Password: "Password", Create: "Create organization", Hello: "Hello, Jane Doe", Admin: "Administrator",
        SignOut: "Sign out", SignedOut: "You have signed out.", OrganizationName: "Acme West", PersonName: "Jane Doe"));

    private async Task SetupThenSignInAsync(string locale, Texts t)
    {
        await using var server = await HeadroomServer.StartAsync();
        await using var context = await chromium.NewContextAsync(server, locale);
        var page = await context.NewPageAsync();

        await page.GotoAsync("/");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/sign-in"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = t.SignIn, Level = 1 })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = t.SetupLink }).ClickAsync();

        await page.GetByLabel(t.Organization).FillAsync(t.OrganizationName);
        await page.GetByLabel(t.Name).FillAsync(t.PersonName);
        await page.GetByLabel(t.Email).FillAsync("first.admin@example.com");
        // A common password is refused beside the field, and nothing is created.
        await page.GetByLabel(t.Password).FillAsync("password1");
        await page.GetByRole(AriaRole.Button, new() { Name = t.Create }).ClickAsync();
        await Expect(page.Locator(".field-error")).ToHaveCountAsync(1);
        await page.GetByLabel(t.Password).FillAsync("quiet harbor lantern 42");
        await page.GetByRole(AriaRole.Button, new() { Name = t.Create }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = t.Hello, Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByText(t.OrganizationName)).ToBeVisibleAsync();
        await Expect(page.GetByText(t.Admin, new() { Exact = true })).ToBeVisibleAsync();

        // With an admin in place the setup page is gone.
        var setupAgain = await page.GotoAsync("/setup");
        Assert.Equal(404, setupAgain!.Status);

        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Button, new() { Name = t.SignOut }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync(t.SignedOut);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = t.SetupLink })).ToHaveCountAsync(0);

        await page.GetByLabel(t.Email).FillAsync("first.admin@example.com");
        await page.GetByLabel(t.Password).FillAsync("quiet harbor lantern 42");
        await page.GetByRole(AriaRole.Button, new() { Name = t.SignIn, Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = t.Hello, Level = 1 })).ToBeVisibleAsync();
    }

    private sealed record Texts(
        string SignIn, string SetupLink, string Organization, string Name, string Email, string Password, string Create,
        string Hello, string Admin, string SignOut, string SignedOut, string OrganizationName, string PersonName);
}
