using System.Net;
using Headroom.Tests.Web;

namespace Headroom.Tests.Workload;

[Trait("Category", "Integration")]
public sealed class SettingsPagesTests
{
    [Fact]
    public async Task AdminsGetTheForms_ManagersReadThem_RepsAndStrangersDoNot()
    {
        await using var world = await ApiWorld.CreateAsync();
        foreach (var principal in ApiWorld.Principals)
        {
            foreach (var path in new[] { "/settings/workload", "/settings/calendar?year=2026", "/settings/goals" })
            {
                var response = await world.Client(principal).GetAsync(new Uri(path, UriKind.Relative));
                var page = await response.Content.ReadAsStringAsync();
                if (!AccessRules.SignedIn(principal))
                {
                    Assert.DoesNotContain("Effort model", page, StringComparison.Ordinal);
                    Assert.DoesNotContain("Fiscal year starts in", page, StringComparison.Ordinal);
                    Assert.DoesNotContain("2026-02-14", page, StringComparison.Ordinal);
                    continue;
                }
                if (AccessRules.IsRep(principal))
                {
                    Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
                    continue;
                }
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                var admin = AccessRules.IsAdmin(principal);
                if (path == "/settings/workload")
                {
                    Assert.Contains("Effort model", page, StringComparison.Ordinal);
                    Assert.Equal(admin, page.Contains("Save effort model", StringComparison.Ordinal));
                    Assert.Equal(!admin, page.Contains("Only admins change these settings", StringComparison.Ordinal));
                }
                else if (path == "/settings/goals")
                {
                    Assert.Contains("Fiscal year starts in", page, StringComparison.Ordinal);
                    Assert.Equal(admin, page.Contains("Save goal settings", StringComparison.Ordinal));
                }
                else
                {
                    // China's 2026 calendar (Spring Festival's adjusted Saturday); the other
                    // organization is not in China and has no calendar.
                    Assert.Equal(principal != ApiWorld.OtherAdmin, page.Contains("2026-02-14", StringComparison.Ordinal));
                    Assert.Equal(admin, page.Contains("Import a calendar", StringComparison.Ordinal));
                }
            }
        }
    }
}
