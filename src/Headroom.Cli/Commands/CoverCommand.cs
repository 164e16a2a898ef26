using System.CommandLine;
using System.Globalization;
using Headroom.Assignment;
using Headroom.Common;
using Headroom.Data;
using Microsoft.Extensions.DependencyInjection;

namespace Headroom.Cli.Commands;

// `headroom cover return-due [--as-of D]`: gives the follow-ups covered during a leave that has
// ended back to their owners (docs/decisions/0029) and prints what went back. The web app does
// the same every hour and before showing covers; running it twice returns nothing the second time.
public static class CoverCommand
{
    public static Command Create()
    {
        var asOf = new Option<string?>("--as-of") { Description = "Judge on this day, yyyy-MM-dd (default: now); covers whose leave ended before it return" };
        var returnDue = new Command("return-due", "Return to their owners the follow-ups covered during a leave that has ended") { asOf };
        returnDue.SetAction(async (parse, cancellationToken) =>
        {
            await using var services = CliContext.BuildServices(parse);
            await using var serviceScope = services.CreateAsyncScope();
            var db = serviceScope.ServiceProvider.GetRequiredService<AppDbContext>();
            var organization = await CliContext.EnterOrganizationAsync(db, parse, cancellationToken);
            var now = Clock.System.GetUtcNow().UtcDateTime;
            if (parse.GetValue(asOf) is { } text)
            {
                // Midday of that day in the organization's zone, as `rebalance --as-of` does.
                var day = DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                    ? date
                    : throw new CliException(ExitCodes.InvalidInput, $"--as-of: '{text}' is not a date of the form yyyy-MM-dd.");
                var zone = TimeZoneInfo.FindSystemTimeZoneById(organization.TimeZoneId);
                now = TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(new TimeOnly(12, 0)), zone);
            }
            var entries = await LeaveCoverService.ReturnDueAsync(db, AssignmentActor.Cli, now, cancellationToken);
            foreach (var entry in entries)
            {
                await Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"FollowUp {entry.ItemId} {entry.ItemLabel}: from member {entry.FromMemberId} back to member {entry.ToMemberId} ({entry.Reason})"));
            }
            await Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{entries.Count} follow-up(s) returned to their owners."));
            return ExitCodes.Ok;
        });
        return new Command("cover", "Leave cover: colleagues handle a member's follow-ups while they are away") { returnDue };
    }
}
