using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using Headroom.Organizations;
using Headroom.Tests.Web;
using Headroom.Web.Api;
using Headroom.Web.Members;
using Microsoft.EntityFrameworkCore;

namespace Headroom.Tests.Members;

[Trait("Category", "Integration")]
public class MembersApiTests
{
    [Fact]
    public async Task List_FiltersSortsAndPages()
    {
        await using var world = await ApiWorld.CreateAsync();
        var admin = world.Client(ApiWorld.Admin);
        var teamA = world.TeamIds[ApiWorld.TeamA];
        var reps = await admin.GetFromJsonAsync<PagedList<MemberResponse>>($"/api/v1/members?teamId={teamA}&role=Rep&sort=-name", ApiWorld.Json);
        Assert.Equal(["repA2", "repA1", "disabled"], reps!.Items.Select(m => m.Name));
        var page = await admin.GetFromJsonAsync<PagedList<MemberResponse>>("/api/v1/members?sort=name&pageSize=2&page=2", ApiWorld.Json);
        Assert.Equal(7, page!.Total);
        Assert.Equal(["managerA", "managerB"], page.Items.Select(m => m.Name));
        var search = await admin.GetFromJsonAsync<PagedList<MemberResponse>>("/api/v1/members?q=repB%40", ApiWorld.Json);
        Assert.Equal("repB", Assert.Single(search!.Items).Name);

        await admin.PostAsync(new Uri($"/api/v1/members/{world.MemberIds[ApiWorld.RepB]}/deactivate", UriKind.Relative), null);
        var inactive = await admin.GetFromJsonAsync<PagedList<MemberResponse>>("/api/v1/members?active=false", ApiWorld.Json);
        Assert.Equal("repB", Assert.Single(inactive!.Items).Name);
    }

    [Fact]
    public async Task Manager_SetsWorkloadFields_OfTheirTeam()
    {
        await using var world = await ApiWorld.CreateAsync();
        var id = world.MemberIds[ApiWorld.RepA1];
        var version = await world.VersionAsync<Member>(world.Host.OrgId, id);
        var response = await world.Client(ApiWorld.ManagerA).PutAsJsonAsync($"/api/v1/members/{id}",
            new MemberRequest("repA1", "repA1@example.com", MemberRole.Rep, world.TeamIds[ApiWorld.TeamA], null, null, 32.5,
                [new SkillLevel("Negotiation", 4), new SkillLevel("Cold calling", 2)], ["East", " West ", "east"], ["zh", "en"], version), ApiWorld.Json);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var member = await response.Content.ReadFromJsonAsync<MemberResponse>(ApiWorld.Json);
        Assert.Equal(32.5, member!.WeeklyCapacityHours);
        Assert.Equal([new SkillLevel("Cold calling", 2), new SkillLevel("Negotiation", 4)], member.Skills);
        Assert.Equal(["East", "West"], member.Territories);
        Assert.Equal(["zh", "en"], member.Languages);
        Assert.Equal(version + 1, member.Version);

        // Skills alone still move the version, and an old version is refused.
        var again = await world.Client(ApiWorld.ManagerA).PutAsJsonAsync($"/api/v1/members/{id}",
            new MemberRequest(null, null, null, null, null, null, null, [new SkillLevel("negotiation", 5)], null, null, member.Version), ApiWorld.Json);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(new SkillLevel("negotiation", 5), Assert.Single((await again.Content.ReadFromJsonAsync<MemberResponse>(ApiWorld.Json))!.Skills));
        var stale = await world.Client(ApiWorld.ManagerA).PutAsJsonAsync($"/api/v1/members/{id}",
            new MemberRequest(null, null, null, null, null, null, 10, null, null, null, member.Version), ApiWorld.Json);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
    }

