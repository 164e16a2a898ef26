using System.CommandLine;
using System.Globalization;
using Headroom.Assignment;
using Headroom.Common;
using Headroom.Data;
using Microsoft.Extensions.DependencyInjection;

namespace Headroom.Cli.Commands;

// `headroom pool return-due [--as-of D]`: returns to their pool the records held without activity
// for the organization's number of days (docs/decisions/0027) and prints what went back. Meant to
// run once a day; running it twice on a day returns nothing the second time.
public static class PoolCommand
{
    public static Command Create()
    {
        var asOf = new Option<string?>("--as-of") { Description = "Judge the rule on this day, yyyy-MM-dd (default: today in the organization's time zone)" };
        var returnDue = new Command("return-due", "Return to the pool the records held without activity for the organization's number of days") { asOf };
        returnDue.SetAction(async (parse, cancellationToken) =>
        {
            await using var services = CliContext.BuildServices(parse);
            await using var serviceScope = services.CreateAsyncScope();
            var db = serviceScope.ServiceProvider.GetRequiredService<AppDbContext>();
            await CliContext.EnterOrganizationAsync(db, parse, cancellationToken);
            var now = Clock.System.GetUtcNow().UtcDateTime;
            var today = PoolService.LocalDate(now, await PoolService.ZoneAsync(db, cancellationToken));
            if (parse.GetValue(asOf) is { } text)
            {
                today = DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                    ? date
                    : throw new CliException(ExitCodes.InvalidInput, $"--as-of: '{text}' is not a date of the form yyyy-MM-dd.");
            }
            var entries = await PoolService.ReturnDueAsync(db, AssignmentActor.Cli, today, now, cancellationToken);
            foreach (var entry in entries)
            {
                await Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{entry.ItemKind} {entry.ItemId} {entry.ItemLabel}: from member {entry.FromMemberId} back to the pool ({entry.Reason})"));
            }
            await Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{entries.Count} record(s) returned to the pool as of {today:yyyy-MM-dd}."));
            return ExitCodes.Ok;
        });
        return new Command("pool", "The customer pool (公海)") { returnDue };
    }
}
