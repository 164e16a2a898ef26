using System.Net;
using Headroom.Data;
using Headroom.Organizations;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Headroom.Tests.Auth;

[Trait("Category", "Integration")]
public class SignInTests
{
    [Fact]
    public async Task Anonymous_IsSentToSignIn()
    {
        await using var host = await WebTestHost.CreateAsync();
        using var client = host.CreateClient();
        var response = await client.GetAsync(new Uri("/profile", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/sign-in", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_SetsAHostCookie_ThatIsSecureHttpOnlySameSite_AndNewAtEverySignIn()
    {
        await using var host = await WebTestHost.CreateAsync();
        await host.AddUserAsync("dana@example.com");
        using var client = host.CreateClient();

        var first = await WebTestHost.SignInAsync(client, "dana@example.com");
        Assert.Equal("/", first.Headers.Location!.OriginalString);
        var cookie = Assert.Single(first.Headers.GetValues("Set-Cookie"), c => c.StartsWith("__Host-headroom=", StringComparison.Ordinal));
        Assert.Contains("path=/", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("domain=", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/", UriKind.Relative))).StatusCode);

        // Signing in again (same browser, e.g. after someone else used it) never reuses the old session.
        var second = await WebTestHost.SignInAsync(client, "dana@example.com");
        var renewed = Assert.Single(second.Headers.GetValues("Set-Cookie"), c => c.StartsWith("__Host-headroom=", StringComparison.Ordinal));
        Assert.NotEqual(cookie.Split(';')[0], renewed.Split(';')[0]);
    }

    [Fact]
    public async Task UnknownUser_AndWrongPassword_GetTheSameAnswer_AndBothLockOutAfterFiveFailures()
    {
        await using var host = await WebTestHost.CreateAsync();
        await host.AddUserAsync("dana@example.com");
        using var client = host.CreateClient();

        var answers = new List<string>();
        for (var attempt = 1; attempt <= PasswordPolicy.MaxFailedAttempts; attempt++)
        {
            var wrong = await WebTestHost.SignInAsync(client, "dana@example.com", "not the password at all");
            var unknown = await WebTestHost.SignInAsync(client, "nobody@example.com", "not the password at all");
            Assert.Equal(wrong.Headers.Location, unknown.Headers.Location);
            answers.Add(wrong.Headers.Location!.OriginalString);
        }
        Assert.All(answers.Take(PasswordPolicy.MaxFailedAttempts - 1), a => Assert.StartsWith("/sign-in?error=invalid", a, StringComparison.Ordinal));
        Assert.StartsWith("/sign-in?error=locked", answers[^1], StringComparison.Ordinal);

        // Locked out: even the right password is refused, with the same answer as before.
        var right = await WebTestHost.SignInAsync(client, "dana@example.com");
        Assert.StartsWith("/sign-in?error=locked", right.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.False(right.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("__Host-headroom=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task UnknownUser_TakesAboutAsLongAsAWrongPassword()
    {
        await using var host = await WebTestHost.CreateAsync();
        await host.AddUserAsync("dana@example.com");
        using var client = host.CreateClient();
        var token = await WebTestHost.FormTokenAsync(client, "/sign-in");

        async Task<TimeSpan> TimeAsync(string email)
        {
            using var form = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token, ["Email"] = email, ["Password"] = "not the password at all",
            });
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var response = await client.PostAsync(new Uri("/account/sign-in", UriKind.Relative), form);
            Assert.StartsWith("/sign-in?error=invalid", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
            return System.Diagnostics.Stopwatch.GetElapsedTime(started);
        }

        await TimeAsync("warm-up@example.com");
        var unknown = TimeSpan.MaxValue;
        var wrong = TimeSpan.MaxValue;
        for (var i = 0; i < 4; i++)
        {
            unknown = TimeSpan.FromTicks(Math.Min(unknown.Ticks, (await TimeAsync($"nobody{i}@example.com")).Ticks));
            wrong = TimeSpan.FromTicks(Math.Min(wrong.Ticks, (await TimeAsync("dana@example.com")).Ticks));
        }
        // Without the decoy hash an unknown email answers in a few milliseconds, a wrong
        // password in the time of 210,000 PBKDF2 rounds. The fastest of four answers each: on a
        // busy machine one request can wait for the CPU twice as long as the other (one failed
        // run: 557 ms for three unknown users against 1,124 ms for three wrong passwords).
        Assert.True(unknown > wrong * 0.5, $"unknown user {unknown.TotalMilliseconds:F0} ms, wrong password {wrong.TotalMilliseconds:F0} ms (fastest of four)");
    }

    [Fact]
    public async Task SignIn_UpgradesAnOlderHash()
    {
        await using var host = await WebTestHost.CreateAsync();
        var user = await host.AddUserAsync("dana@example.com");
        await using (var db = host.Database.CreateContext(host.OrgId))
        {
            var stored = await db.Users.SingleAsync();
            stored.PasswordHash = new PasswordHasher<AppUser>(Options.Create(new PasswordHasherOptions { IterationCount = 100_000 }))
                .HashPassword(stored, "correct horse battery staple");
            await db.SaveChangesAsync();
        }
        using var client = host.CreateClient();
        Assert.Equal("/", (await WebTestHost.SignInAsync(client, "dana@example.com")).Headers.Location!.OriginalString);
        await using (var db = host.Database.CreateContext(host.OrgId))
        {
            var hash = Convert.FromBase64String((await db.Users.SingleAsync()).PasswordHash!);
            Assert.Equal(210_000, (int)System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(hash.AsSpan(5)));
        }
    }

    [Fact]
    public async Task DisablingAUser_OrChangingTheRole_TakesEffectWithinAMinute()
    {
        await using var host = await WebTestHost.CreateAsync();
        await host.AddUserAsync("dana@example.com");
        await host.AddUserAsync("eli@example.com");
        using var dana = host.CreateClient();
        using var eli = host.CreateClient();
        await WebTestHost.SignInAsync(dana, "dana@example.com");
        await WebTestHost.SignInAsync(eli, "eli@example.com");
        Assert.Contains("Counts cover your own records.", await eli.GetStringAsync(new Uri("/", UriKind.Relative)), StringComparison.Ordinal);

        await using (var db = host.Database.CreateContext(host.OrgId))
        {
            (await db.Users.SingleAsync(u => u.Email == "dana@example.com")).Disabled = true;
            (await db.Members.SingleAsync(m => m.Email == "eli@example.com")).Role = MemberRole.Manager;
            await db.SaveChangesAsync();
        }
        host.Clock.Advance(TimeSpan.FromSeconds(31));

        var refused = await dana.GetAsync(new Uri("/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/sign-in", refused.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.StartsWith("/sign-in?error=invalid", (await WebTestHost.SignInAsync(dana, "dana@example.com")).Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Contains("Counts cover your team and the teams below it.", await eli.GetStringAsync(new Uri("/", UriKind.Relative)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignOut_EndsTheSession_AndCopiesOfItsCookie()
    {
        await using var host = await WebTestHost.CreateAsync();
        await host.AddUserAsync("dana@example.com");
        using var client = host.CreateClient();
        var signedIn = await WebTestHost.SignInAsync(client, "dana@example.com");
        var stolen = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("__Host-headroom=", StringComparison.Ordinal)).Split(';')[0];

        var signedOut = await WebTestHost.PostFormAsync(client, "/", "/account/sign-out", new Dictionary<string, string>());
        Assert.Equal("/sign-in?signedOut=true", signedOut.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync(new Uri("/", UriKind.Relative))).StatusCode);

        using var thief = host.CreateClient();
        thief.DefaultRequestHeaders.Add("Cookie", stolen);
        host.Clock.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal(HttpStatusCode.Redirect, (await thief.GetAsync(new Uri("/", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task SignOut_WithoutAntiforgeryToken_IsRefused()
    {
        await using var host = await WebTestHost.CreateAsync();
        await host.AddUserAsync("dana@example.com");
        using var client = host.CreateClient();
        await WebTestHost.SignInAsync(client, "dana@example.com");
        using var empty = new FormUrlEncodedContent(new Dictionary<string, string>());
        var forged = await client.PostAsync(new Uri("/account/sign-out", UriKind.Relative), empty);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task SignIn_IsRateLimitedPerClient()
    {
        await using var host = await WebTestHost.CreateAsync(new Dictionary<string, string?> { ["Headroom:Web:SignInRequestsPerMinute"] = "3" });
        using var client = host.CreateClient();
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Redirect, (await WebTestHost.SignInAsync(client, $"n{i}@example.com", "whatever it is")).StatusCode);
        }
        Assert.Equal(HttpStatusCode.TooManyRequests, (await WebTestHost.SignInAsync(client, "n9@example.com", "whatever it is")).StatusCode);
    }

    [Fact]
    public async Task Setup_IsOpenOnlyWhileNoAdminExists()
    {
        await using var host = await WebTestHost.CreateAsync();
        using var client = host.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/setup", UriKind.Relative))).StatusCode);
        await host.AddUserAsync("rep@example.com");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/setup", UriKind.Relative))).StatusCode);
        await host.AddUserAsync("admin@example.com", role: MemberRole.Admin);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/setup", UriKind.Relative))).StatusCode);
    }
}
