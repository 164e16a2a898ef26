using System.CommandLine;

namespace Headroom.Cli.Commands;

public static class ExportCommand
{
    public static Command Create() => new("export", "Not available yet");
}
