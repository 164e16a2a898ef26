namespace Headroom.BrowserTests;

// A Chinese organization with a rep who owns one account and has a follow-up long overdue; all
// made by the real CLI and importer.
public sealed class RepServer : IAsyncLifetime
{
    public const string Password = "correct horse battery staple";
    public const string Rep = "li.lei@example.com";

    public HeadroomServer Server { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        var files = Directory.CreateTempSubdirectory("headroom-rep-").FullName;
        Server = await HeadroomServer.StartAsync(async connection =>
        {
            await HeadroomServer.RunCliAsync(connection, null, "org", "add", "--name", "华东销售", "--locale", "zh-CN", "--time-zone", "Asia/Shanghai");
            await HeadroomServer.RunCliAsync(connection, Password, "user", "add", "--email", Rep, "--name", "李雷", "--password-stdin");
            var accounts = Path.Combine(files, "accounts.csv");
            await File.WriteAllTextAsync(accounts, "ExternalId,Name,Tier,Industry,Region,Territory,Owner,Status\nA-1,上海宏达贸易有限公司,A,批发零售,上海,华东,li.lei@example.com,Active\n");
            await HeadroomServer.RunCliAsync(connection, null, "import", "accounts", accounts);
            var followUps = Path.Combine(files, "followups.csv");
            await File.WriteAllTextAsync(followUps,
                "ExternalId,Title,Assignee,Due,EffortHours,Status,Priority,Account,Deal,Lead,CompletedAt\n" +
                "F-1,发送方案报价,li.lei@example.com,2020-01-06 10:00,1,Open,High,A-1,,,\n");
            await HeadroomServer.RunCliAsync(connection, null, "import", "followups", followUps);
        });
        Directory.Delete(files, recursive: true);
    }

    public async Task DisposeAsync() => await Server.DisposeAsync();

    public static async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync("/sign-in");
        await page.GetByLabel("邮箱").FillAsync(email);
        await page.GetByLabel("密码").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();
        await Microsoft.Playwright.Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "退出登录" })).ToBeVisibleAsync();
    }
}