    [Theory]
    [InlineData("role")]
    [InlineData("name")]
    [InlineData("email")]
    [InlineData("title")]
    [InlineData("hireDate")]
    [InlineData("teamId")]
    public async Task Manager_CannotSetAdminFields_OrMoveSomeoneOutOfTheirSubtree(string field)
    {
        await using var world = await ApiWorld.CreateAsync();
        var id = world.MemberIds[ApiWorld.RepA1];
        var version = await world.VersionAsync<Member>(world.Host.OrgId, id);
        var request = new MemberRequest(null, null, null, null, null, null, 20, null, null, null, version);
        request = field switch
        {
            "role" => request with { Role = MemberRole.Admin },
            "name" => request with { Name = "renamed" },
            "email" => request with { Email = "renamed@example.com" },
            "title" => request with { Title = "Director" },
            "hireDate" => request with { HireDate = new DateOnly(2020, 1, 1) },
            _ => request with { TeamId = world.TeamIds[ApiWorld.TeamB] },
        };
        var response = await world.Client(ApiWorld.ManagerA).PutAsJsonAsync($"/api/v1/members/{id}", request, ApiWorld.Json);
        await ProblemAssert.FieldErrorAsync(response, field);
        await using var db = world.Host.Database.CreateContext(world.Host.OrgId);
        var member = await db.Members.SingleAsync(m => m.Id == id);
        Assert.Equal((40d, MemberRole.Rep, "repA1", version), (member.WeeklyCapacityHours, member.Role, member.Name, member.Version));
    }

    [Fact]
    public async Task Manager_CannotMakeThemselvesAdmin()
    {
        await using var world = await ApiWorld.CreateAsync();
        var id = world.MemberIds[ApiWorld.ManagerA];
        var response = await world.Client(ApiWorld.ManagerA).PutAsJsonAsync($"/api/v1/members/{id}",
            new MemberRequest(null, null, MemberRole.Admin, null, null, null, null, null, null, null, await world.VersionAsync<Member>(world.Host.OrgId, id)), ApiWorld.Json);
        await ProblemAssert.FieldErrorAsync(response, "role");
    }

