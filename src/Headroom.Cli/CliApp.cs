using System.CommandLine;
using Headroom.Cli.Commands;

namespace Headroom.Cli;

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
        ReportCommand.Create(),
        RebalanceCommand.Create(),
        PoolCommand.Create(),
        CoverCommand.Create(),
        AssignCommand.Create(),
    };

    public static Task<int> RunAsync(params string[] args) => CommandRunner.InvokeAsync(CreateRootCommand(), args);
}
