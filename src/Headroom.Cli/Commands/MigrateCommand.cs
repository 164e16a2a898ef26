using System.CommandLine;
using Headroom.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Headroom.Cli.Commands;

public static class MigrateCommand
{
    public static Command Create()
    {
        var command = new Command("migrate", "Create the database or bring it to the current schema");
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var services = CliContext.BuildServices(parse);
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            await DatabaseSetup.MigrateAsync(db, cancellationToken);
            AnsiConsole.MarkupLineInterpolated(
                $"[green]Database is up to date[/] ({db.Database.ProviderName}; {pending.Count} migration(s) applied).");
            return ExitCodes.Ok;
        });
        return command;
    }
}
