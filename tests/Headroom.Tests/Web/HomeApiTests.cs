using System.Net.Http.Json;
using Headroom.Web.Home;

namespace Headroom.Tests.Web;

[Trait("Category", "Integration")]
public class HomeApiTests
{
    [Fact]
    public async Task Health_ReportsTheDatabase_WithoutSignIn()
    {
        await using var host = await WebTestHost.CreateAsync();
        using var client = host.CreateClient();
        var health = await client.GetFromJsonAsync<HealthResponse>("/health");
        Assert.Equal("ok", health!.Status);
    }
}
