using System.CommandLine;

namespace Headroom.Cli.Commands;

public static class ImportCommand
{
    public static Command Create() => new("import", "Not available yet");
}
