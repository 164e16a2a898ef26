using System.CommandLine;
using Headroom.Data;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Headroom.Cli;

// Turns expected failures into one clear line on stderr and a stable exit code.
public static class CommandRunner
{
    public static async Task<int> InvokeAsync(RootCommand root, string[] args)
    {
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                await Console.Error.WriteLineAsync(error.Message);
            }
            return ExitCodes.Usage;
        }
        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (CliException e)
        {
            Error(e.Message);
            return e.ExitCode;
        }
        catch (UnsafeDatabaseSettingsException e)
        {
            Error(e.Message);
            return ExitCodes.DatabaseError;
        }
        catch (Exception e) when (e is SqliteException or NpgsqlException)
        {
            Error($"Database error: {e.Message}");
            return ExitCodes.DatabaseError;
        }
        catch (OperationCanceledException)
        {
            Error("Cancelled.");
            return ExitCodes.Failure;
        }
    }

    public static void Error(string message) => Console.Error.WriteLine($"error: {message}");
}
