using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Headroom.Assignment;
using Headroom.Common;
using Headroom.Data;
using Headroom.Importing;
using Headroom.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Headroom.Cli.Commands;

// `headroom rebalance --team T [--max-moves K] [--weeks N] [--dry-run]`: the proposal of moves that
// bring the team (with its sub-teams) within the healthy band, explained line by line; without
// --dry-run it is applied and every change goes to the assignment log (who = "cli").
public static class RebalanceCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static Command Create()
    {
        var team = new Option<string>("--team") { Description = "The team (by name); its sub-teams are included", Required = true };
        var maxMoves = new Option<int?>("--max-moves") { Description = "At most this many moves (default: the fewest that bring everyone within the band)" };
        var weeks = new Option<int>("--weeks") { Description = $"Horizon in weeks from this week (1–{RebalanceQuery.MaxWeeks})", DefaultValueFactory = _ => RebalanceQuery.DefaultWeeks };
        var dryRun = new Option<bool>("--dry-run") { Description = "Show the proposal without applying it" };
        var asOf = new Option<string?>("--as-of") { Description = "Plan from this day, yyyy-MM-dd (default: today in the organization's time zone)" };
        var format = new Option<ReportCommand.ReportFormat>("--format") { Description = "table, csv or json", DefaultValueFactory = _ => ReportCommand.ReportFormat.Table };
        var command = new Command("rebalance", "Propose (and apply) the fewest weighted moves of open work that bring a team within the healthy band")
        {
            team, maxMoves, weeks, dryRun, format, asOf,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var max = parse.GetValue(maxMoves);
            if (max is < 0)
            {
                throw new CliException(ExitCodes.InvalidInput, "--max-moves: cannot be negative.");
            }
            var horizonWeeks = parse.GetValue(weeks);
            if (horizonWeeks is < 1 or > RebalanceQuery.MaxWeeks)
            {
                throw new CliException(ExitCodes.InvalidInput, $"--weeks: from 1 to {RebalanceQuery.MaxWeeks}.");
            }
            await using var services = CliContext.BuildServices(parse);
            await using var serviceScope = services.CreateAsyncScope();
            var db = serviceScope.ServiceProvider.GetRequiredService<AppDbContext>();
            var organization = await CliContext.EnterOrganizationAsync(db, parse, cancellationToken);
            var teamName = parse.GetRequiredValue(team);
            var teamId = await db.Teams.Where(t => t.Name == teamName).OrderBy(t => t.Id).Select(t => (long?)t.Id).FirstOrDefaultAsync(cancellationToken)
                ?? throw new CliException(ExitCodes.NotFound, $"--team: no team named '{teamName}'.");
            var scope = AccessScope.WholeOrganization();
            var now = Clock.System.GetUtcNow();
            if (parse.GetValue(asOf) is { } text)
            {
                // Midday of that day in the organization's zone, as `report workload --as-of` does.
                var day = DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                    ? date
                    : throw new CliException(ExitCodes.InvalidInput, $"--as-of: '{text}' is not a date of the form yyyy-MM-dd.");
                var zone = TimeZoneInfo.FindSystemTimeZoneById(organization.TimeZoneId);
                var noon = day.ToDateTime(new TimeOnly(12, 0));
                now = new DateTimeOffset(noon, zone.GetUtcOffset(noon));
            }
            var (inputs, horizon) = await RebalanceQuery.LoadAsync(db, scope, teamId, now, horizonWeeks, cancellationToken);
            var proposal = Rebalancer.Propose(inputs, new RebalanceRequest { MaxMoves = max });

            ApplyOutcome? outcome = null;
            if (!parse.GetValue(dryRun) && proposal.Moves.Count > 0)
            {
                var changes = proposal.Moves.Select(m => new RebalanceChange(m.Kind, m.ItemId, m.FromMemberId, m.ToMemberId, RebalanceExplanation.English(m))).ToList();
                outcome = await RebalanceApplier.ApplyAsync(db, scope, AssignmentActor.Cli, changes, AssignmentSource.Rebalance, now.UtcDateTime, cancellationToken);
                if (!outcome.Applied)
                {
                    throw new CliException(ExitCodes.Failure, "Not applied: " + string.Join("; ", outcome.Problems.Select(Describe)));
                }
            }
            switch (parse.GetValue(format))
            {
                case ReportCommand.ReportFormat.Csv:
                    await WriteCsvAsync(proposal);
                    break;
                case ReportCommand.ReportFormat.Json:
                    await Console.Out.WriteLineAsync(JsonSerializer.Serialize(new
                    {
                        team = teamName, horizon, applied = outcome is not null, batchId = outcome?.BatchId,
                        proposal.Before, proposal.After, proposal.Moves, proposal.Members, proposal.Unresolved,
                        proposal.NotMovable, proposal.CoveredFollowUps, proposal.CoveredCarriers,
                    }, Json));
                    break;
                default:
                    WriteTables(teamName, horizon, proposal, outcome);
                    break;
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    private static void WriteTables(string team, RebalanceHorizon horizon, RebalanceProposal proposal, ApplyOutcome? outcome)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) });
        if (Console.IsOutputRedirected)
        {
            console.Profile.Width = 240;
        }
        console.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
            $"{team}, {horizon.From:yyyy-MM-dd} to {horizon.To:yyyy-MM-dd}: max utilization {Percent(proposal.Before.MaxUtilization)} → {Percent(proposal.After.MaxUtilization)}, " +
            $"CV {Cv(proposal.Before.CoefficientOfVariation)} → {Cv(proposal.After.CoefficientOfVariation)}, " +
            $"outside the band {proposal.Before.Outside} → {proposal.After.Outside} (over {proposal.Before.Over} → {proposal.After.Over})")));
        if (proposal.Moves.Count == 0)
        {
            console.MarkupLine(proposal.Before.Over == 0 ? "Everyone is within the band: nothing to move." : "No move helps.");
        }
        else
        {
            var table = new Table().AddColumns("#", "Item", "From", "To", "Hours", "Weight", "Why");
            var line = 0;
            foreach (var move in proposal.Moves)
            {
                table.AddRow(
                    (++line).ToString(CultureInfo.InvariantCulture),
                    Markup.Escape($"{move.Kind} {move.ItemId} {move.Label}"),
                    Markup.Escape(move.FromName), Markup.Escape(move.ToName),
                    move.Hours.ToString("0.0", CultureInfo.InvariantCulture), move.Weight.ToString("0", CultureInfo.InvariantCulture),
                    Markup.Escape(RebalanceExplanation.English(move)));
            }
            console.Write(table);
        }
        var members = new Table().AddColumns("Member", "Capacity h", "Load h before", "Load h after", "Before", "After");
        foreach (var m in proposal.Members)
        {
            members.AddRow(Markup.Escape(m.Name), Hours(m.CapacityHours), Hours(m.LoadBefore), Hours(m.LoadAfter), Percent(m.UtilizationBefore), Percent(m.UtilizationAfter));
        }
        console.Write(members);
        foreach (var member in proposal.Unresolved)
        {
            console.MarkupLine(Markup.Escape($"Still over the band: {member.Name} ({Percent(member.Utilization)}): {member.Reason}"));
        }
        foreach (var item in proposal.NotMovable)
        {
            console.MarkupLine(Markup.Escape($"Not movable: {item.Kind} {item.ItemId} {item.Label} of {item.OwnerName}: no teammate who could receive meets {RebalanceExplanation.Limits(item.Reasons)}"));
        }
        if (proposal.CoveredFollowUps > 0)
        {
            console.MarkupLine(Markup.Escape($"{proposal.CoveredFollowUps} follow-ups under leave cover were left out, with {proposal.CoveredCarriers} deals and accounts carrying them."));
        }
        console.MarkupLine(outcome is null
            ? "Dry run: nothing was changed."
            : Markup.Escape($"Applied: {outcome.Entries.Count} changes of owner logged (batch {outcome.BatchId})."));
    }

    private static async Task WriteCsvAsync(RebalanceProposal proposal)
    {
        var csv = new StringBuilder();
        csv.AppendLine("kind,item_id,item,from_member_id,from,to_member_id,to,hours,weight,from_before,from_after,to_before,to_after,item_reason,receiver_reason,runner_up");
        foreach (var m in proposal.Moves)
        {
            string[] cells =
            [
                m.Kind.ToString(), m.ItemId.ToString(CultureInfo.InvariantCulture), Quote(m.Label),
                m.FromMemberId.ToString(CultureInfo.InvariantCulture), Quote(m.FromName), m.ToMemberId.ToString(CultureInfo.InvariantCulture), Quote(m.ToName),
                Ratio(m.Hours), Ratio(m.Weight), Ratio(m.FromBefore), Ratio(m.FromAfter), Ratio(m.ToBefore), Ratio(m.ToAfter),
                m.ItemReason.ToString(), m.ReceiverReason.ToString(), Quote(m.RunnerUp?.Name ?? ""),
            ];
            csv.AppendLine(string.Join(',', cells));
        }
        await Console.Out.WriteAsync(csv.ToString());
    }

    private static string Hours(double hours) => hours.ToString("0.0", CultureInfo.InvariantCulture);

    private static string Percent(double? ratio) => ratio is { } value ? (value * 100).ToString("0", CultureInfo.InvariantCulture) + "%" : "–";

    private static string Cv(double? cv) => cv?.ToString("0.00", CultureInfo.InvariantCulture) ?? "–";

    private static string Ratio(double value) => Math.Round(value, 4).ToString("0.####", CultureInfo.InvariantCulture);

    private static string Quote(string text)
    {
        var safe = SpreadsheetSafe.Escape(text) ?? "";
        return safe.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : safe;
    }

    // "Account 12: UnmetRequirement (territory 苏州)": the rules a receiver lacks, as the page names them.
    private static string Describe(ApplyProblem problem) =>
        $"{problem.Kind} {problem.ItemId}: {problem.Problem}"
        + (problem.Unmet is { Count: > 0 } unmet
            ? $" ({string.Join(", ", unmet.Select(u => $"{u.Rule.ToString().ToLowerInvariant()} {u.Value}".TrimEnd()))})"
            : "");
}
