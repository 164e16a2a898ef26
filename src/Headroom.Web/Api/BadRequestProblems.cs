using System.Text.Json;

namespace Headroom.Web.Api;

// A request the framework cannot bind (malformed JSON, a value of the wrong type, a query value
// that is not a number) is thrown as BadHttpRequestException and answered here with its own status
// and a ProblemDetails that names the field, like every other refusal, instead of an empty 400.
public static class BadRequestProblems
{
    public static int StatusCode(Exception exception) =>
        exception is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError;

    public static void Describe(ProblemDetailsContext context)
    {
        if (context.Exception is not BadHttpRequestException bad)
        {
            return;
        }
        context.ProblemDetails.Status = bad.StatusCode;
        if (bad.InnerException is JsonException json)
        {
            // "$.owner.id" -> "owner.id"; a body that is not JSON at all has no field.
            var field = json.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : "body";
            var where = json.LineNumber is { } line ? $" (line {line + 1}, position {json.BytePositionInLine + 1})" : "";
            var message = field == "body"
                ? $"The request body is not valid JSON{where}."
                : $"The value of '{field}' is not valid for its type{where}.";
            context.ProblemDetails.Title = "The request body could not be read.";
            context.ProblemDetails.Detail = message;
            context.ProblemDetails.Extensions["errors"] = new Dictionary<string, string[]> { [field] = [message] };
            return;
        }
        // The framework's own messages name the parameter, e.g. Failed to bind parameter "int? page" from "abc".
        context.ProblemDetails.Title = "The request could not be read.";
        context.ProblemDetails.Detail = bad.Message;
    }
}
