using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Headroom.Assignment;
using Headroom.Common;
using Headroom.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Headroom.Cli.Commands;

// `headroom assign --queue Q [--dry-run] [--limit N] [--format table|json]`: the queue's strategy on
// the leads waiting in it, each line with why that rep (docs/decisions/0028); without --dry-run
// the placed leads get their owners and the assignment log an entry each (who = "cli").
public static class AssignCommand
{
    public enum AssignFormat
    {
        Table,
        Json,
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static Command Create()
    {
        var queueOption = new Option<string>("--queue") { Description = "The assignment queue (by name)", Required = true };
        var dryRun = new Option<bool>("--dry-run") { Description = "Show the plan without applying it" };
        var limit = new Option<int>("--limit") { Description = $"At most this many leads, oldest first (1–{QueueQuery.MaxLimit})", DefaultValueFactory = _ => QueueQuery.DefaultLimit };
        var format = new Option<AssignFormat>("--format") { Description = "table or json", DefaultValueFactory = _ => AssignFormat.Table };
        var command = new Command("assign", "Hand out the leads waiting in an assignment queue by its strategy, explained line by line")
        {
            queueOption, dryRun, limit, format,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var max = parse.GetValue(limit);
            if (max is < 1 or > QueueQuery.MaxLimit)
            {
                throw new CliException(ExitCodes.InvalidInput, $"--limit: from 1 to {QueueQuery.MaxLimit}.");
            }
            await using var services = CliContext.BuildServices(parse);
            await using var serviceScope = services.CreateAsyncScope();
            var db = serviceScope.ServiceProvider.GetRequiredService<AppDbContext>();
            await CliContext.EnterOrganizationAsync(db, parse, cancellationToken);
            var name = parse.GetRequiredValue(queueOption);
            var queue = await db.AssignmentQueues.AsNoTracking().SingleOrDefaultAsync(q => q.Name == name, cancellationToken)
                ?? throw new CliException(ExitCodes.NotFound, $"--queue: no assignment queue named '{name}'.");
            var now = Clock.System.GetUtcNow();
            var preview = await QueueQuery.PreviewAsync(db, queue, now, max, cancellationToken);

            ApplyOutcome? outcome = null;
            var placed = preview.Lines.Where(l => l.RepId is not null).ToList();
            if (!parse.GetValue(dryRun) && placed.Count > 0)
            {
                var lines = placed.Select(l => new QueueLine(l.LeadId, l.LeadVersion, l.RepId!.Value, QueueExplanation.English(queue.Name, l))).ToList();
                outcome = await QueueApplier.ApplyAsync(db, queue, AssignmentActor.Cli, lines, now, cancellationToken);
                if (!outcome.Applied)
                {
                    throw new CliException(ExitCodes.Failure, "Not applied: " + string.Join("; ", outcome.Problems.Select(p => $"lead {p.ItemId}: {p.Problem}")));
                }
            }
            if (parse.GetValue(format) == AssignFormat.Json)
            {
                await Console.Out.WriteLineAsync(JsonSerializer.Serialize(new
                {
                    queue = preview.QueueName, team = preview.TeamName, preview.Strategy, preview.Horizon, applied = outcome is not null, batchId = outcome?.BatchId,
                    preview.Lines, preview.Reps, preview.Waiting,
                }, Json));
            }
            else
            {
                WriteTables(preview, outcome);
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    private static void WriteTables(QueuePreview preview, ApplyOutcome? outcome)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) });
        if (Console.IsOutputRedirected)
        {
            console.Profile.Width = 240;
        }
        console.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
            $"Queue {preview.QueueName} ({preview.TeamName}, {preview.Strategy}), {preview.Horizon.From:yyyy-MM-dd} to {preview.Horizon.To:yyyy-MM-dd}: " +
            $"{preview.Lines.Count(l => l.RepId is not null)} of {preview.Lines.Count} lead(s) placed, {preview.Waiting} more waiting")));
        if (preview.Lines.Count == 0)
        {
            console.MarkupLine("No lead is waiting in this queue.");
        }
        else
        {
            var table = new Table().AddColumns("#", "Lead", "Rep", "Runner-up", "Eligible", "Load h before", "Load h after", "Why");
            var number = 0;
            foreach (var line in preview.Lines)
            {
                table.AddRow(
                    (++number).ToString(CultureInfo.InvariantCulture),
                    Markup.Escape($"{line.LeadId} {line.LeadName}"),
                    Markup.Escape(line.RepName ?? "–"), Markup.Escape(line.RunnerUpName ?? "–"),
                    line.EligibleReps.ToString(CultureInfo.InvariantCulture),
                    line.RepId is null ? "–" : Hours(line.LoadBeforeHours), line.RepId is null ? "–" : Hours(line.LoadAfterHours),
                    Markup.Escape(QueueExplanation.English(preview.QueueName, line)));
            }
            console.Write(table);
        }
        var reps = new Table().AddColumns("Rep", "Capacity h", "Load h before", "Load h after", "Open leads", "New leads", "Status");
        foreach (var rep in preview.Reps)
        {
            reps.AddRow(Markup.Escape(rep.Name), Hours(rep.CapacityHours), Hours(rep.LoadBeforeHours), Hours(rep.LoadAfterHours),
                rep.OpenLeads.ToString(CultureInfo.InvariantCulture), rep.NewLeads.ToString(CultureInfo.InvariantCulture), rep.Status.ToString());
        }
        console.Write(reps);
        console.MarkupLine(outcome is null
            ? "Dry run: nothing was changed."
            : Markup.Escape($"Applied: {outcome.Entries.Count} lead(s) given an owner and logged (batch {outcome.BatchId})."));
    }

    private static string Hours(double hours) => hours.ToString("0.0", CultureInfo.InvariantCulture);
}
