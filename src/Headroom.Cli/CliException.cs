namespace Headroom.Cli;

// An expected failure with a message for the user and an exit code for scripts.
public sealed class CliException(int exitCode, string message) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
