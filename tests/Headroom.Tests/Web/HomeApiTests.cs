using System.Net;
using System.Net.Http.Json;
using Headroom.Web.Home;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Headroom.Tests.Web;

[Trait("Category", "Integration")]
public class HomeApiTests
{
    [Fact]
    public async Task Health_ReportsTheDatabase_AndSummaryListsOrganizations()
    {
        await using var database = await TestDatabase.CreateAsync();
        await database.CreateOrganizationAsync("华东销售");
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Headroom:Database:Provider", database.Options.Provider.ToString());
            builder.UseSetting("Headroom:Database:ConnectionString", database.ConnectionString);
        });
        using var client = factory.CreateClient();

        var health = await client.GetFromJsonAsync<HealthResponse>("/health");
        Assert.Equal("ok", health!.Status);

        // The test server has no remote address, which the summary page treats as not local.
        var summary = await client.GetAsync(new Uri("/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, summary.StatusCode);
    }
}
