namespace Headroom.BrowserTests.Auth;

// One server for the sign-in tests, with an organization and users made by the real CLI.
public sealed class SeededServer : IAsyncLifetime
{
    public const string Password = "correct horse battery staple";

    public HeadroomServer Server { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        Server = await HeadroomServer.StartAsync(async connection =>
        {
            await HeadroomServer.RunCliAsync(connection, null, "org", "add", "--name", "Acme", "--locale", "en", "--time-zone", "Europe/London");
            foreach (var email in new[] { "locked@example.com", "polyglot@example.com", "changer@example.com", "scripter@example.com" })
            {
                await HeadroomServer.RunCliAsync(connection, Password, "user", "add", "--email", email, "--password-stdin");
            }
        });
    }

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
