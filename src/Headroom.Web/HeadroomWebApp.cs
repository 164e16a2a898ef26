using Headroom.Data;
using Headroom.Web.Home;

namespace Headroom.Web;

// Builds the web host; shared by `dotnet run --project src/Headroom.Web` and `headroom serve`.
public static class HeadroomWebApp
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        configure?.Invoke(builder);
        builder.Services.AddHeadroom(builder.Configuration);
        builder.Services.AddProblemDetails();

        var app = builder.Build();
        app.UseExceptionHandler();
        app.MapHomeApi();
        return app;
    }

    public static async Task PrepareDatabaseAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        if (!services.GetRequiredService<DatabaseOptions>().MigrateOnStart)
        {
            return;
        }
        await using var scope = services.CreateAsyncScope();
        await DatabaseSetup.MigrateAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), cancellationToken);
    }
}
