using System.Net;
using System.Text.Json;

namespace Headroom.Tests.Members;

public static class ProblemAssert
{
    // A 400 ValidationProblem that names the field.
    public static async Task FieldErrorAsync(HttpResponseMessage response, string field)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(field, out _), $"expected an error on {field}: {problem.RootElement}");
    }
}
