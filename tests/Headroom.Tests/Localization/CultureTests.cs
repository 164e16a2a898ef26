using System.Globalization;
using System.Net;
using System.Resources;
using System.Xml.Linq;
using Headroom.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Headroom.Tests.Localization;

[Trait("Category", "Integration")]
public class CultureTests
{
    [Theory]
    [InlineData("zh-CN,zh;q=0.9", "邮箱", "zh-CN")]
    [InlineData("en-GB,en;q=0.8", "Email", "en")]
    [InlineData("fr-FR", "邮箱", "zh-CN")]
    public async Task SignInPage_FollowsTheBrowserLanguage(string acceptLanguage, string emailLabel, string lang)
    {
        await using var host = await WebTestHost.CreateAsync();
        using var client = host.CreateClient(acceptLanguage);
        var html = await client.GetStringAsync(new Uri("/sign-in", UriKind.Relative));
        Assert.Contains($"<html lang=\"{lang}\">", html, StringComparison.Ordinal);
        Assert.Contains(emailLabel, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChoosingALanguage_SetsTheCookie_AndIsSavedForTheNextSignIn()
    {
        await using var host = await WebTestHost.CreateAsync();
        await host.AddUserAsync("dana@example.com");
        using var client = host.CreateClient("zh-CN");
        await WebTestHost.SignInAsync(client, "dana@example.com");

        var chosen = await WebTestHost.PostFormAsync(client, "/profile", "/culture",
            new Dictionary<string, string> { ["culture"] = "en", ["returnUrl"] = "/profile?saved=language" });
        Assert.Equal("/profile?saved=language", chosen.Headers.Location!.OriginalString);
        Assert.Contains(chosen.Headers.GetValues("Set-Cookie"), c => c.StartsWith("__Host-headroom-culture=c%3Den%7Cuic%3Den", StringComparison.Ordinal) && c.Contains("secure", StringComparison.OrdinalIgnoreCase));
        await using (var db = host.Database.CreateContext(host.OrgId))
        {
            Assert.Equal("en", (await db.Members.SingleAsync()).Locale);
        }

        // A fresh browser that prefers Chinese: the saved choice wins from sign-in on.
        using var other = host.CreateClient("zh-CN");
        var signedIn = await WebTestHost.SignInAsync(other, "dana@example.com");
        Assert.Contains(signedIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("__Host-headroom-culture=c%3Den", StringComparison.Ordinal));
        Assert.Contains("Open deals", await other.GetStringAsync(new Uri("/", UriKind.Relative)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReturnUrl_ToAnotherSite_IsIgnored()
    {
        await using var host = await WebTestHost.CreateAsync();
        using var client = host.CreateClient();
        var response = await WebTestHost.PostFormAsync(client, "/sign-in", "/culture",
            new Dictionary<string, string> { ["culture"] = "zh-CN", ["returnUrl"] = "//evil.example/" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public void EveryString_HasAChineseTranslation()
    {
        var folder = Path.Combine(FindRoot(), "src", "Headroom.Web", "Resources");
        var english = Keys(Path.Combine(folder, "Localization.Strings.resx"));
        var chinese = Keys(Path.Combine(folder, "Localization.Strings.zh-CN.resx"));
        Assert.Empty(english.Keys.Except(chinese.Keys));
        Assert.Empty(chinese.Keys.Except(english.Keys));
        Assert.All(chinese, pair => Assert.False(string.IsNullOrWhiteSpace(pair.Value), pair.Key));

        var resources = new ResourceManager("Headroom.Web.Resources.Localization.Strings", typeof(Headroom.Web.Localization.Strings).Assembly);
        Assert.Equal("我的资料", resources.GetString("Nav.Profile", CultureInfo.GetCultureInfo("zh-CN")));
        Assert.Equal("My profile", resources.GetString("Nav.Profile", CultureInfo.GetCultureInfo("en")));
    }

    private static Dictionary<string, string> Keys(string file) =>
        XDocument.Load(file).Root!.Elements("data").ToDictionary(d => (string)d.Attribute("name")!, d => (string)d.Element("value")!);

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Headroom.slnx")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("Headroom.slnx not found above the test binaries.");
    }
}
