using Headroom.Cli;

namespace Headroom.Tests.Cli;

// Runs the headroom command in this process against a test database, capturing what it prints.
// Console is process-wide, so the tests that use this are in CliCollection (never in parallel).
internal static class CliRun
{
    public static async Task<(int Exit, string Out, string Error)> RunAsync(TestDatabase database, params string[] args)
    {
        string[] all = ["--provider", database.Options.Provider.ToString(), "--connection", database.ConnectionString, .. args];
        var (oldOut, oldError) = (Console.Out, Console.Error);
        using var output = new StringWriter();
        using var error = new StringWriter();
        Console.SetOut(output);
        Console.SetError(error);
        try
        {
            var exit = await CommandRunner.InvokeAsync(CliApp.CreateRootCommand(), all);
            return (exit, output.ToString(), error.ToString());
        }
        finally
        {
            Console.SetOut(oldOut);
            Console.SetError(oldError);
        }
    }
}
