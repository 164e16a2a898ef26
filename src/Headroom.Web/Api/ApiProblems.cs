using Microsoft.AspNetCore.Http.HttpResults;

namespace Headroom.Web.Api;

// The few refusals every feature answers with, so they look the same everywhere.
public static class ApiProblems
{
    public static ValidationProblem Field(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });

    public static ValidationProblem Fields(IDictionary<string, string> errors) =>
        TypedResults.ValidationProblem(errors.ToDictionary(e => e.Key, e => new[] { e.Value }));

    public static ProblemHttpResult StaleVersion(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Stale version", detail: detail);

    public static ProblemHttpResult Conflict(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict", detail: detail);

    // Only for records the caller may already see: anything outside their scope answers 404.
    public static ProblemHttpResult Forbidden(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: detail);
}
