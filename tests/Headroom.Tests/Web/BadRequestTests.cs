using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Headroom.Tests.Web;

[Trait("Category", "Integration")]
public class BadRequestTests
{
    [Theory]
    [InlineData("""{"name": "Acme", "ownerId": "not a number"}""", "ownerId")]
    [InlineData("""{"name": "Acme", "tier": 3.5}""", "tier")]
    [InlineData("""{"name": "Acme", """, "body")]
    [InlineData("not json", "body")]
    public async Task MalformedJson_Is400_NamingTheField_AndWritesNothing(string body, string field)
    {
        await using var world = await ApiWorld.CreateAsync();
        var admin = world.Client(ApiWorld.Admin);
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        var response = await admin.PostAsync(new Uri("/api/v1/accounts", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out var messages), problem.ToString());
        Assert.Contains("line 1", messages[0].GetString(), StringComparison.Ordinal);
        await using var db = world.Host.Database.CreateContext(world.Host.OrgId);
        Assert.DoesNotContain(db.Accounts, a => a.Name == "Acme");
    }

    [Fact]
    public async Task QueryValueOfTheWrongType_Is400_NamingTheParameter()
    {
        await using var world = await ApiWorld.CreateAsync();
        var response = await world.Client(ApiWorld.RepA1).GetAsync(new Uri("/api/v1/accounts?page=two", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("page", problem.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("two", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
