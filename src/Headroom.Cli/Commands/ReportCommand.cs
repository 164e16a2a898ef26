using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Headroom.Analytics;
using Headroom.Common;
using Headroom.Data;
using Headroom.Importing;
using Headroom.Organizations;
using Headroom.Web.Localization;
using Headroom.Workload;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Headroom.Cli.Commands;

// `headroom report workload`: every active member's workload index (or a team's, with its
// sub-teams) per day, week or month, as a table, CSV or JSON.
public static class ReportCommand
{
    public enum ReportFormat
    {
        Table,
        Csv,
        Json,
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static Command Create()
    {
        var team = new Option<string?>("--team") { Description = "Only this team (by name) and its sub-teams" };
        var from = new Option<string>("--from") { Description = "First day, yyyy-MM-dd", Required = true };
        var to = new Option<string>("--to") { Description = "Last day, yyyy-MM-dd", Required = true };
        var period = new Option<WorkloadPeriod>("--period") { Description = "day, week (Monday to Sunday) or month", DefaultValueFactory = _ => WorkloadPeriod.Week };
        var format = new Option<ReportFormat>("--format") { Description = "table, csv or json", DefaultValueFactory = _ => ReportFormat.Table };
        var asOf = new Option<string?>("--as-of") { Description = "Plan open follow-ups from this day, yyyy-MM-dd (default: today in the organization's time zone)" };
        var workload = new Command("workload", "Capacity, planned load by part, actual hours, utilization, band and trend per member and period")
        {
            team, from, to, period, format, asOf,
        };
        workload.SetAction(async (parse, cancellationToken) =>
        {
            var first = ParseDate(parse.GetRequiredValue(from), "--from");
            var last = ParseDate(parse.GetRequiredValue(to), "--to");
            if (last < first)
            {
                throw new CliException(ExitCodes.InvalidInput, $"--to: {last:yyyy-MM-dd} is before --from {first:yyyy-MM-dd}.");
            }
            var chosen = parse.GetValue(period);
            if (chosen == WorkloadPeriod.Day && last.DayNumber - first.DayNumber > 366)
            {
                throw new CliException(ExitCodes.InvalidInput, "--period day: at most 366 days at a time; use week or month for longer ranges.");
            }
            await using var services = CliContext.BuildServices(parse);
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var organization = await CliContext.EnterOrganizationAsync(db, parse, cancellationToken);
            long? teamId = null;
            if (parse.GetValue(team) is { } teamName)
            {
                teamId = await db.Teams.Where(t => t.Name == teamName).OrderBy(t => t.Id).Select(t => (long?)t.Id).FirstOrDefaultAsync(cancellationToken)
                    ?? throw new CliException(ExitCodes.NotFound, $"--team: no team named '{teamName}'.");
            }
            var zone = TimeZoneInfo.FindSystemTimeZoneById(organization.TimeZoneId);
            // "Today" as an instant: midday of the day in the organization's zone, so members in
            // nearby zones have the same date.
            var planningDay = parse.GetValue(asOf) is { } text
                ? ParseDate(text, "--as-of")
                : DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(Clock.System.GetUtcNow(), zone).DateTime);
            var noon = planningDay.ToDateTime(new TimeOnly(12, 0));
            var request = new WorkloadRequest(first, last, chosen, new DateTimeOffset(noon, zone.GetUtcOffset(noon)));

            var inputs = await WorkloadQuery.LoadAsync(db, AccessScope.WholeOrganization(), request, teamId, cancellationToken: cancellationToken);
            var result = WorkloadScorer.Score(inputs, request);
            var teams = await db.Teams.ToDictionaryAsync(t => t.Id, t => t.Name, cancellationToken);
            switch (parse.GetValue(format))
            {
                case ReportFormat.Csv:
                    await WriteCsvAsync(result, teams);
                    break;
                case ReportFormat.Json:
                    await Console.Out.WriteLineAsync(JsonSerializer.Serialize(new { from = first, to = last, period = chosen, asOf = planningDay, result.Members, result.Team }, Json));
                    break;
                default:
                    WriteTables(result, teams);
                    break;
            }
            return ExitCodes.Ok;
        });
        return new Command("report", "Reports over the organization's data") { workload, CreateKpis(), ReportGoalsCommand.Create() };
    }

