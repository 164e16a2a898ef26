namespace Headroom.BrowserTests.Wellbeing;

// A Chinese organization with one team of a manager and three reps, and a rep in another team;
// made by the real CLI and importer.
public sealed class WellbeingServer : IAsyncLifetime
{
    public const string Password = "correct horse battery staple";

    public HeadroomServer Server { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        var files = Directory.CreateTempSubdirectory("headroom-wellbeing-").FullName;
        Server = await HeadroomServer.StartAsync(async connection =>
        {
            await HeadroomServer.RunCliAsync(connection, null, "org", "add", "--name", "华东销售", "--locale", "zh-CN", "--time-zone", "Asia/Shanghai");
            var teams = Path.Combine(files, "teams.csv");
            await File.WriteAllTextAsync(teams, "ExternalId,Name,ParentTeam,Manager\nT-1,上海一组,,\nT-2,杭州一组,,\n");
            await HeadroomServer.RunCliAsync(connection, null, "import", "teams", teams);
            await HeadroomServer.RunCliAsync(connection, Password, "user", "add", "--email", "manager@example.com", "--name", "王经理", "--role", "Manager", "--team", "上海一组", "--password-stdin");
            foreach (var (email, name, team) in new[]
            {
                ("li.lei@example.com", "李雷", "上海一组"), ("zhang.wei@example.com", "张伟", "上海一组"),
                ("wang.fang@example.com", "王芳", "上海一组"), ("han.mei@example.com", "韩梅", "杭州一组"),
            })
            {
                await HeadroomServer.RunCliAsync(connection, Password, "user", "add", "--email", email, "--name", name, "--team", team, "--password-stdin");
            }
        });
        Directory.Delete(files, recursive: true);
    }

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
