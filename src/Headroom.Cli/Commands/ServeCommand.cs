using System.CommandLine;
using Headroom.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Headroom.Cli.Commands;

public static class ServeCommand
{
    public static Command Create()
    {
        var urls = new Option<string>("--urls") { Description = "Addresses to listen on", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
        var demo = new Option<bool>("--demo") { Description = "Seed the small demo organization first when the database has none" };
        var command = new Command("serve", "Run the Headroom web app") { urls, demo };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var configuration = CliContext.BuildConfiguration(parse);
            var app = HeadroomWebApp.Build([], builder =>
            {
                builder.Configuration.AddConfiguration(configuration);
                builder.WebHost.UseUrls(parse.GetRequiredValue(urls));
            });
            await HeadroomWebApp.PrepareDatabaseAsync(app.Services, cancellationToken);
            if (parse.GetValue(demo))
            {
                await SeedCommand.SeedDemoIfEmptyAsync(app.Services, cancellationToken);
            }
            await app.StartAsync(cancellationToken);
            await app.WaitForShutdownAsync(cancellationToken);
            return ExitCodes.Ok;
        });
        return command;
    }
}
