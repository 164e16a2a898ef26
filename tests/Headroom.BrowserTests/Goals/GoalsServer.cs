namespace Headroom.BrowserTests.Goals;

// An English organization with two teams (two reps in North, one in South) and its admin; no
// sales yet, so any revenue target is above history.
public sealed class GoalsServer : IAsyncLifetime
{
    public const string Password = "correct horse battery staple";

    public HeadroomServer Server { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        var files = Directory.CreateTempSubdirectory("headroom-goals-").FullName;
        Server = await HeadroomServer.StartAsync(async connection =>
        {
            await HeadroomServer.RunCliAsync(connection, null, "org", "add", "--name", "Acme", "--locale", "en", "--currency", "USD", "--time-zone", "America/New_York");
            var teams = Path.Combine(files, "teams.csv");
            await File.WriteAllTextAsync(teams, "ExternalId,Name,ParentTeam,Manager\nT-1,North,,\nT-2,South,,\n");
            await HeadroomServer.RunCliAsync(connection, null, "import", "teams", teams);
            await HeadroomServer.RunCliAsync(connection, Password, "user", "add", "--email", "ada@example.com", "--name", "Ada Admin", "--admin", "--password-stdin");
            await HeadroomServer.RunCliAsync(connection, Password, "user", "add", "--email", "nora@example.com", "--name", "Nora North", "--team", "North", "--password-stdin");
            await HeadroomServer.RunCliAsync(connection, Password, "user", "add", "--email", "ned@example.com", "--name", "Ned North", "--team", "North", "--password-stdin");
            await HeadroomServer.RunCliAsync(connection, Password, "user", "add", "--email", "sam@example.com", "--name", "Sam South", "--team", "South", "--password-stdin");
        });
        Directory.Delete(files, recursive: true);
    }

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
