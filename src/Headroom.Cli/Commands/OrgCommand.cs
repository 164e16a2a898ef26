using System.CommandLine;
using Headroom.Data;
using Headroom.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Headroom.Cli.Commands;

public static class OrgCommand
{
    public static Command Create()
    {
        var name = new Option<string>("--name") { Description = "Organization name", Required = true };
        var currency = new Option<string>("--currency") { Description = "ISO 4217 currency code", DefaultValueFactory = _ => "CNY" };
        var timeZone = new Option<string>("--time-zone") { Description = "IANA time zone", DefaultValueFactory = _ => "Asia/Shanghai" };
        var locale = new Option<string>("--locale") { Description = "Default locale", DefaultValueFactory = _ => "zh-CN" };
        locale.AcceptOnlyFromAmong("zh-CN", "en");

        var add = new Command("add", "Create an organization with the default pipeline and holiday calendar")
        {
            name, currency, timeZone, locale,
        };
        add.SetAction(async (parse, cancellationToken) =>
        {
            var zone = parse.GetRequiredValue(timeZone);
            if (!TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _))
            {
                throw new CliException(ExitCodes.InvalidInput, $"--time-zone: unknown time zone '{zone}'.");
            }
            var code = parse.GetRequiredValue(currency).ToUpperInvariant();
            if (code.Length != 3 || !code.All(char.IsAsciiLetterUpper))
            {
                throw new CliException(ExitCodes.InvalidInput, $"--currency: '{code}' is not a three-letter ISO 4217 code.");
            }
            await using var services = CliContext.BuildServices(parse);
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await DatabaseSetup.MigrateAsync(db, cancellationToken);
            var orgName = parse.GetRequiredValue(name).Trim();
            if (await OrganizationSetup.FindAsync(db, orgName, cancellationToken) is not null)
            {
                throw new CliException(ExitCodes.InvalidInput, $"--name: an organization named '{orgName}' already exists.");
            }
            var organization = await OrganizationSetup.CreateAsync(db, new Organization
            {
                Name = orgName,
                Currency = code,
                TimeZoneId = zone,
                DefaultLocale = parse.GetRequiredValue(locale),
            }, cancellationToken);
            AnsiConsole.MarkupLineInterpolated($"[green]Created organization[/] {organization.Name} (id {organization.Id}).");
            return ExitCodes.Ok;
        });

        var list = new Command("list", "List organizations");
        list.SetAction(async (parse, cancellationToken) =>
        {
            await using var services = CliContext.BuildServices(parse);
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await DatabaseSetup.MigrateAsync(db, cancellationToken);
            var table = new Table().AddColumns("Id", "Name", "Currency", "Time zone", "Locale");
            foreach (var o in await db.Organizations.OrderBy(o => o.Id).ToListAsync(cancellationToken))
            {
                table.AddRow(o.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), Markup.Escape(o.Name), o.Currency, o.TimeZoneId, o.DefaultLocale);
            }
            AnsiConsole.Write(table);
            return ExitCodes.Ok;
        });

        return new Command("org", "Manage organizations") { add, list };
    }
}