    [Fact]
    public async Task Rep_CannotChangeTheirOwnRecord_ButEntersTheirOwnLeave()
    {
        await using var world = await ApiWorld.CreateAsync();
        var id = world.MemberIds[ApiWorld.RepA1];
        var version = await world.VersionAsync<Member>(world.Host.OrgId, id);
        var rep = world.Client(ApiWorld.RepA1);
        foreach (var request in new[]
        {
            new MemberRequest(null, null, null, null, null, null, 10, null, null, null, version),
            new MemberRequest(null, null, MemberRole.Manager, null, null, null, null, null, null, null, version),
            new MemberRequest(null, null, null, world.TeamIds[ApiWorld.TeamB], null, null, null, null, null, null, version),
        })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await rep.PutAsJsonAsync($"/api/v1/members/{id}", request, ApiWorld.Json)).StatusCode);
        }
        Assert.Equal(version, await world.VersionAsync<Member>(world.Host.OrgId, id));
        var leave = await rep.PostAsJsonAsync($"/api/v1/members/{id}/timeoff", new TimeOffRequest(new DateOnly(2026, 12, 24), new DateOnly(2026, 12, 31), TimeOffKind.Vacation, "holidays"), ApiWorld.Json);
        Assert.Equal(HttpStatusCode.Created, leave.StatusCode);
    }

    [Fact]
    public async Task ForeignIdsInTheBody_AreRefused_AndNothingIsWritten()
    {
        await using var world = await ApiWorld.CreateAsync();
        var id = world.MemberIds[ApiWorld.RepA1];
        var version = await world.VersionAsync<Member>(world.Host.OrgId, id);
        foreach (var principal in new[] { ApiWorld.Admin, ApiWorld.ManagerA })
        {
            var response = await world.Client(principal).PutAsJsonAsync($"/api/v1/members/{id}",
                new MemberRequest(null, null, null, world.TeamIds[ApiWorld.Foreign], null, null, 12, null, null, null, version), ApiWorld.Json);
            await ProblemAssert.FieldErrorAsync(response, "teamId");
        }
        var created = await world.Client(ApiWorld.Admin).PostAsJsonAsync("/api/v1/members",
            new MemberRequest("Eve", "eve@example.com", MemberRole.Rep, world.TeamIds[ApiWorld.Foreign], null, null, null, null, null, null), ApiWorld.Json);
        await ProblemAssert.FieldErrorAsync(created, "teamId");
        await using var db = world.Host.Database.CreateContext(world.Host.OrgId);
        Assert.Equal(version, await db.Members.Where(m => m.Id == id).Select(m => m.Version).SingleAsync());
        Assert.False(await db.Members.AnyAsync(m => m.Email == "eve@example.com"));
        Assert.False(await db.Users.AnyAsync(u => u.Email == "eve@example.com"));
    }

    [Fact]
    public async Task Validation_NamesTheField()
    {
        await using var world = await ApiWorld.CreateAsync();
        var admin = world.Client(ApiWorld.Admin);
        await ProblemAssert.FieldErrorAsync(await admin.PostAsJsonAsync("/api/v1/members", new MemberRequest("No mail", null, null, null, null, null, null, null, null, null), ApiWorld.Json), "email");
        await ProblemAssert.FieldErrorAsync(await admin.PostAsJsonAsync("/api/v1/members", new MemberRequest("Taken", "repA1@example.com", null, null, null, null, null, null, null, null), ApiWorld.Json), "email");
        await ProblemAssert.FieldErrorAsync(await admin.PostAsJsonAsync("/api/v1/members", new MemberRequest("Bad", "not-an-email", null, null, null, null, null, null, null, null), ApiWorld.Json), "email");
        await ProblemAssert.FieldErrorAsync(await admin.PostAsJsonAsync("/api/v1/members", new MemberRequest("", "x@example.com", null, null, null, null, null, null, null, null), ApiWorld.Json), "name");
        await ProblemAssert.FieldErrorAsync(await admin.PostAsJsonAsync("/api/v1/members", new MemberRequest("Cap", "cap@example.com", null, null, null, null, 200, null, null, null), ApiWorld.Json), "weeklyCapacityHours");
        await ProblemAssert.FieldErrorAsync(await admin.PostAsJsonAsync("/api/v1/members", new MemberRequest("Skill", "skill@example.com", null, null, null, null, null, [new SkillLevel("Demo", 6)], null, null), ApiWorld.Json), "skills");
        await ProblemAssert.FieldErrorAsync(await admin.PostAsJsonAsync("/api/v1/members", new MemberRequest("Skill", "skill@example.com", null, null, null, null, null, [new SkillLevel("Demo", 2), new SkillLevel("demo", 3)], null, null), ApiWorld.Json), "skills");
        var id = world.MemberIds[ApiWorld.Admin];
        var ownRole = await admin.PutAsJsonAsync($"/api/v1/members/{id}",
            new MemberRequest(null, null, MemberRole.Rep, null, null, null, null, null, null, null, await world.VersionAsync<Member>(world.Host.OrgId, id)), ApiWorld.Json);
        await ProblemAssert.FieldErrorAsync(ownRole, "role");
        var noVersion = await admin.PutAsJsonAsync($"/api/v1/members/{id}", new MemberRequest(null, null, null, null, null, null, 30, null, null, null), ApiWorld.Json);
        await ProblemAssert.FieldErrorAsync(noVersion, "version");
    }

    [Fact]
    public async Task RoleChange_RenewsTheSecurityStamp_AndReachesTheSessionAfterRevalidation()
    {
        await using var world = await ApiWorld.CreateAsync();
        var id = world.MemberIds[ApiWorld.RepA1];
        string before;
        await using (var db = world.Host.Database.CreateContext(world.Host.OrgId))
        {
            before = (await db.Users.SingleAsync(u => u.MemberId == id)).SecurityStamp!;
        }
        var response = await world.Client(ApiWorld.Admin).PutAsJsonAsync($"/api/v1/members/{id}",
            new MemberRequest(null, null, MemberRole.Manager, null, null, null, null, null, null, null, await world.VersionAsync<Member>(world.Host.OrgId, id)), ApiWorld.Json);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using (var db = world.Host.Database.CreateContext(world.Host.OrgId))
        {
            Assert.NotEqual(before, (await db.Users.SingleAsync(u => u.MemberId == id)).SecurityStamp);
        }
    }

    [Fact]
    public async Task DeactivatedMember_ExistingCookie_StopsWorkingAfterRevalidation()
    {
        await using var host = await WebTestHost.CreateAsync();
        await host.AddUserAsync("ada@example.com", role: MemberRole.Admin);
        var rep = await host.AddUserAsync("rob@example.com");
        using var admin = host.CreateClient();
        using var robClient = host.CreateClient();
        await WebTestHost.SignInAsync(admin, "ada@example.com");
        await WebTestHost.SignInAsync(robClient, "rob@example.com");
        await AddAntiforgeryAsync(admin);
        Assert.Equal(HttpStatusCode.OK, (await robClient.GetAsync(new Uri($"/api/v1/members/{rep.MemberId}", UriKind.Relative))).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync(new Uri($"/api/v1/members/{rep.MemberId}/deactivate", UriKind.Relative), null)).StatusCode);
        host.Clock.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal(HttpStatusCode.Unauthorized, (await robClient.GetAsync(new Uri($"/api/v1/members/{rep.MemberId}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await robClient.GetAsync(new Uri("/", UriKind.Relative))).StatusCode);
        // Nor can they sign in again, until an admin reactivates them.
        using var again = host.CreateClient();
        Assert.StartsWith("/sign-in?error=invalid", (await WebTestHost.SignInAsync(again, "rob@example.com")).Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync(new Uri($"/api/v1/members/{rep.MemberId}/reactivate", UriKind.Relative), null)).StatusCode);
        Assert.Equal("/", (await WebTestHost.SignInAsync(again, "rob@example.com")).Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Invitation_IsStoredAsAHash_WorksOnce_AndExpiresAfterSevenDays()
    {
        await using var world = await ApiWorld.CreateAsync();
        var admin = world.Client(ApiWorld.Admin);
        var response = await admin.PostAsJsonAsync("/api/v1/members",
            new MemberRequest("Ivy", "ivy@example.com", MemberRole.Rep, world.TeamIds[ApiWorld.TeamA], "Account executive", new DateOnly(2026, 11, 1), 36, null, null, null), ApiWorld.Json);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<MemberCreatedResponse>(ApiWorld.Json);
        Assert.True(created!.Member.InvitationPending);
        Assert.Equal(world.Host.Clock.GetUtcNow().UtcDateTime.AddDays(7), created.Invitation.ExpiresUtc);
        var token = created.Invitation.InvitationUrl[(created.Invitation.InvitationUrl.LastIndexOf('/') + 1)..];
        await using (var db = world.Host.Database.CreateContext(world.Host.OrgId))
        {
            var user = await db.Users.SingleAsync(u => u.MemberId == created.Member.Id);
            Assert.Equal(SHA256.HashData(Encoding.UTF8.GetBytes(token)), user.InvitationHash);
            Assert.Null(user.PasswordHash);
        }

        // A second link replaces the first.
        var renewed = await (await admin.PostAsync(new Uri($"/api/v1/members/{created.Member.Id}/invitation", UriKind.Relative), null)).Content.ReadFromJsonAsync<InvitationResponse>(ApiWorld.Json);
        var newToken = renewed!.InvitationUrl[(renewed.InvitationUrl.LastIndexOf('/') + 1)..];
        using var invitee = world.Host.CreateClient();
        Assert.Contains("invalid or has expired", await invitee.GetStringAsync(new Uri($"/invite/{token}", UriKind.Relative)), StringComparison.Ordinal);

        var common = await WebTestHost.PostFormAsync(invitee, $"/invite/{newToken}", $"/invite/{newToken}",
            new Dictionary<string, string> { ["_handler"] = "invite", ["Form.Password"] = "password", ["Form.Confirm"] = "password" });
        Assert.Contains("too common", await common.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var accepted = await WebTestHost.PostFormAsync(invitee, $"/invite/{newToken}", $"/invite/{newToken}",
            new Dictionary<string, string> { ["_handler"] = "invite", ["Form.Password"] = "ivy's long passphrase", ["Form.Confirm"] = "ivy's long passphrase" });
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await invitee.GetAsync(new Uri($"/api/v1/members/{created.Member.Id}", UriKind.Relative))).StatusCode);
        Assert.Contains("invalid or has expired", await world.Host.CreateClient().GetStringAsync(new Uri($"/invite/{newToken}", UriKind.Relative)), StringComparison.Ordinal);
        using var signIn = world.Host.CreateClient();
        Assert.Equal("/", (await WebTestHost.SignInAsync(signIn, "ivy@example.com", "ivy's long passphrase")).Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsync(new Uri($"/api/v1/members/{created.Member.Id}/invitation", UriKind.Relative), null)).StatusCode);

        var late = await (await admin.PostAsJsonAsync("/api/v1/members", new MemberRequest("Late", "late@example.com", null, null, null, null, null, null, null, null), ApiWorld.Json))
            .Content.ReadFromJsonAsync<MemberCreatedResponse>(ApiWorld.Json);
        world.Host.Clock.Advance(TimeSpan.FromDays(7));
        var lateToken = late!.Invitation.InvitationUrl[(late.Invitation.InvitationUrl.LastIndexOf('/') + 1)..];
        Assert.Contains("invalid or has expired", await world.Host.CreateClient().GetStringAsync(new Uri($"/invite/{lateToken}", UriKind.Relative)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invitation_ForAnImportedMemberWithoutSignIn_MakesTheSignIn()
    {
        await using var world = await ApiWorld.CreateAsync();
        long withEmail, withoutEmail;
        await using (var db = world.Host.Database.CreateContext(world.Host.OrgId))
        {
            var imported = db.Members.Add(new Member { Name = "Imported", Email = "imported@example.com", TeamId = world.TeamIds[ApiWorld.TeamA] }).Entity;
            var noMail = db.Members.Add(new Member { Name = "No mail", TeamId = world.TeamIds[ApiWorld.TeamA] }).Entity;
            await db.SaveChangesAsync();
            (withEmail, withoutEmail) = (imported.Id, noMail.Id);
        }
        var admin = world.Client(ApiWorld.Admin);
        var before = await admin.GetFromJsonAsync<MemberResponse>($"/api/v1/members/{withEmail}", ApiWorld.Json);
        Assert.Equal((false, false), (before!.InvitationPending, before.PasswordSet));
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync(new Uri($"/api/v1/members/{withEmail}/invitation", UriKind.Relative), null)).StatusCode);
        var after = await admin.GetFromJsonAsync<MemberResponse>($"/api/v1/members/{withEmail}", ApiWorld.Json);
        Assert.True(after!.InvitationPending);
        await ProblemAssert.FieldErrorAsync(await admin.PostAsync(new Uri($"/api/v1/members/{withoutEmail}/invitation", UriKind.Relative), null), "email");
        await using var check = world.Host.Database.CreateContext(world.Host.OrgId);
        Assert.Equal("imported@example.com", (await check.Users.SingleAsync(u => u.MemberId == withEmail)).Email);
        Assert.False(await check.Users.AnyAsync(u => u.MemberId == withoutEmail));
    }

    private static async Task AddAntiforgeryAsync(HttpClient client)
    {
        var token = await client.GetFromJsonAsync<AntiforgeryTokenResponse>("/api/v1/antiforgery", ApiWorld.Json);
        client.DefaultRequestHeaders.Add(token!.HeaderName, token.RequestToken);
    }
}
