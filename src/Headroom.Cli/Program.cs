using System.CommandLine;
using Headroom.Cli;
using Headroom.Cli.Commands;

var root = new RootCommand("Headroom: sales workload management")
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
return await CommandRunner.InvokeAsync(root, args);
