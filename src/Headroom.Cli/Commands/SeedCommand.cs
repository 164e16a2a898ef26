using System.CommandLine;

namespace Headroom.Cli.Commands;

public static class SeedCommand
{
    public static Command Create() => new("seed", "Not available yet");

    public static Task SeedDemoIfEmptyAsync(IServiceProvider services, CancellationToken cancellationToken) => Task.CompletedTask;
}