    // `headroom report kpis`: each active member's sales figures for a period (deals by owner,
    // activities by who logged them, feedback by the account's owner) and the total of the team
    // (with its sub-teams) or of the organization.
    private static Command CreateKpis()
    {
        var team = new Option<string?>("--team") { Description = "Only this team (by name) and its sub-teams" };
        var from = new Option<string>("--from") { Description = "First day, yyyy-MM-dd", Required = true };
        var to = new Option<string>("--to") { Description = "Last day, yyyy-MM-dd (inclusive)", Required = true };
        var format = new Option<ReportFormat>("--format") { Description = "table, csv or json", DefaultValueFactory = _ => ReportFormat.Table };
        var kpis = new Command("kpis", "Won revenue, win rate, deal size, sales cycle, pipeline, activity and CSAT/NPS per member and in total")
        {
            team, from, to, format,
        };
        kpis.SetAction(async (parse, cancellationToken) =>
        {
            var first = ParseDate(parse.GetRequiredValue(from), "--from");
            var last = ParseDate(parse.GetRequiredValue(to), "--to");
            if (last < first)
            {
                throw new CliException(ExitCodes.InvalidInput, $"--to: {last:yyyy-MM-dd} is before --from {first:yyyy-MM-dd}.");
            }
            await using var services = CliContext.BuildServices(parse);
            await using var serviceScope = services.CreateAsyncScope();
            var db = serviceScope.ServiceProvider.GetRequiredService<AppDbContext>();
            var organization = await CliContext.EnterOrganizationAsync(db, parse, cancellationToken);
            var scope = AccessScope.WholeOrganization();
            if (parse.GetValue(team) is { } teamName)
            {
                var teamId = await db.Teams.Where(t => t.Name == teamName).OrderBy(t => t.Id).Select(t => (long?)t.Id).FirstOrDefaultAsync(cancellationToken)
                    ?? throw new CliException(ExitCodes.NotFound, $"--team: no team named '{teamName}'.");
                scope = await AccessScope.ForTeamAsync(db, teamId, cancellationToken);
            }
            var period = MetricsPeriod.Of(first, last.AddDays(1), TimeZoneInfo.FindSystemTimeZoneById(organization.TimeZoneId));
            var members = await scope.Members(db).Where(m => m.Active).OrderBy(m => m.Name).ThenBy(m => m.Id).Select(m => new { m.Id, m.Name }).ToListAsync(cancellationToken);
            var metrics = await MemberSalesMetrics.LoadAsync(db, scope, period, [.. members.Select(m => m.Id)], cancellationToken);
            var rows = members.Select(m => (MemberId: (long?)m.Id, m.Name, Metrics: metrics[m.Id])).ToList();
            rows.Add((null, "Total", await SalesMetrics.LoadAsync(db, scope, period, cancellationToken: cancellationToken)));
            switch (parse.GetValue(format))
            {
                case ReportFormat.Csv:
                    await WriteKpisCsvAsync(rows);
                    break;
                case ReportFormat.Json:
                    await Console.Out.WriteLineAsync(JsonSerializer.Serialize(new
                    {
                        from = first, to = last, currency = organization.Currency,
                        members = rows.Where(r => r.MemberId is not null).Select(r => new { memberId = r.MemberId, name = r.Name, metrics = r.Metrics }),
                        total = rows[^1].Metrics,
                    }, Json));
                    break;
                default:
                    WriteKpisTable(rows, organization.Currency);
                    break;
            }
            return ExitCodes.Ok;
        });
        return kpis;
    }

