using System.CommandLine;
using System.Globalization;
using Headroom.Assignment;
using Headroom.Data;
using Headroom.Importing;
using Headroom.Organizations;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Headroom.Cli.Commands;

public static class ImportCommand
{
    public static Command Create()
    {
        var kind = new Argument<ImportKind>("kind") { Description = "teams, members, accounts, contacts, leads, deals, activities, followups or feedback" };
        var file = new Argument<FileInfo>("file") { Description = "A .csv or .xlsx file; its first row is the header" };
        var preset = new Option<ImportPreset>("--preset")
        {
            Description = "Whose export the file is: headroom (default), zoho, salesforce or sharecrm (纷享销客)",
            DefaultValueFactory = _ => ImportPreset.Headroom,
        };
        var dryRun = new Option<bool>("--dry-run") { Description = "Check the file and report what would change; write nothing" };
        var encoding = new Option<string>("--encoding")
        {
            Description = "Text encoding of a CSV file: auto (default; UTF-8 if valid, else GB18030), utf-8 or gb18030",
            DefaultValueFactory = _ => "auto",
        };
        encoding.AcceptOnlyFromAmong("auto", "utf-8", "utf8", "gb18030", "gbk");
        var maxErrors = new Option<int>("--max-errors") { Description = "List at most this many errors", DefaultValueFactory = _ => 100 };
        var route = new Option<bool>("--route")
        {
            Description = "Leads only: give each new lead without an owner to the first auto-routing assignment queue that takes it, in the same transaction",
        };

        var command = new Command("import", "Import one kind of record from CSV or XLSX: all rows or none")
        {
            kind, file, preset, dryRun, encoding, maxErrors, route,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetRequiredValue(file).FullName;
            if (!File.Exists(path))
            {
                throw new CliException(ExitCodes.NotFound, $"{parse.GetRequiredValue(file)}: file not found.");
            }
            if (!DataImporter.IsSupportedFile(path))
            {
                throw new CliException(ExitCodes.InvalidInput, $"{Path.GetFileName(path)}: only .csv and .xlsx files can be imported.");
            }
            if (parse.GetValue(route) && parse.GetValue(kind) != ImportKind.Leads)
            {
                throw new CliException(ExitCodes.InvalidInput, "--route: only leads can be routed.");
            }
            await using var services = CliContext.BuildServices(parse);
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var organization = await CliContext.EnterOrganizationAsync(db, parse, cancellationToken);
            var request = new ImportRequest(parse.GetValue(kind), path)
            {
                Preset = parse.GetValue(preset),
                DryRun = parse.GetValue(dryRun),
                Encoding = parse.GetValue(encoding) switch
                {
                    "utf-8" or "utf8" => ImportEncoding.Utf8,
                    "gb18030" or "gbk" => ImportEncoding.Gb18030,
                    _ => ImportEncoding.Auto,
                },
                MaxErrors = Math.Max(1, parse.GetValue(maxErrors)),
            };
            var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
            if (parse.GetValue(route))
            {
                // The command line acts for the whole organization: every auto-routing queue.
                request = request with
                {
                    Routing = new LeadRouting(AccessScope.WholeOrganization(), AssignmentActor.Cli, scope.ServiceProvider.GetRequiredService<QueueRouterCache>(), clock.GetUtcNow()),
                };
            }
            var result = await RunAsync(db, organization, request, clock, cancellationToken);

            foreach (var error in result.Errors)
            {
                CommandRunner.Error(error.ToString());
            }
            if (result.ErrorCount > result.Errors.Count)
            {
                CommandRunner.Error($"… and {result.ErrorCount - result.Errors.Count} more error(s).");
            }
            var counts = string.Create(CultureInfo.InvariantCulture,
                $"{result.Created} to create, {result.Updated} to update, {result.Unchanged} unchanged, {result.Rejected} rejected");
            if (!result.Succeeded)
            {
                Console.WriteLine($"Nothing was imported ({counts}; {result.ErrorCount} error(s)).");
                return ExitCodes.InvalidInput;
            }
            Console.WriteLine(request.DryRun
                ? $"Dry run, nothing written: {counts}."
                : string.Create(CultureInfo.InvariantCulture,
                    $"Imported {DataImporter.KindName(request.Kind)} into {organization.Name}: {result.Created} created, {result.Updated} updated, {result.Unchanged} unchanged."));
            if (result.Routed is { } routed)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"Routed {routed} new lead(s) through assignment queues; {result.Unrouted} no queue took stay unassigned."));
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    // A progress bar by bytes read, only on a terminal and for files worth waiting for.
    private static async Task<ImportResult> RunAsync(
        AppDbContext db, Organizations.Organization organization, ImportRequest request, TimeProvider clock, CancellationToken cancellationToken)
    {
        var interactive = !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;
        if (!interactive || new FileInfo(request.FilePath).Length < (4 << 20))
        {
            return await DataImporter.ImportAsync(db, organization, request, clock, cancellationToken);
        }
        ImportResult? result = null;
        await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async progress =>
            {
                var task = progress.AddTask(Path.GetFileName(request.FilePath));
                var reporting = request with
                {
                    Progress = new Progress<ImportProgress>(p =>
                    {
                        task.Description = $"{p.Phase} {Path.GetFileName(request.FilePath)}";
                        task.MaxValue = p.Total;
                        task.Value = p.Done;
                    }),
                };
                result = await DataImporter.ImportAsync(db, organization, reporting, clock, cancellationToken);
                task.Value = task.MaxValue;
            });
        return result!;
    }
}
