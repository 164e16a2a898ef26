using System.CommandLine;
using Headroom.Cli.Commands;

namespace Headroom.Cli;

// The `headroom` command tree; Program.cs runs it, and tests drive it the same way.
public static class CliApp
{
    public static RootCommand CreateRootCommand() => new("Headroom: sales workload management")
    {
        CliContext.Provider,
        CliContext.Connection,
        CliContext.Org,
        ServeCommand.Create(),
        MigrateCommand.Create(),
        OrgCommand.Create(),
        UserCommand.Create(),
        SeedCommand.Create(),
        ImportCommand.Create(),
        ExportCommand.Create(),
    };
}
