using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Headroom.Organizations;
using Headroom.Tests.Web;
using Headroom.Web.Workload;
using Microsoft.EntityFrameworkCore;

namespace Headroom.Tests.Workload;

[Trait("Category", "Integration")]
public sealed class CalendarApiTests
{
    private static MultipartFormDataContent File(string content, string name = "sg.csv", string calendar = "SG", bool? replace = null)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(content));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", name);
        form.Add(new StringContent(calendar), "calendar");
        if (replace is { } value)
        {
            form.Add(new StringContent(value ? "true" : "false"), "replace");
        }
        return form;
    }

    [Fact]
    public async Task ImportedCalendar_ReplacesTheYearsItCovers_AndOfficialReloadBringsChinaBack()
    {
        await using var world = await ApiWorld.CreateAsync();
        var admin = world.Client(ApiWorld.Admin);
        var before = (await admin.GetFromJsonAsync<List<CalendarDayResponse>>("/api/v1/calendar?year=2026", ApiWorld.Json))!;
        Assert.Contains(before, d => d.Date == new DateOnly(2026, 2, 14) && d.Kind == CalendarDayKind.Workday && d.Calendar == "CN");

        var response = await admin.PostAsync(new Uri("/api/v1/calendar/import", UriKind.Relative),
            File("date,kind,name\n2026-08-10,holiday,National Day (observed)\n2026-12-25,holiday,Christmas Day\n2026-05-01,off,Labour Day\n"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var imported = (await response.Content.ReadFromJsonAsync<CalendarImportResponse>(ApiWorld.Json))!;
        Assert.Equal((3, new DateOnly(2026, 5, 1), new DateOnly(2026, 12, 25), true), (imported.Days, imported.First, imported.Last, imported.ReplacedYears));
        var after = (await admin.GetFromJsonAsync<List<CalendarDayResponse>>("/api/v1/calendar?year=2026", ApiWorld.Json))!;
        Assert.Equal([new DateOnly(2026, 5, 1), new DateOnly(2026, 8, 10), new DateOnly(2026, 12, 25)], after.Select(d => d.Date));
        Assert.All(after, d => Assert.Equal("SG", d.Calendar));
        // 2025 was not in the file and keeps China's days.
        Assert.Contains((await admin.GetFromJsonAsync<List<CalendarDayResponse>>("/api/v1/calendar?year=2025", ApiWorld.Json))!, d => d.Calendar == "CN");

        var merged = await admin.PostAsync(new Uri("/api/v1/calendar/import", UriKind.Relative), File("date\tkind\tname\n2026-10-01\t休\t国庆节\n", "cn.tsv", "CN", replace: false));
        Assert.Equal(HttpStatusCode.OK, merged.StatusCode);
        Assert.Equal(4, (await admin.GetFromJsonAsync<List<CalendarDayResponse>>("/api/v1/calendar?year=2026", ApiWorld.Json))!.Count);

        var official = await admin.PostAsync(new Uri("/api/v1/calendar/official/CN", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.OK, official.StatusCode);
        var reloaded = (await admin.GetFromJsonAsync<List<CalendarDayResponse>>("/api/v1/calendar?year=2026", ApiWorld.Json))!;
        Assert.Equal(before.Select(d => (d.Date, d.Kind)), reloaded.Select(d => (d.Date, d.Kind)));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync(new Uri("/api/v1/calendar/official/XX", UriKind.Relative), null)).StatusCode);
    }

    [Fact]
    public async Task BadFile_NamesEveryBadRowAndColumn_AndWritesNothing()
    {
        await using var world = await ApiWorld.CreateAsync();
        var admin = world.Client(ApiWorld.Admin);
        var response = await admin.PostAsync(new Uri("/api/v1/calendar/import", UriKind.Relative),
            File("date,kind,name\n2026-08-10,holiday,National Day\n2026-13-01,holiday,Nope\n2026-08-11,vacation,Odd\n2026-08-10,workday,Again\n2026-08-12,holiday,\n"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        foreach (var expected in new[] { "row 3, date", "row 4, kind", "row 5, date", "row 6, name" })
        {
            Assert.Contains(expected, text, StringComparison.Ordinal);
        }
        Assert.Contains("2026-13-01", text, StringComparison.Ordinal);
        await using var db = world.Host.Database.CreateContext(world.Host.OrgId);
        Assert.False(await db.CalendarDays.AnyAsync(d => d.Calendar == "SG"));

        var noHeader = await admin.PostAsync(new Uri("/api/v1/calendar/import", UriKind.Relative), File("day,type\n2026-01-01,holiday\n"));
        Assert.Contains("row 1, kind", await noHeader.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var wrongType = await admin.PostAsync(new Uri("/api/v1/calendar/import", UriKind.Relative), File("x", "calendar.pdf"));
        await WorkloadSettingsApiTests.AssertFieldErrorAsync(wrongType, "file");
    }

    [Fact]
    public async Task OnlyAdminsImportOrDelete_AndADayOfAnotherOrganizationIsNotFound()
    {
        await using var world = await ApiWorld.CreateAsync();
        var admin = world.Client(ApiWorld.Admin);
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync("/api/v1/calendar/2025-06-06", new CalendarDayRequest(CalendarDayKind.Holiday, "Company day", null), ApiWorld.Json)).StatusCode);
        foreach (var principal in ApiWorld.Principals.Where(AccessRules.SignedIn).Reverse())
        {
            var client = world.Client(principal);
            var delete = await client.DeleteAsync(new Uri("/api/v1/calendar/2025-06-06", UriKind.Relative));
            var import = await client.PostAsync(new Uri("/api/v1/calendar/import", UriKind.Relative), File("date,kind,name\n2026-08-10,holiday,National Day\n"));
            // The other organization's admin comes first (reversed order) and finds no such day.
            var expectedDelete = principal switch
            {
                ApiWorld.Admin => HttpStatusCode.NoContent,
                ApiWorld.OtherAdmin => HttpStatusCode.NotFound,
                _ => HttpStatusCode.Forbidden,
            };
            Assert.Equal(expectedDelete, delete.StatusCode);
            Assert.Equal(AccessRules.IsAdmin(principal) ? HttpStatusCode.OK : HttpStatusCode.Forbidden, import.StatusCode);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync(new Uri("/api/v1/calendar/2025-06-06", UriKind.Relative))).StatusCode);
        await WorkloadSettingsApiTests.AssertFieldErrorAsync(await admin.DeleteAsync(new Uri("/api/v1/calendar/2026-02-30", UriKind.Relative)), "date");
        await WorkloadSettingsApiTests.AssertFieldErrorAsync(
            await admin.PutAsJsonAsync("/api/v1/calendar/2026-10-02", new CalendarDayRequest(null, "", null), ApiWorld.Json), "kind");
    }
}
