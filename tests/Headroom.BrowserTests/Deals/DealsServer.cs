namespace Headroom.BrowserTests.Deals;

// A Chinese organization with one team (a manager and a rep) and a second rep in another team,
// an account, a deal and a lead of the first rep; all made by the real CLI and importer.
public sealed class DealsServer : IAsyncLifetime
{
    public const string Password = "correct horse battery staple";

    public HeadroomServer Server { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        var files = Directory.CreateTempSubdirectory("headroom-deals-").FullName;
        Server = await HeadroomServer.StartAsync(async connection =>
        {
            await HeadroomServer.RunCliAsync(connection, null, "org", "add", "--name", "华东销售", "--locale", "zh-CN", "--time-zone", "Asia/Shanghai");
            var teams = Path.Combine(files, "teams.csv");
            await File.WriteAllTextAsync(teams, "ExternalId,Name,ParentTeam,Manager\nT-1,上海一组,,\nT-2,杭州一组,,\n");
            await HeadroomServer.RunCliAsync(connection, null, "import", "teams", teams);
            await HeadroomServer.RunCliAsync(connection, Password, "user", "add", "--email", "manager@example.com", "--name", "王经理", "--role", "Manager", "--team", "上海一组", "--password-stdin");
            await HeadroomServer.RunCliAsync(connection, Password, "user", "add", "--email", "li.lei@example.com", "--name", "李雷", "--team", "上海一组", "--password-stdin");
            await HeadroomServer.RunCliAsync(connection, Password, "user", "add", "--email", "han.mei@example.com", "--name", "韩梅", "--team", "杭州一组", "--password-stdin");
            var accounts = Path.Combine(files, "accounts.csv");
            await File.WriteAllTextAsync(accounts, "ExternalId,Name,Tier,Industry,Region,Territory,Owner,Status\nA-1,上海宏达贸易有限公司,A,批发零售,上海,华东,li.lei@example.com,Active\n");
            await HeadroomServer.RunCliAsync(connection, null, "import", "accounts", accounts);
            var deals = Path.Combine(files, "deals.csv");
            await File.WriteAllTextAsync(deals, "ExternalId,Name,Account,Owner,Amount,Stage,ExpectedCloseDate,ClosedAt,LostReason\nD-1,宏达 ERP 升级,A-1,li.lei@example.com,\"12,500.50\",方案报价,2026-12-15,,\n");
            await HeadroomServer.RunCliAsync(connection, null, "import", "deals", deals);
            var leads = Path.Combine(files, "leads.csv");
            await File.WriteAllTextAsync(leads,
                "ExternalId,Name,Company,Source,Region,RequiredSkill,RequiredSkillLevel,Language,EstimatedValue,Status,Owner\n" +
                "L-1,周敏,南京星辰医疗,展会,江苏,,,zh,\"80,000.00\",Working,li.lei@example.com\n");
            await HeadroomServer.RunCliAsync(connection, null, "import", "leads", leads);
        });
        Directory.Delete(files, recursive: true);
    }

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
