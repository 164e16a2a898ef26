using System.CommandLine;
using System.Diagnostics;
using Headroom.Common;
using Headroom.Data;
using Headroom.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Headroom.Cli.Commands;

// `headroom seed --demo`: a deterministic demo organization (see Demo/DemoSeeder.cs). An existing
// organization of the same name is refused with exit code 3 unless --replace is given, which
// deletes it and all its rows first (in the same transaction as the new seed).
public static class SeedCommand
{
    public static Command Create()
    {
        var demo = new Option<bool>("--demo") { Description = "Generate a demo organization (the only kind of seed so far)" };
        var size = new Option<DemoSize>("--size") { Description = "small (~20 reps), medium (~200 reps, ~1M activities) or large (~2,000 reps, ~10M activities)", DefaultValueFactory = _ => DemoSize.Small };
        var locale = new Option<string>("--locale") { Description = "zh-CN (Chinese org, CNY, Asia/Shanghai, China's holidays) or en (USD, America/New_York)", DefaultValueFactory = _ => DemoOptions.Chinese };
        locale.AcceptOnlyFromAmong(DemoOptions.Chinese, DemoOptions.English);
        var seed = new Option<int>("--seed") { Description = "Random seed; the same seed on the same day gives the same data", DefaultValueFactory = _ => DemoOptions.DefaultSeed };
        var replace = new Option<bool>("--replace") { Description = "Delete an existing organization of the same name and everything in it first" };
        var command = new Command("seed", "Fill the database with generated data") { demo, size, locale, seed, replace };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (!parse.GetValue(demo))
            {
                throw new CliException(ExitCodes.Usage, "Say what to seed: `headroom seed --demo`.");
            }
            var chosenLocale = parse.GetRequiredValue(locale);
            var options = new DemoOptions
            {
                Today = DemoOptions.TodayFor(Clock.System, chosenLocale),
                Locale = chosenLocale,
                Seed = parse.GetValue(seed),
                Scale = DemoScale.For(parse.GetValue(size)),
                OrgName = parse.GetValue(CliContext.Org),
                Replace = parse.GetValue(replace),
            };
            await using var services = CliContext.BuildServices(parse);
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await DatabaseSetup.MigrateAsync(db, cancellationToken);
            var stopwatch = Stopwatch.StartNew();
            DemoProfile profile;
            try
            {
                profile = await SeedWithProgressAsync(db, options, Clock.System, cancellationToken);
            }
            catch (DemoOrganizationExistsException e)
            {
                throw new CliException(ExitCodes.InvalidInput,
                    $"--org: an organization named '{e.OrganizationName}' already exists. Pass --replace to delete it and seed again, or choose another --org.");
            }
            Print(profile, stopwatch.Elapsed);
            return ExitCodes.Ok;
        });
        return command;
    }

    // `serve --demo`: the small demo, only into a database without any organization.
    public static async Task SeedDemoIfEmptyAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (await db.Organizations.AnyAsync(cancellationToken))
        {
            return;
        }
        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        var stopwatch = Stopwatch.StartNew();
        var profile = await SeedWithProgressAsync(db, new DemoOptions { Today = DemoOptions.TodayFor(clock, DemoOptions.Chinese) }, clock, cancellationToken);
        Print(profile, stopwatch.Elapsed);
    }

    private static async Task<DemoProfile> SeedWithProgressAsync(AppDbContext db, DemoOptions options, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!AnsiConsole.Profile.Capabilities.Interactive)
        {
            return await DemoSeeder.SeedAsync(db, options, clock, null, cancellationToken);
        }
        return await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var tasks = Enum.GetValues<DemoPhase>().ToDictionary(p => p, p => context.AddTask(Describe(p), autoStart: false));
                return await DemoSeeder.SeedAsync(db, options, clock, new SpectreProgress(tasks), cancellationToken);
            });
    }

    private static string Describe(DemoPhase phase) => phase switch
    {
        DemoPhase.Organization => "Teams and people",
        DemoPhase.Accounts => "Accounts and contacts",
        DemoPhase.FollowUps => "Follow-ups",
        DemoPhase.Leave => "Leave",
        DemoPhase.ActivityDays => "Activity per member and day",
        _ => phase.ToString(),
    };

    private static void Print(DemoProfile profile, TimeSpan elapsed)
    {
        AnsiConsole.MarkupLineInterpolated(
            $"[green]Seeded[/] {profile.OrgName} (id {profile.OrgId}, seed {profile.Seed}, history {profile.HistoryStart:yyyy-MM-dd} to {profile.Today:yyyy-MM-dd}) in {elapsed.TotalSeconds:0.0}s:");
        AnsiConsole.MarkupLineInterpolated(
            $"  {profile.Teams} teams, {profile.Members} members, {profile.Accounts} accounts, {profile.Contacts} contacts, {profile.Leads} leads, {profile.Deals} deals,");
        AnsiConsole.MarkupLineInterpolated(
            $"  {profile.Activities} activities, {profile.FollowUps} follow-ups, {profile.TimeOffs} leave records, {profile.Feedback} feedback scores.");
        PrintReps("After hours and weekends", profile.AfterHoursReps);
        PrintReps("Overloaded", profile.OverloadedReps);
        PrintReps("No leave for 7+ months", profile.NoRecentLeaveReps);
        var table = new Table().AddColumns("Role", "Name", "Email", "Password");
        foreach (var signIn in profile.SignIns)
        {
            table.AddRow(signIn.Role.ToString(), Markup.Escape(signIn.Name), signIn.Email, signIn.Password);
        }
        AnsiConsole.MarkupLine("Sign in with:");
        AnsiConsole.Write(table);
    }

    private static void PrintReps(string label, IReadOnlyList<DemoRep> reps)
    {
        var shown = string.Join(", ", reps.Take(8).Select(r => $"{r.Name} <{r.Email}>"));
        var more = reps.Count > 8 ? $" and {reps.Count - 8} more" : "";
        AnsiConsole.MarkupLineInterpolated($"  [yellow]{label}[/] ({reps.Count}): {shown}{more}");
    }

    // Spectre's tasks are updated straight from the seeder's thread; Progress<T> would post the
    // updates to the thread pool and let them arrive out of order.
    private sealed class SpectreProgress(Dictionary<DemoPhase, ProgressTask> tasks) : IProgress<DemoProgress>
    {
        public void Report(DemoProgress value)
        {
            var task = tasks[value.Phase];
            if (!task.IsStarted)
            {
                task.StartTask();
            }
            task.MaxValue = Math.Max(1, value.Total);
            task.Value = value.Done;
        }
    }
}
