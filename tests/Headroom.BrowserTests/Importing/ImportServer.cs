namespace Headroom.BrowserTests.Importing;

// An English organization with an admin and one rep, made by the real CLI, and nothing else:
// the accounts come from the import under test.
public sealed class ImportServer : IAsyncLifetime
{
    public const string Password = "correct horse battery staple";

    public HeadroomServer Server { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        Server = await HeadroomServer.StartAsync(async connection =>
        {
            await HeadroomServer.RunCliAsync(connection, null, "org", "add", "--name", "Northwind Sales", "--locale", "en", "--time-zone", "Europe/London");
            await HeadroomServer.RunCliAsync(connection, Password, "user", "add", "--email", "admin@example.com", "--name", "Ada Admin", "--admin", "--password-stdin");
            await HeadroomServer.RunCliAsync(connection, Password, "user", "add", "--email", "li.lei@example.com", "--name", "Li Lei", "--password-stdin");
        });
    }

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
