using System.Text.Encodings.Web;
using System.Text.Unicode;
using System.Text.Json.Serialization;
using Headroom.Data;
using Headroom.Web.Accounts;
using Headroom.Web.Activities;
using Headroom.Web.Api;
using Headroom.Web.Assignment;
using Headroom.Web.Auth;
using Headroom.Web.Contacts;
using Headroom.Web.Deals;
using Headroom.Web.Feedback;
using Headroom.Web.FollowUps;
using Headroom.Web.Goals;
using Headroom.Web.Home;
using Headroom.Web.Importing;
using Headroom.Web.Leads;
using Headroom.Web.Localization;
using Headroom.Web.Members;
using Headroom.Web.Reviews;
using Headroom.Web.Teams;
using Headroom.Web.Analytics;
using Headroom.Web.Wellbeing;
using Headroom.Web.Workload;
using MudBlazor.Services;
using Scalar.AspNetCore;

namespace Headroom.Web;

// Builds the web host; shared by `dotnet run --project src/Headroom.Web` and `headroom serve`.
public static class HeadroomWebApp
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        // The application name locates the static web assets manifest (MudBlazor's CSS), also when
        // the host runs inside `headroom serve` or a test process.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ApplicationName = typeof(HeadroomWebApp).Assembly.GetName().Name,
        });
        // MudBlazor's files come from the NuGet cache until the app is published; without this
        // only the Development environment would serve them.
        builder.WebHost.UseStaticWebAssets();
        configure?.Invoke(builder);
        // Every SQL statement and route match at Information drowns the log and costs time per request.
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.AspNetCore.Routing", LogLevel.Warning);
        builder.Services.AddHeadroom(builder.Configuration);
        builder.Services.AddHeadroomSignIn(builder.Configuration);
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = BadRequestProblems.Describe);
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.Configure<ExceptionHandlerOptions>(o =>
        {
            o.StatusCodeSelector = BadRequestProblems.StatusCode;
            // A client's bad request is not a server error worth an error log entry.
            o.SuppressDiagnosticsCallback = c => c.Exception is BadHttpRequestException;
        });
        // Enums as their names in JSON ("Won", not 1), in the API and its OpenAPI document alike.
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        builder.Services.AddOpenApi();
        builder.Services.AddLocalization(o => o.ResourcesPath = "Resources");
        builder.Services.Configure<RequestLocalizationOptions>(Cultures.Configure);
        builder.Services.AddRazorComponents();
        // Chinese text as characters, not &#x...; entities (a sixth of the bytes, and readable).
        builder.Services.AddWebEncoders(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        builder.Services.AddMudServices();
        builder.Services.AddHeadroomImports(builder.Configuration);
        builder.Services.AddHostedService<LeaveCoverReturner>();

        var app = builder.Build();
        app.UseExceptionHandler();
        // Pages answer an empty 404 with the not-found page; endpoints opt out ([SkipStatusCodePages]).
        app.UseStatusCodePagesWithReExecute("/not-found");
        app.UseRequestLocalization();
        app.UseAuthentication();
        app.UseTenantFromUser();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseAntiforgery();

        app.MapStaticAssets().AllowAnonymous();
        app.MapHomeApi();
        app.MapAnalyticsExport();
        app.MapFairnessExport();
        app.MapSignInApi();
        app.MapCultureApi();
        var api = app.MapApiV1();
        api.MapAccountsApi();
        api.MapLeadsApi();
        api.MapDealsApi();
        api.MapActivitiesApi();
        api.MapFollowUpsApi();
        api.MapAccessTokensApi();
        api.MapContactsApi();
        api.MapFeedbackApi();
        api.MapTeamsApi();
        api.MapMembersApi();
        api.MapTimeOffApi();
        api.MapImportsApi();
        app.MapImportUpload();
        api.MapPulseApi();
        api.MapAlertsApi();
        api.MapWorkloadApi();
        api.MapWorkloadSettingsApi();
        api.MapCalendarApi();
        api.MapAnalyticsApi();
        api.MapGoalsApi();
        api.MapRebalanceApi();
        api.MapPoolApi();
        api.MapLeaveCoverApi();
        api.MapFairnessApi();
        api.MapQueuesApi();
        api.MapScorecardApi();
        api.MapReviewsApi();
        api.MapImprovementPlansApi();
        app.MapOpenApi().RequireAuthorization();
        app.MapScalarApiReference().RequireAuthorization();
        // Pages need a signed-in user unless they say [AllowAnonymous].
        app.MapRazorComponents<App>().RequireAuthorization();
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
