using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;

namespace Headroom.BrowserTests.People;

[Collection(nameof(ChromiumCollection))]
public class PeopleTests(Chromium chromium, PeopleServer people) : IClassFixture<PeopleServer>
{
    [Fact]
    public async Task AdminAddsPeople_InviteesSetTheirPasswords_ManagerEditsARepInChinese()
    {
        await using var adminContext = await chromium.NewContextAsync(people.Server, "en-US");
        var admin = await adminContext.NewPageAsync();
        await admin.GotoAsync("/sign-in");
        await admin.GetByLabel("Email").FillAsync("ada@example.com");
        await admin.GetByLabel("Password").FillAsync(PeopleServer.Password);
        await admin.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();

        // A team first, from the organization tree.
        await admin.GetByRole(AriaRole.Link, new() { Name = "Teams", Exact = true }).ClickAsync();
        await admin.GetByRole(AriaRole.Link, new() { Name = "New team" }).ClickAsync();
        await admin.GetByLabel("Team name").FillAsync("East");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(admin.GetByText("Team saved.")).ToBeVisibleAsync();
        await Expect(admin.GetByRole(AriaRole.Navigation, new() { Name = "Organization tree" }).GetByText("East")).ToBeVisibleAsync();

        var managerLink = await AddMemberAsync(admin, "Mia Manager", "mia@example.com", "Manager");
        var repLink = await AddMemberAsync(admin, "Rita Rep", "rita@example.com", "Sales rep");

        // The rep opens her link, chooses a password and is signed in.
        await using (var repContext = await chromium.NewContextAsync(people.Server, "en-US"))
        {
            var rep = await repContext.NewPageAsync();
            await rep.GotoAsync(repLink);
            await Expect(rep.GetByRole(AriaRole.Heading, new() { Name = "Join Headroom" })).ToBeVisibleAsync();
            await rep.GetByLabel(StartsWith("Password")).FillAsync("silver meadow compass 17");
            await rep.GetByLabel("Repeat the password").FillAsync("silver meadow compass 17");
            await rep.GetByRole(AriaRole.Button, new() { Name = "Set password and sign in" }).ClickAsync();
            await Expect(rep.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
            await Expect(rep.GetByRole(AriaRole.Link, new() { Name = "My leave" })).ToBeVisibleAsync();
            await Expect(rep.GetByRole(AriaRole.Link, new() { Name = "People", Exact = true })).ToHaveCountAsync(0);
            // The link was good for one use.
            await rep.GotoAsync(repLink);
            await Expect(rep.GetByText("This invitation link is invalid or has expired", new() { Exact = false })).ToBeVisibleAsync();
        }

        // The manager accepts in Chinese, then sets the rep's capacity and skills.
        await using var managerContext = await chromium.NewContextAsync(people.Server, "zh-CN");
        var manager = await managerContext.NewPageAsync();
        await manager.GotoAsync(managerLink);
        await Expect(manager.GetByRole(AriaRole.Heading, new() { Name = "加入 Headroom" })).ToBeVisibleAsync();
        await manager.GetByLabel(StartsWith("密码")).FillAsync("amber river falcon 88");
        await manager.GetByLabel("再次输入密码").FillAsync("amber river falcon 88");
        await manager.GetByRole(AriaRole.Button, new() { Name = "设置密码并登录" }).ClickAsync();
        await Expect(manager.GetByRole(AriaRole.Button, new() { Name = "退出登录" })).ToBeVisibleAsync();

        await manager.GetByRole(AriaRole.Link, new() { Name = "人员", Exact = true }).ClickAsync();
        await Expect(manager.GetByRole(AriaRole.Heading, new() { Name = "人员" })).ToBeVisibleAsync();
        await manager.GetByRole(AriaRole.Link, new() { Name = "Rita Rep" }).ClickAsync();
        await Expect(manager.GetByRole(AriaRole.Link, new() { Name = "停用" })).ToHaveCountAsync(0);
        await manager.GetByRole(AriaRole.Link, new() { Name = "编辑成员" }).ClickAsync();
        await Expect(manager.GetByLabel("角色")).ToHaveCountAsync(0);
        await manager.GetByLabel("每周产能（小时）").FillAsync("多");
        await manager.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Expect(manager.GetByText("请输入数字，例如 37.5。")).ToBeVisibleAsync();
        await manager.GetByLabel("每周产能（小时）").FillAsync("30");
        await manager.GetByLabel("技能").FillAsync("谈判: 4\n产品演示: 2");
        await manager.GetByLabel("负责区域").FillAsync("华东，华南");
        await manager.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Expect(manager.GetByText("成员已保存。")).ToBeVisibleAsync();
        await Expect(manager.GetByText("每周 30 小时")).ToBeVisibleAsync();
        await Expect(manager.GetByRole(AriaRole.Row).Filter(new() { HasText = "谈判" }).GetByRole(AriaRole.Cell, new() { Name = "4/5" })).ToBeVisibleAsync();
        await Expect(manager.GetByText("华东, 华南")).ToBeVisibleAsync();
    }

    // Adds a member to East on the add-member form and returns the invitation link shown once.
    private static async Task<string> AddMemberAsync(IPage admin, string name, string email, string role)
    {
        await admin.GetByRole(AriaRole.Link, new() { Name = "People", Exact = true }).ClickAsync();
        await admin.GetByRole(AriaRole.Link, new() { Name = "Add member" }).ClickAsync();
        await admin.GetByLabel("Name", new() { Exact = true }).FillAsync(name);
        await admin.GetByLabel("Email", new() { Exact = true }).FillAsync(email);
        await admin.GetByLabel("Role").SelectOptionAsync(new SelectOptionValue { Label = role });
        await admin.GetByLabel("Team").SelectOptionAsync(new SelectOptionValue { Label = "East" });
        await admin.GetByRole(AriaRole.Button, new() { Name = "Add and create invitation link" }).ClickAsync();
        await Expect(admin.GetByText("Invitation link created.")).ToBeVisibleAsync();
        var link = await admin.GetByLabel("Invitation link").InputValueAsync();
        Assert.Matches("/invite/[0-9]+_[A-Za-z0-9_-]{43}$", link);
        return link;
    }

    private static Regex StartsWith(string text) => new("^" + Regex.Escape(text));
}
