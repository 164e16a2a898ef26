namespace Headroom.Cli;

// An explicit entry point: with top-level statements the ASP.NET Core generator would make a
// public `Program` here that collides with the web project's in tests.
public static class CliProgram
{
    public static Task<int> Main(string[] args) => CliApp.RunAsync(args);
}
