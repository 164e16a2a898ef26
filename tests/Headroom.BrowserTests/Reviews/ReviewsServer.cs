namespace Headroom.BrowserTests.Reviews;

// An English organization with one team, North: its manager Mia and her rep Nora, plus the admin Ada.
public sealed class ReviewsServer : IAsyncLifetime
{
    public const string Password = "correct horse battery staple";

    public HeadroomServer Server { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        var files = Directory.CreateTempSubdirectory("headroom-reviews-").FullName;
        Server = await HeadroomServer.StartAsync(async connection =>
        {
            await HeadroomServer.RunCliAsync(connection, null, "org", "add", "--name", "Acme", "--locale", "en", "--currency", "USD", "--time-zone", "America/New_York");
            var teams = Path.Combine(files, "teams.csv");
            await File.WriteAllTextAsync(teams, "ExternalId,Name,ParentTeam,Manager\nT-1,North,,\n");
            await HeadroomServer.RunCliAsync(connection, null, "import", "teams", teams);
            await HeadroomServer.RunCliAsync(connection, Password, "user", "add", "--email", "ada@example.com", "--name", "Ada Admin", "--admin", "--password-stdin");
            await HeadroomServer.RunCliAsync(connection, Password, "user", "add", "--email", "mia@example.com", "--name", "Mia Manager", "--role", "Manager", "--team", "North", "--password-stdin");
            await HeadroomServer.RunCliAsync(connection, Password, "user", "add", "--email", "nora@example.com", "--name", "Nora North", "--team", "North", "--password-stdin");
        });
        Directory.Delete(files, recursive: true);
    }

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
