using Headroom.Web.Auth;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Headroom.Web.Api;

// The /api/v1 group every feature's route table hangs off: signed-in users (cookie or personal
// access token) only, ProblemDetails instead of the HTML not-found page, and an antiforgery token
// in a header on every unsafe cookie-authenticated request, because the API is authenticated by
// the same cookie as the pages (docs/decisions/0011-api-conventions.md, 0014).
public static class ApiV1
{
    public static RouteGroupBuilder MapApiV1(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1")
            .RequireAuthorization()
            .WithMetadata(new SkipStatusCodePagesAttribute())
            .WithMetadata(new RequireAntiforgeryTokenAttribute())
            .AddEndpointFilter(RequireAntiforgeryHeader);
        api.MapGet("/antiforgery", GetAntiforgeryToken)
            .WithSummary("Antiforgery token for this session; send it in the named header on every POST, PUT and DELETE.");
        return api;
    }

    public static Ok<AntiforgeryTokenResponse> GetAntiforgeryToken(IAntiforgery antiforgery, HttpContext http)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        return TypedResults.Ok(new AntiforgeryTokenResponse(tokens.HeaderName ?? "RequestVerificationToken", tokens.RequestToken ?? ""));
    }

    // UseAntiforgery only records the result of the check, and only for the methods a form can
    // send (not DELETE); JSON endpoints bind no form, so nothing else would refuse the request.
    // A request signed in by a personal access token is exempt: a browser never adds the bearer
    // header by itself, so a forged cross-site request cannot carry it.
    private static async ValueTask<object?> RequireAntiforgeryHeader(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var unsafeMethod = !HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method) && !HttpMethods.IsOptions(http.Request.Method);
        if (unsafeMethod && !http.User.IsFromToken() && !(http.Features.Get<IAntiforgeryValidationFeature>() is { } checkedByMiddleware
                ? checkedByMiddleware.IsValid
                : await http.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(http)))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Missing or invalid antiforgery token.",
                detail: "GET /api/v1/antiforgery and send its token in the header it names.");
        }
        return await next(context);
    }
}

public sealed record AntiforgeryTokenResponse(string HeaderName, string RequestToken);