    private static void WriteKpisTable(List<(long? MemberId, string Name, SalesMetricsResult Metrics)> rows, string currency)
    {
        var table = new Table().AddColumns("Member", "Won revenue", "Won", "Lost", "Win rate", "Avg deal", "Cycle days", "Pipeline created", "Open pipeline", "Weighted", "Activities", "Activity h", "CSAT", "NPS");
        foreach (var column in table.Columns.Skip(1))
        {
            column.RightAligned();
        }
        string Money(long? minor) => minor is { } value ? MoneyFormat.Format(value, currency, CultureInfo.InvariantCulture) : "";
        foreach (var (memberId, name, m) in rows)
        {
            table.AddRow(
                memberId is null ? "[bold]Total[/]" : Markup.Escape(name),
                Money(m.WonRevenueMinor), m.DealsWon.ToString(CultureInfo.InvariantCulture), m.DealsLost.ToString(CultureInfo.InvariantCulture),
                m.WinRate is { } rate ? (rate * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%" : "",
                Money(m.AverageDealSizeMinor), m.AverageSalesCycleDays?.ToString("0.0", CultureInfo.InvariantCulture) ?? "",
                Money(m.PipelineCreatedMinor), Money(m.OpenPipelineMinor), Money(m.WeightedOpenPipelineMinor),
                m.Activities.Sum(a => a.Count).ToString(CultureInfo.InvariantCulture),
                (m.Activities.Sum(a => a.Minutes) / 60.0).ToString("0.0", CultureInfo.InvariantCulture),
                m.Feedback.CsatAverage?.ToString("0.00", CultureInfo.InvariantCulture) ?? "",
                m.Feedback.Nps?.ToString("0.0", CultureInfo.InvariantCulture) ?? "");
        }
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) });
        if (Console.IsOutputRedirected)
        {
            console.Profile.Width = 240;
        }
        console.Write(table);
    }

    private static async Task WriteKpisCsvAsync(List<(long? MemberId, string Name, SalesMetricsResult Metrics)> rows)
    {
        var csv = new StringBuilder();
        csv.AppendLine("member_id,member,won_revenue_minor,deals_won,deals_lost,win_rate,average_deal_size_minor,average_sales_cycle_days,deals_created,pipeline_created_minor,open_deals,open_pipeline_minor,weighted_open_pipeline_minor,activities,activity_minutes,csat_count,csat_average,nps_count,nps");
        foreach (var (memberId, name, m) in rows)
        {
            string[] cells =
            [
                memberId?.ToString(CultureInfo.InvariantCulture) ?? "", Quote(name),
                Invariant(m.WonRevenueMinor), Invariant(m.DealsWon), Invariant(m.DealsLost), Invariant(m.WinRate), Invariant(m.AverageDealSizeMinor),
                Invariant(m.AverageSalesCycleDays), Invariant(m.DealsCreated), Invariant(m.PipelineCreatedMinor), Invariant(m.OpenDeals),
                Invariant(m.OpenPipelineMinor), Invariant(m.WeightedOpenPipelineMinor), Invariant(m.Activities.Sum(a => a.Count)),
                Invariant(m.Activities.Sum(a => a.Minutes)), Invariant(m.Feedback.CsatCount), Invariant(m.Feedback.CsatAverage),
                Invariant(m.Feedback.NpsCount), Invariant(m.Feedback.Nps),
            ];
            csv.AppendLine(string.Join(',', cells));
        }
        await Console.Out.WriteAsync(csv.ToString());
    }

    private static string Invariant(IFormattable? value) => value?.ToString(null, CultureInfo.InvariantCulture) ?? "";

    private static DateOnly ParseDate(string text, string option) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new CliException(ExitCodes.InvalidInput, $"{option}: '{text}' is not a date of the form yyyy-MM-dd.");

    private static void WriteTables(WorkloadResult result, Dictionary<long, string> teams)
    {
        var table = new Table().AddColumns("Member", "Team", "Period", "Capacity h", "Follow-ups", "Deals", "Accounts", "Meetings", "Overhead", "Load h", "Actual h", "Utilization", "Band", "Trend");
        foreach (var column in table.Columns.Skip(3))
        {
            column.RightAligned();
        }
        foreach (var member in result.Members)
        {
            foreach (var p in member.Periods)
            {
                table.AddRow(
                    Markup.Escape(member.Name),
                    Markup.Escape(TeamName(member.TeamId, teams)),
                    Period(p.Start, p.End),
                    Hours(p.CapacityHours), Hours(p.Load.FollowUps), Hours(p.Load.Deals), Hours(p.Load.Accounts), Hours(p.Load.Meetings), Hours(p.Load.Overhead),
                    Hours(p.Load.Total), Hours(p.ActualHours),
                    Percent(p.Utilization),
                    Band(p.Band),
                    p.Trend is { } trend ? (trend >= 0 ? "+" : "") + Percent(trend) : "");
            }
        }
        // A console over the current Console.Out, so a redirected output (a pipe, a test) gets the table.
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) });
        if (Console.IsOutputRedirected)
        {
            // No terminal to fit: keep one member-period a line.
            console.Profile.Width = 240;
        }
        console.Write(table);
        var distribution = new Table().AddColumns("Period", "Members", "Min", "Median", "Max", "CV");
        foreach (var period in result.Team)
        {
            distribution.AddRow(Period(period.Start, period.End), period.Members.ToString(CultureInfo.InvariantCulture),
                Percent(period.Min), Percent(period.Median), Percent(period.Max),
                period.CoefficientOfVariation?.ToString("0.00", CultureInfo.InvariantCulture) ?? "");
        }
        console.Write(distribution);
    }

    private static async Task WriteCsvAsync(WorkloadResult result, Dictionary<long, string> teams)
    {
        var csv = new StringBuilder();
        csv.AppendLine("member_id,member,team,period_start,period_end,capacity_hours,followups_hours,deals_hours,accounts_hours,meetings_hours,overhead_hours,load_hours,actual_hours,utilization,actual_utilization,band,trend");
        foreach (var member in result.Members)
        {
            foreach (var p in member.Periods)
            {
                string[] cells =
                [
                    member.MemberId.ToString(CultureInfo.InvariantCulture), Quote(member.Name), Quote(TeamName(member.TeamId, teams)),
                    p.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), p.End.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    Number(p.CapacityHours), Number(p.Load.FollowUps), Number(p.Load.Deals), Number(p.Load.Accounts), Number(p.Load.Meetings), Number(p.Load.Overhead),
                    Number(p.Load.Total), Number(p.ActualHours),
                    Ratio(p.Utilization), Ratio(p.ActualUtilization), p.Band.ToString().ToLowerInvariant(), Ratio(p.Trend),
                ];
                csv.AppendLine(string.Join(',', cells));
            }
        }
        await Console.Out.WriteAsync(csv.ToString());
    }

    private static string TeamName(long? teamId, Dictionary<long, string> teams) =>
        teamId is { } id && teams.TryGetValue(id, out var name) ? name : "";

    private static string Period(DateOnly start, DateOnly end) => start == end
        ? start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
        : $"{start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}…{end.ToString("MM-dd", CultureInfo.InvariantCulture)}";

    private static string Hours(double hours) => hours.ToString("0.0", CultureInfo.InvariantCulture);

    private static string Percent(double? ratio) => ratio is { } value ? (value * 100).ToString("0", CultureInfo.InvariantCulture) + "%" : "";

    private static string Number(double value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);

    private static string Ratio(double? value) => value is { } v ? Math.Round(v, 4).ToString("0.####", CultureInfo.InvariantCulture) : "";

    private static string Band(WorkloadBand band) => band switch
    {
        WorkloadBand.Under => "[blue]under[/]",
        WorkloadBand.Healthy => "[green]healthy[/]",
        WorkloadBand.Stretched => "[yellow]stretched[/]",
        WorkloadBand.Overloaded => "[red]overloaded[/]",
        _ => "[grey]no capacity[/]",
    };

    // RFC 4180 quoting, and a leading quote on text a spreadsheet would run as a formula.
    private static string Quote(string text)
    {
        var safe = SpreadsheetSafe.Escape(text) ?? "";
        return safe.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : safe;
    }
}
