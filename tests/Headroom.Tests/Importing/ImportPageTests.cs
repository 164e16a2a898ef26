using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Headroom.Tests.Web;
using Headroom.Web.Importing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Headroom.Tests.Importing;

[Trait("Category", "Integration")]
public class ImportPageTests
{
    private const string Header = "ExternalId,Name,Tier,Industry,Region,Territory,Owner,Status\n";

    [Fact]
    public async Task Preview_ShowsTheBadRow_ThenAFixedFileIsAppliedOnce_AndTheUploadIsRemoved()
    {
        await using var world = await ApiWorld.CreateAsync();
        using var client = world.Host.CreateClient();
        await WebTestHost.SignInAsync(client, "admin@example.com");
        var uploads = world.Host.Factory.Services.GetRequiredService<ImportUploads>();

        var bad = await UploadAsync(client, Header + "P-1,Page One,A,,,,repA1@example.com,Active\nP-2,Page Two,Q,,,,repA1@example.com,Active\n");
        var html = await client.GetStringAsync(new Uri(bad, UriKind.Relative));
        Assert.Contains("<td class=\"numeric\">3</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>Tier</td>", html, StringComparison.Ordinal);
        Assert.Contains("Fix the file and upload it again.", html, StringComparison.Ordinal);
        Assert.Matches("<button type=\"submit\" disabled", html);
        Assert.DoesNotContain("name=\"_handler\" value=\"apply\"", html, StringComparison.Ordinal);
        // The page renders no apply form for it, so a hand-made Apply post is refused.
        Assert.Equal(HttpStatusCode.BadRequest, (await ApplyAsync(client, bad)).StatusCode);
        await using (var db = world.Host.Database.CreateContext(world.Host.OrgId))
        {
            Assert.False(await db.Accounts.AnyAsync(a => a.Name.StartsWith("Page ")));
        }

        var good = await UploadAsync(client, Header + "P-1,Page One,A,,,,repA1@example.com,Active\nP-2,Page Two,B,,,,repA1@example.com,Active\n");
        html = await client.GetStringAsync(new Uri(good, UriKind.Relative));
        Assert.Contains("Apply will create 2, update 0 and leave 0 unchanged.", html, StringComparison.Ordinal);
        var applied = await ApplyAsync(client, good);
        Assert.Equal(HttpStatusCode.Redirect, applied.StatusCode);
        html = await client.GetStringAsync(new Uri(good, UriKind.Relative));
        Assert.Contains("Imported: 2 created, 0 updated, 0 unchanged.", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/accounts\"", html, StringComparison.Ordinal);

        // A second Apply of the same upload (a double click) imports nothing more.
        await ApplyAsync(client, good);
        await using (var db = world.Host.Database.CreateContext(world.Host.OrgId))
        {
            Assert.Equal(2, await db.Accounts.CountAsync(a => a.Name.StartsWith("Page ")));
        }

        // The applied upload keeps only its report, until it expires.
        var id = good.Split('=')[1];
        Assert.Equal(["upload.json"], Directory.EnumerateFiles(Path.Combine(uploads.Folder, id)).Select(Path.GetFileName));
        world.Host.Clock.Advance(TimeSpan.FromMinutes(61));
        uploads.Sweep();
        Assert.Empty(Directory.EnumerateFileSystemEntries(uploads.Folder));
        Assert.Contains("This upload has expired", await client.GetStringAsync(new Uri(good, UriKind.Relative)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownColumn_IsShownAsAnErrorOfTheHeader_InChinese()
    {
        await using var world = await ApiWorld.CreateAsync();
        using var client = world.Host.CreateClient("zh-CN");
        await WebTestHost.SignInAsync(client, "admin@example.com");
        var preview = await UploadAsync(client, "名称,颜色\n甲,红\n");
        var html = await client.GetStringAsync(new Uri(preview, UriKind.Relative));
        // Both columns are unknown to the Headroom preset, and its required Name column is missing.
        Assert.Contains("文件的列名或格式有 3 处错误", html, StringComparison.Ordinal);
        Assert.Contains("<td>颜色</td>", html, StringComparison.Ordinal);
        Assert.Contains("未知的列：导入 accounts（预设 headroom）时没有此列", html, StringComparison.Ordinal);
        Assert.Contains("缺少必需的列（预设 headroom）", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnotherAdminsUpload_ReadsAsExpired_AndCannotBeApplied()
    {
        await using var world = await ApiWorld.CreateAsync();
        using var admin = world.Host.CreateClient();
        await WebTestHost.SignInAsync(admin, "admin@example.com");
        var preview = await UploadAsync(admin, Header + "X-1,Someone Else's,A,,,,,Active\n");

        using var other = world.Host.CreateClient();
        await WebTestHost.SignInAsync(other, "other@example.com");
        Assert.Contains("This upload has expired or is not yours.", await other.GetStringAsync(new Uri(preview, UriKind.Relative)), StringComparison.Ordinal);
        await ApplyAsync(other, preview);
        await using var db = world.Host.Database.CreateContext(world.OtherOrgId);
        Assert.False(await db.Accounts.AnyAsync(a => a.Name == "Someone Else's"));
        await using var home = world.Host.Database.CreateContext(world.Host.OrgId);
        Assert.False(await home.Accounts.AnyAsync(a => a.Name == "Someone Else's"));
    }

    [Fact]
    public async Task NonAdmins_GetNoLink_AndThePageRefusesThem()
    {
        await using var world = await ApiWorld.CreateAsync();
        using var admin = world.Host.CreateClient("zh-CN");
        await WebTestHost.SignInAsync(admin, "admin@example.com");
        var home = await admin.GetStringAsync(new Uri("/", UriKind.Relative));
        Assert.Contains("href=\"/import\"", home, StringComparison.Ordinal);
        Assert.Contains("导入数据", await admin.GetStringAsync(new Uri("/import", UriKind.Relative)), StringComparison.Ordinal);

        foreach (var principal in new[] { "managerA", "repA1" })
        {
            using var client = world.Host.CreateClient();
            await WebTestHost.SignInAsync(client, $"{principal}@example.com");
            Assert.DoesNotContain("href=\"/import\"", await client.GetStringAsync(new Uri("/", UriKind.Relative)), StringComparison.Ordinal);
            var page = await client.GetAsync(new Uri("/import", UriKind.Relative));
            Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
            Assert.Contains("Only admins can import data.", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.DoesNotContain("enctype=\"multipart/form-data\"", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            var upload = await UploadRawAsync(client, Header + "R-1,Rep Upload,A,,,,,Active\n");
            Assert.Equal("/import", upload.Headers.Location?.OriginalString);
        }
        await using var db = world.Host.Database.CreateContext(world.Host.OrgId);
        Assert.False(await db.Accounts.AnyAsync(a => a.Name == "Rep Upload"));
        ImportsApiTests.AssertNoUploadsLeft(world.Host);
    }

    [Fact]
    public async Task Upload_WithoutAntiforgeryToken_IsRefused()
    {
        await using var world = await ApiWorld.CreateAsync();
        using var client = world.Host.CreateClient();
        await WebTestHost.SignInAsync(client, "admin@example.com");
        using var form = Form(Header + "C-1,Forged,A,,,,,Active\n", token: null);
        var response = await client.PostAsync(new Uri("/import/upload", UriKind.Relative), form);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        ImportsApiTests.AssertNoUploadsLeft(world.Host);
    }

    // Posts the page's upload form and returns the preview address it redirects to.
    private static async Task<string> UploadAsync(HttpClient client, string csv)
    {
        var response = await UploadRawAsync(client, csv);
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.Matches("^/import\\?upload=[0-9a-f]{32}$", location);
        return location;
    }

    private static async Task<HttpResponseMessage> UploadRawAsync(HttpClient client, string csv)
    {
        using var form = Form(csv, await WebTestHost.FormTokenAsync(client, "/"));
        return await client.PostAsync(new Uri("/import/upload", UriKind.Relative), form);
    }

    private static MultipartFormDataContent Form(string csv, string? token)
    {
        var form = new MultipartFormDataContent();
        if (token is not null)
        {
            form.Add(new StringContent(token), "__RequestVerificationToken");
        }
        form.Add(new StringContent("accounts"), "kind");
        form.Add(new StringContent("headroom"), "preset");
        form.Add(new StringContent("auto"), "encoding");
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "accounts.csv");
        return form;
    }

    private static Task<HttpResponseMessage> ApplyAsync(HttpClient client, string preview) =>
        WebTestHost.PostFormAsync(client, preview, preview, new Dictionary<string, string>
        {
            ["_handler"] = "apply",
            ["ApplyId"] = preview.Split('=')[1],
        });
}
