using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Headroom.Common;
using Headroom.Data;
using Headroom.Goals;
using Headroom.Importing;
using Headroom.Organizations;
using Headroom.Web.Goals;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Headroom.Cli.Commands;

// `headroom report goals`: the goals of a period (of a team with its sub-teams and their members,
// or of the whole organization) with actual, pace and SMART warnings, as a table, CSV or JSON.
public static class ReportGoalsCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static Command Create()
    {
        var team = new Option<string?>("--team") { Description = "Only this team (by name), its sub-teams and their members" };
        var period = new Option<string?>("--period") { Description = "2026-11, 2026-Q1 (fiscal quarter), FY2026 or 2026-01-01..2026-03-31 (default: this fiscal quarter)" };
        var format = new Option<ReportCommand.ReportFormat>("--format") { Description = "table, csv or json", DefaultValueFactory = _ => ReportCommand.ReportFormat.Table };
        var asOf = new Option<string?>("--as-of") { Description = "Pace as of this day, yyyy-MM-dd (default: today in the organization's time zone)" };
        var goals = new Command("goals", "Goals of a period with target, actual, progress, pace and SMART warnings") { team, period, format, asOf };
        goals.SetAction(async (parse, cancellationToken) =>
        {
            await using var services = CliContext.BuildServices(parse);
            await using var serviceScope = services.CreateAsyncScope();
            var db = serviceScope.ServiceProvider.GetRequiredService<AppDbContext>();
            var organization = await CliContext.EnterOrganizationAsync(db, parse, cancellationToken);
            var context = await GoalContext.LoadAsync(db, cancellationToken);
            var today = parse.GetValue(asOf) is { } day
                ? DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                    ? date
                    : throw new CliException(ExitCodes.InvalidInput, $"--as-of: '{day}' is not a date of the form yyyy-MM-dd.")
                : context.Today(Clock.System);
            (GoalPeriodKind Kind, DateOnly Start, DateOnly End) span;
            if (parse.GetValue(period) is { } text)
            {
                span = GoalPeriods.Parse(text, context.FiscalYearStartMonth)
                    ?? throw new CliException(ExitCodes.InvalidInput, $"--period: '{text}' is not a month (2026-11), fiscal quarter (2026-Q1), fiscal year (FY2026) or range (2026-01-01..2026-03-31).");
            }
            else
            {
                var (start, end) = GoalPeriods.Containing(GoalPeriodKind.Quarter, today, context.FiscalYearStartMonth);
                span = (GoalPeriodKind.Quarter, start, end);
            }
            var query = db.Goals.Where(g => g.StartDate <= span.End && g.EndDate >= span.Start);
            if (parse.GetValue(team) is { } teamName)
            {
                var teamId = await db.Teams.Where(t => t.Name == teamName).OrderBy(t => t.Id).Select(t => (long?)t.Id).FirstOrDefaultAsync(cancellationToken)
                    ?? throw new CliException(ExitCodes.NotFound, $"--team: no team named '{teamName}'.");
                var teams = (await AccessScope.TeamsBelowAsync(db, [teamId], cancellationToken)).ToList();
                query = query.Where(g => (g.TeamId != null && teams.Contains(g.TeamId.Value))
                    || (g.MemberId != null && db.Members.Any(m => m.Id == g.MemberId && m.TeamId != null && teams.Contains(m.TeamId.Value))));
            }
            var goalsOfPeriod = await GoalsApi.Project(query.OrderBy(g => g.StartDate).ThenBy(g => g.OwnerKind).ThenBy(g => g.Name).ThenBy(g => g.Id), organization.Currency)
                .ToListAsync(cancellationToken);
            var rows = new List<GoalReportRow>();
            foreach (var goal in goalsOfPeriod)
            {
                var subject = goal.ToSubject();
                var standing = await GoalEvaluator.StandingAsync(db, context, subject, goal.Target, today, cancellationToken);
                var smart = await GoalEvaluator.SmartAsync(db, context, subject, goal.Target, goal.Description, goal.StrategyNote, goal.ParentGoalId is not null, today, cancellationToken);
                rows.Add(new GoalReportRow(goal with { Pace = standing.Pace }, [.. smart.Warnings.Select(w => w.Issue)]));
            }
            switch (parse.GetValue(format))
            {
                case ReportCommand.ReportFormat.Csv:
                    await WriteCsvAsync(rows);
                    break;
                case ReportCommand.ReportFormat.Json:
                    await Console.Out.WriteLineAsync(JsonSerializer.Serialize(new
                    {
                        period = GoalPeriods.Label(span.Kind, span.Start, span.End, context.FiscalYearStartMonth), from = span.Start, to = span.End, asOf = today,
                        currency = organization.Currency,
                        goals = rows.Select(r => new { goal = r.Goal, smartWarnings = r.SmartWarnings }),
                    }, Json));
                    break;
                default:
                    WriteTable(rows);
                    break;
            }
            return ExitCodes.Ok;
        });
        return goals;
    }

    private sealed record GoalReportRow(GoalResponse Goal, IReadOnlyList<SmartIssue> SmartWarnings);

    private static string Owner(GoalResponse goal) => goal.OwnerKind == GoalOwnerKind.Organization ? "(organization)" : goal.OwnerName;

    private static void WriteTable(List<GoalReportRow> rows)
    {
        var table = new Table().AddColumns("Goal", "Owner", "Metric", "Period", "Status", "Target", "Actual", "Progress", "Expected", "Projection", "Pace", "SMART warnings");
        foreach (var index in new[] { 5, 6, 7, 8, 9 })
        {
            table.Columns[index].RightAligned();
        }
        foreach (var (goal, warnings) in rows)
        {
            var pace = goal.Pace!;
            string Value(long? value) => value is { } v ? GoalValues.Format(v, goal.Unit, goal.Currency, CultureInfo.InvariantCulture) : "";
            table.AddRow(
                Markup.Escape(goal.Name), Markup.Escape(Owner(goal)), goal.Metric.ToString(),
                $"{goal.StartDate:yyyy-MM-dd}…{goal.EndDate:MM-dd}", goal.Status.ToString(),
                Markup.Escape(Value(goal.Target)), Markup.Escape(Value(pace.Actual)),
                pace.Progress is { } p ? (p * 100).ToString("0", CultureInfo.InvariantCulture) + "%" : "",
                Markup.Escape(Value(pace.ExpectedByNow)), Markup.Escape(Value(pace.LinearProjection)),
                pace.Status switch
                {
                    PaceStatus.OnTrack => "[green]on track[/]",
                    PaceStatus.AtRisk => "[yellow]at risk[/]",
                    PaceStatus.OffTrack => "[red]off track[/]",
                    _ => "[grey]no data[/]",
                },
                string.Join(", ", warnings));
        }
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) });
        if (Console.IsOutputRedirected)
        {
            console.Profile.Width = 240;
        }
        console.Write(table);
    }

    // Values in the metric's stored unit (unit column): minor units, counts, basis points, tenths or hundredths.
    private static async Task WriteCsvAsync(List<GoalReportRow> rows)
    {
        var csv = new StringBuilder();
        csv.AppendLine("goal_id,name,owner_kind,owner_id,owner,metric,activity_type,unit,period_start,period_end,status,target,actual,progress,expected_by_now,linear_projection,pipeline_projection,pace,parent_goal_id,smart_warnings");
        foreach (var (goal, warnings) in rows)
        {
            var pace = goal.Pace!;
            string[] cells =
            [
                Invariant(goal.Id), Quote(goal.Name), goal.OwnerKind.ToString(), Invariant(goal.TeamId ?? goal.MemberId), Quote(Owner(goal)),
                goal.Metric.ToString(), goal.ActivityType?.ToString() ?? "", goal.Unit.ToString(),
                goal.StartDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), goal.EndDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                goal.Status.ToString(), Invariant(goal.Target), Invariant(pace.Actual), Invariant(pace.Progress), Invariant(pace.ExpectedByNow),
                Invariant(pace.LinearProjection), Invariant(pace.PipelineProjection), pace.Status.ToString(), Invariant(goal.ParentGoalId),
                string.Join(';', warnings),
            ];
            csv.AppendLine(string.Join(',', cells));
        }
        await Console.Out.WriteAsync(csv.ToString());
    }

    private static string Invariant(IFormattable? value) => value?.ToString(null, CultureInfo.InvariantCulture) ?? "";

    // RFC 4180 quoting, and a leading quote on text a spreadsheet would run as a formula.
    private static string Quote(string text)
    {
        var safe = SpreadsheetSafe.Escape(text) ?? "";
        return safe.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : safe;
    }
}
