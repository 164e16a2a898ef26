using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Headroom.Organizations;
using Headroom.Tests.Web;
using Headroom.Web.Api;
using Headroom.Web.Auth;
using Headroom.Web.Importing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Headroom.Tests.Importing;

[Trait("Category", "Integration")]
public class ImportsApiTests
{
    private const string Header = "ExternalId,Name,Tier,Industry,Region,Territory,Owner,Status\n";
    private const string Good = Header
        + "W-1,Web Import One,A,Retail,East,,repA1@example.com,Active\n"
        + "W-2,Web Import Two,B,Software,West,,repB@example.com,Prospect\n";
    private const string OneBadRow = Header
        + "W-1,Web Import One,A,Retail,East,,repA1@example.com,Active\n"
        + "W-2,Web Import Two,Z,Software,West,,repB@example.com,Prospect\n"
        + "W-3,Web Import Three,C,Software,West,,repB@example.com,Prospect\n";

    [Fact]
    public async Task DryRun_ReportsWhatWouldChange_AndWritesNothing()
    {
        await using var world = await ApiWorld.CreateAsync();
        var response = await PostAsync(world.Client(ApiWorld.Admin), "accounts", Good, dryRun: true);
        var report = await ReportAsync(response, HttpStatusCode.OK);
        Assert.Equal((2L, 0L, 0L, 0L, true, false, true), (report.Created, report.Updated, report.Unchanged, report.Rejected, report.DryRun, report.Written, report.Succeeded));
        Assert.Equal(0, await CountImportedAsync(world, world.Host.OrgId));
        AssertNoUploadsLeft(world.Host);

        var document = JsonDocument.Parse(await world.Client(ApiWorld.Admin).GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));
        var body = document.RootElement.GetProperty("paths").GetProperty("/api/v1/imports/{kind}").GetProperty("post").GetProperty("requestBody");
        Assert.True(body.GetProperty("content").TryGetProperty("multipart/form-data", out _), body.ToString());
    }

    [Fact]
    public async Task OneBadRow_RejectsTheWholeFile_AndNamesTheRowAndColumn()
    {
        await using var world = await ApiWorld.CreateAsync();
        var response = await PostAsync(world.Client(ApiWorld.Admin), "accounts", OneBadRow, dryRun: false);
        var report = await ReportAsync(response, HttpStatusCode.UnprocessableEntity);
        Assert.False(report.Written);
        Assert.Equal((1L, 1L), (report.Rejected, report.ErrorCount));
        var error = Assert.Single(report.Errors);
        Assert.Equal((3, "Tier"), (error.Row, error.Column));
        Assert.Contains("Z", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, await CountImportedAsync(world, world.Host.OrgId));
        AssertNoUploadsLeft(world.Host);
    }

    [Fact]
    public async Task RowErrors_SpeakTheReadersLanguage_WithAStableCode()
    {
        await using var world = await ApiWorld.CreateAsync();
        var client = world.Client(ApiWorld.Admin);
        client.DefaultRequestHeaders.AcceptLanguage.Clear();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
        var report = await ReportAsync(await PostAsync(client, "accounts", OneBadRow, dryRun: true), HttpStatusCode.UnprocessableEntity);
        var error = Assert.Single(report.Errors);
        Assert.Equal((3, "Tier", Headroom.Importing.ImportProblem.NotOneOf), (error.Row, error.Column, error.Code));
        Assert.StartsWith("“Z”不是以下取值之一：", error.Message, StringComparison.Ordinal);

        client.DefaultRequestHeaders.AcceptLanguage.Clear();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        error = Assert.Single((await ReportAsync(await PostAsync(client, "accounts", OneBadRow, dryRun: true), HttpStatusCode.UnprocessableEntity)).Errors);
        Assert.StartsWith("'Z' is not one of ", error.Message, StringComparison.Ordinal);
        AssertNoUploadsLeft(world.Host);
    }

    [Fact]
    public async Task Apply_ThenTheSameFileAgain_ChangesNothing()
    {
        await using var world = await ApiWorld.CreateAsync();
        var admin = world.Client(ApiWorld.Admin);
        var first = await ReportAsync(await PostAsync(admin, "accounts", Good, dryRun: false), HttpStatusCode.OK);
        Assert.Equal((2L, true), (first.Created, first.Written));
        await using (var db = world.Host.Database.CreateContext(world.Host.OrgId))
        {
            var owner = await db.Accounts.Where(a => a.ExternalId == "W-1").Select(a => a.OwnerId).SingleAsync();
            Assert.Equal(world.MemberIds[ApiWorld.RepA1], owner);
        }
        var again = await ReportAsync(await PostAsync(admin, "accounts", Good, dryRun: false), HttpStatusCode.OK);
        Assert.Equal((0L, 0L, 2L, false), (again.Created, again.Updated, again.Unchanged, again.Written));
        Assert.Equal(2, await CountImportedAsync(world, world.Host.OrgId));
        AssertNoUploadsLeft(world.Host);
    }

    [Fact]
    public async Task UnknownKindPresetOrEncoding_Is400_NamingTheField()
    {
        await using var world = await ApiWorld.CreateAsync();
        var admin = world.Client(ApiWorld.Admin);
        await AssertFieldErrorAsync(await PostAsync(admin, "invoices", Good, dryRun: true), "kind");
        await AssertFieldErrorAsync(await PostAsync(admin, "3", Good, dryRun: true), "kind");
        await AssertFieldErrorAsync(await PostAsync(admin, "accounts", Good, dryRun: true, preset: "hubspot"), "preset");
        await AssertFieldErrorAsync(await PostAsync(admin, "accounts", Good, dryRun: true, encoding: "latin1"), "encoding");
        await AssertFieldErrorAsync(await PostAsync(admin, "accounts", Good, dryRun: true, fileName: "accounts.pdf"), "file");
        using var noFile = new MultipartFormDataContent { { new StringContent("true"), "dryRun" } };
        await AssertFieldErrorAsync(await admin.PostAsync(new Uri("/api/v1/imports/accounts", UriKind.Relative), noFile), "file");
        // Follow-ups may be spelled as on the page.
        Assert.NotEqual(HttpStatusCode.BadRequest, (await PostAsync(admin, "follow-ups", "Title\n", dryRun: true)).StatusCode);
        AssertNoUploadsLeft(world.Host);
    }

    [Fact]
    public async Task ChineseExports_AreReadThroughTheApi_Gb18030CsvAndXlsx()
    {
        await using var world = await ApiWorld.CreateAsync();
        var admin = world.Client(ApiWorld.Admin);
        var csv = await PostFileAsync(admin, "accounts", ImportTestOrganization.Fixture("sharecrm/客户_GB18030.csv"), "sharecrm");
        var xlsx = await PostFileAsync(admin, "deals", ImportTestOrganization.Fixture("sharecrm/商机.xlsx"), "sharecrm");
        Assert.Equal("gb18030", csv.Encoding);
        Assert.Equal("utf-8", xlsx.Encoding);
        // Read and mapped: whatever the rows say about this organization, no column is unknown.
        Assert.DoesNotContain(csv.Errors.Concat(xlsx.Errors), e => e.Row == 1);
        Assert.True(csv.Created + csv.Rejected > 0 && xlsx.Created + xlsx.Rejected > 0);
        AssertNoUploadsLeft(world.Host);
    }

    [Fact]
    public async Task OversizedUpload_Is413ProblemDetails_ForCookieAndToken_AndLeavesNoFile()
    {
        await using var host = await WebTestHost.CreateAsync(new Dictionary<string, string?> { ["Headroom:Import:MaxUploadMegabytes"] = "1" });
        var user = await host.AddUserAsync("admin@example.com", role: MemberRole.Admin);
        using var browser = host.CreateClient();
        await WebTestHost.SignInAsync(browser, "admin@example.com");
        // Without the antiforgery header a cookie request is refused, whatever its size.
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(browser, "accounts", Good, dryRun: true)).StatusCode);
        var token = await browser.GetFromJsonAsync<AntiforgeryTokenResponse>("/api/v1/antiforgery", ApiWorld.Json);
        browser.DefaultRequestHeaders.Add(token!.HeaderName, token.RequestToken);

        using var script = host.CreateClient();
        await using (var db = host.Database.CreateContext(host.OrgId))
        {
            var (row, secret) = PersonalAccessTokens.Create(host.OrgId, user.Id, "import script", null);
            db.PersonalAccessTokens.Add(row);
            await db.SaveChangesAsync();
            script.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        }

        // Just over the limit in the file alone, and far over it in the whole request.
        var justOver = Header + new string('x', (1 << 20) + 1) + "\n";
        foreach (var client in new[] { browser, script })
        {
            foreach (var body in new[] { justOver, Header + new string('x', 3 << 20) })
            {
                var response = await PostAsync(client, "accounts", body, dryRun: true);
                Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
                Assert.Contains("1 MB", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
            }
            Assert.Equal(HttpStatusCode.OK, (await PostAsync(client, "accounts", Header + "S-1,Small,A,,,,,Active\n", dryRun: true)).StatusCode);
        }
        AssertNoUploadsLeft(host);
    }

    [Fact]
    public async Task ManagersAndReps_AreRefused_AndNothingIsWritten()
    {
        await using var world = await ApiWorld.CreateAsync();
        foreach (var principal in new[] { ApiWorld.ManagerA, ApiWorld.RepA1 })
        {
            var response = await PostAsync(world.Client(principal), "accounts", Good, dryRun: false);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
        Assert.Equal(0, await CountImportedAsync(world, world.Host.OrgId));
        AssertNoUploadsLeft(world.Host);
    }

    [Fact]
    public async Task EveryPrincipal_ImportsAsTheRuleTableSays_IntoTheirOwnOrganizationOnly()
    {
        await using var world = await ApiWorld.CreateAsync();
        var mismatches = new List<string>();
        foreach (var principal in ApiWorld.Principals)
        {
            var file = Header + $"M-{principal},imported by {principal},B,,,,,Active\n";
            // An organization id in the request is not a field of the import and changes nothing.
            var response = await PostAsync(world.Client(principal), "accounts", file, dryRun: false,
                extra: ("orgId", world.Host.OrgId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            var expected = !AccessRules.SignedIn(principal) ? 401 : AccessRules.CanImport(principal) ? 200 : 403;
            if ((int)response.StatusCode != expected)
            {
                mismatches.Add($"POST /imports/accounts by {principal}: expected {expected}, got {(int)response.StatusCode}");
            }
        }
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));

        await using var home = world.Host.Database.CreateContext(world.Host.OrgId);
        Assert.Equal(["imported by admin"], await home.Accounts.Where(a => a.Name.StartsWith("imported by")).Select(a => a.Name).ToListAsync());
        await using var other = world.Host.Database.CreateContext(world.OtherOrgId);
        Assert.Equal(["imported by otherAdmin"], await other.Accounts.Where(a => a.Name.StartsWith("imported by")).Select(a => a.Name).ToListAsync());
        AssertNoUploadsLeft(world.Host);
    }

    internal static async Task<HttpResponseMessage> PostAsync(
        HttpClient client, string kind, string csv, bool dryRun, string? preset = null, string? encoding = null, string fileName = "accounts.csv",
        (string Name, string Value)? extra = null)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", fileName);
        form.Add(new StringContent(dryRun ? "true" : "false"), "dryRun");
        if (preset is not null)
        {
            form.Add(new StringContent(preset), "preset");
        }
        if (encoding is not null)
        {
            form.Add(new StringContent(encoding), "encoding");
        }
        if (extra is { } field)
        {
            form.Add(new StringContent(field.Value), field.Name);
        }
        return await client.PostAsync(new Uri($"/api/v1/imports/{kind}", UriKind.Relative), form);
    }

    private static async Task<ImportReport> PostFileAsync(HttpClient client, string kind, string path, string preset)
    {
        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(await File.ReadAllBytesAsync(path)), "file", Path.GetFileName(path) },
            { new StringContent(preset), "preset" },
            { new StringContent("true"), "dryRun" },
        };
        var response = await client.PostAsync(new Uri($"/api/v1/imports/{kind}", UriKind.Relative), form);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.UnprocessableEntity, $"{response.StatusCode}: {body}");
        return JsonSerializer.Deserialize<ImportReport>(body, ApiWorld.Json)!;
    }

    internal static void AssertNoUploadsLeft(WebTestHost host)
    {
        var uploads = host.Factory.Services.GetRequiredService<ImportUploads>();
        Assert.Empty(Directory.EnumerateFileSystemEntries(uploads.Folder));
    }

    private static async Task<ImportReport> ReportAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{response.StatusCode}: {body}");
        return JsonSerializer.Deserialize<ImportReport>(body, ApiWorld.Json)!;
    }

    private static async Task<int> CountImportedAsync(ApiWorld world, long orgId)
    {
        await using var db = world.Host.Database.CreateContext(orgId);
        return await db.Accounts.CountAsync(a => a.Name.StartsWith("Web Import"));
    }

    private static async Task AssertFieldErrorAsync(HttpResponseMessage response, string field)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{response.StatusCode}: {body}");
        Assert.True(JsonDocument.Parse(body).RootElement.GetProperty("errors").TryGetProperty(field, out _), body);
    }
}
