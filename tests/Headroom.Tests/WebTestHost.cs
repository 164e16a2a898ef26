using System.Text.RegularExpressions;
using Headroom.Data;
using Headroom.Organizations;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Headroom.Tests;

// The real web app on a fresh test database with one organization, a fake clock, and clients
// that talk HTTPS (the cookies are Secure) and do not follow redirects.
public sealed partial class WebTestHost : IAsyncDisposable
{
    private WebTestHost(TestDatabase database, WebApplicationFactory<Program> factory, long orgId)
    {
        Database = database;
        Factory = factory;
        OrgId = orgId;
    }

    public TestDatabase Database { get; }
    public WebApplicationFactory<Program> Factory { get; }
    public long OrgId { get; }
    public FakeTimeProvider Clock => Database.Clock;

    public static async Task<WebTestHost> CreateAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var database = await TestDatabase.CreateAsync();
        var org = await database.CreateOrganizationAsync();
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Headroom:Database:Provider", database.Options.Provider.ToString());
            builder.UseSetting("Headroom:Database:ConnectionString", database.ConnectionString);
            // Tests sign in more often than a person; the limiter has its own test.
            builder.UseSetting("Headroom:Web:SignInRequestsPerMinute", "1000");
            foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            {
                builder.UseSetting(key, value);
            }
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(database.Clock));
        });
        return new WebTestHost(database, factory, org.Id);
    }

    public HttpClient CreateClient(string? acceptLanguage = "en") 
    {
        var client = Factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });
        if (acceptLanguage is not null)
        {
            client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(acceptLanguage);
        }
        return client;
    }

    public async Task<AppUser> AddUserAsync(string email, string password = "correct horse battery staple", MemberRole role = MemberRole.Rep, long? teamId = null)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.Tenant.Enter(OrgId);
        var member = db.Members.Add(new Member { Name = email.Split('@')[0], Email = email, Role = role, TeamId = teamId }).Entity;
        var user = AppUsers.For(member, OrgId, email);
        var result = await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().CreateAsync(user, password);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
        return user;
    }

    // The antiforgery token of the first form on the page (the client keeps the matching cookie).
    public static async Task<string> FormTokenAsync(HttpClient client, string path)
    {
        var html = await client.GetStringAsync(new Uri(path, UriKind.Relative));
        return TokenPattern().Match(html) is { Success: true } match
            ? System.Net.WebUtility.HtmlDecode(match.Groups[1].Value)
            : throw new InvalidOperationException($"No antiforgery token on {path}.");
    }

    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string formPage, string action, IDictionary<string, string> fields)
    {
        var form = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = await FormTokenAsync(client, formPage) };
        using var content = new FormUrlEncodedContent(form);
        return await client.PostAsync(new Uri(action, UriKind.Relative), content);
    }

    public static Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password = "correct horse battery staple") =>
        PostFormAsync(client, "/sign-in", "/account/sign-in", new Dictionary<string, string> { ["Email"] = email, ["Password"] = password });

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        await Database.DisposeAsync();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
