using System.CommandLine;
using Headroom.Data;
using Headroom.Importing;
using Microsoft.Extensions.DependencyInjection;

namespace Headroom.Cli.Commands;

public static class ExportCommand
{
    public static Command Create()
    {
        var kind = new Argument<ImportKind>("kind") { Description = "teams, members, accounts, contacts, leads, deals, activities, followups or feedback" };
        var format = new Option<ExportFormat?>("--format") { Description = "csv or xlsx (default: from the --output extension, else csv)" };
        var output = new Option<FileInfo?>("--output") { Description = "File to write (default: standard output)" };
        var command = new Command("export", "Export one kind of record of the organization, with the headers `headroom import` reads")
        {
            kind, format, output,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var target = parse.GetValue(output);
            var chosen = parse.GetValue(format)
                ?? (target is not null && target.Extension.Equals(".xlsx", StringComparison.OrdinalIgnoreCase) ? ExportFormat.Xlsx : ExportFormat.Csv);
            if (target?.Directory is { Exists: false } directory)
            {
                throw new CliException(ExitCodes.NotFound, $"--output: the folder {directory.FullName} does not exist.");
            }
            await using var services = CliContext.BuildServices(parse);
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var organization = await CliContext.EnterOrganizationAsync(db, parse, cancellationToken);
            if (target is null)
            {
                await using var stdout = Console.OpenStandardOutput();
                await DataExporter.ExportAsync(db, organization, parse.GetValue(kind), chosen, stdout, cancellationToken);
                return ExitCodes.Ok;
            }
            // Written next to the target and moved into place, so a failed export leaves no half file.
            var partial = target.FullName + ".partial";
            try
            {
                long count;
                await using (var stream = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None))
                {
                    count = await DataExporter.ExportAsync(db, organization, parse.GetValue(kind), chosen, stream, cancellationToken);
                }
                File.Move(partial, target.FullName, overwrite: true);
                await Console.Error.WriteLineAsync($"Exported {count} {DataImporter.KindName(parse.GetValue(kind))} to {target.FullName}.");
            }
            finally
            {
                File.Delete(partial);
            }
            return ExitCodes.Ok;
        });
        return command;
    }
}
