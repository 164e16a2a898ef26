using System.CommandLine;
using Headroom.Data;
using Headroom.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Headroom.Cli;

// Options every command shares, and the services a command runs with. Configuration comes from
// headroom.json in the working directory, then environment variables (Headroom__Database__...),
// then these options.
public static class CliContext
{
    public static readonly Option<DatabaseProvider?> Provider = new("--provider")
    {
        Description = "Database provider: Sqlite (default) or Postgres",
        Recursive = true,
    };

    public static readonly Option<string?> Connection = new("--connection")
    {
        Description = "Database connection string (default: SQLite file data/headroom.db)",
        Recursive = true,
    };

    public static readonly Option<string?> Org = new("--org")
    {
        Description = "Organization name (may be left out when there is only one)",
        Recursive = true,
    };

    public static IConfiguration BuildConfiguration(ParseResult parse)
    {
        var overrides = new Dictionary<string, string?>();
        if (parse.GetValue(Provider) is { } provider)
        {
            overrides[$"{DatabaseOptions.Section}:Provider"] = provider.ToString();
        }
        if (parse.GetValue(Connection) is { } connection)
        {
            overrides[$"{DatabaseOptions.Section}:ConnectionString"] = connection;
        }
        return new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "headroom.json"), optional: true)
            .AddEnvironmentVariables()
            .AddInMemoryCollection(overrides)
            .Build();
    }

    public static ServiceProvider BuildServices(ParseResult parse)
    {
        var services = new ServiceCollection();
        services.AddHeadroom(BuildConfiguration(parse));
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    // Migrates, then selects the organization named by --org (or the only one) for this scope.
    public static async Task<Organization> EnterOrganizationAsync(AppDbContext db, ParseResult parse, CancellationToken cancellationToken)
    {
        await DatabaseSetup.MigrateAsync(db, cancellationToken);
        var name = parse.GetValue(Org);
        var candidates = await db.Organizations
            .Where(o => name == null || o.Name == name)
            .OrderBy(o => o.Id)
            .Take(2)
            .ToListAsync(cancellationToken);
        var organization = candidates.Count switch
        {
            1 => candidates[0],
            0 when name is not null => throw new CliException(ExitCodes.NotFound, $"No organization named '{name}'. See `headroom org list`."),
            0 => throw new CliException(ExitCodes.NotFound, "There is no organization yet. Create one with `headroom org add --name NAME` or `headroom seed --demo`."),
            _ => throw new CliException(ExitCodes.Usage, "There is more than one organization; choose one with --org NAME."),
        };
        db.Tenant.Enter(organization.Id);
        db.Tenant.ActAs(null, "cli");
        return organization;
    }
}
