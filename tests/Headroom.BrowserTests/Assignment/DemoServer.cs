namespace Headroom.BrowserTests.Assignment;

// The small demo organization (Chinese), seeded by the real CLI: team 华东 has the two reps the
// demo makes overloaded (郑昊焱, 范晋鹏), and manager@headroom.example manages it.
public sealed class DemoServer : IAsyncLifetime
{
    public const string Password = "headroom-demo";

    public HeadroomServer Server { get; private set; } = default!;

    public async Task InitializeAsync() =>
        Server = await HeadroomServer.StartAsync(connection => HeadroomServer.RunCliAsync(connection, null, "seed", "--demo"));

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
