namespace Headroom.BrowserTests.People;

// An English organization with only its first admin; the people come in through the UI.
public sealed class PeopleServer : IAsyncLifetime
{
    public const string Password = "correct horse battery staple";

    public HeadroomServer Server { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        Server = await HeadroomServer.StartAsync(async connection =>
        {
            await HeadroomServer.RunCliAsync(connection, null, "org", "add", "--name", "Acme", "--locale", "en", "--time-zone", "Europe/London");
            await HeadroomServer.RunCliAsync(connection, Password, "user", "add", "--email", "ada@example.com", "--name", "Ada Admin", "--admin", "--password-stdin");
        });
    }

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
