using Headroom.Data;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Headroom.Web.Home;

public static class HomeApi
{
    public static void MapHomeApi(this IEndpointRouteBuilder app)
    {
        // For load balancers and `serve` scripts: says only whether the database answers.
        app.MapGet("/health", GetHealth).AllowAnonymous();
    }

    public static async Task<Ok<HealthResponse>> GetHealth(AppDbContext db, CancellationToken cancellationToken)
    {
        var canConnect = await db.Database.CanConnectAsync(cancellationToken);
        return TypedResults.Ok(new HealthResponse(canConnect ? "ok" : "database unavailable", db.Database.ProviderName ?? ""));
    }
}

public sealed record HealthResponse(string Status, string Provider);
