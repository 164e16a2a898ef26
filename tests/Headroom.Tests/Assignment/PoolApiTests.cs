using System.Net;
using System.Net.Http.Json;
using Headroom.Accounts;
using Headroom.Activities;
using Headroom.Assignment;
using Headroom.Leads;
using Headroom.Tests.Web;
using Headroom.Web.Api;
using Headroom.Web.Assignment;
using Microsoft.EntityFrameworkCore;

namespace Headroom.Tests.Assignment;

[Trait("Category", "Integration")]
public class PoolApiTests
{
    // One account in each team's pool and a lead in team B's, beside ApiWorld's organization-pool account.
    private static async Task<(long TeamAAccount, long TeamBAccount, long TeamBLead)> PoolsAsync(ApiWorld world)
    {
        await using var db = world.Host.Database.CreateContext(world.Host.OrgId);
        var a = db.Accounts.Add(new Account { Name = "pool of team A", PoolTeamId = world.TeamIds[ApiWorld.TeamA] }).Entity;
        var b = db.Accounts.Add(new Account { Name = "pool of team B", PoolTeamId = world.TeamIds[ApiWorld.TeamB] }).Entity;
        var lead = db.Leads.Add(new Lead { Name = "lead in team B's pool", PoolTeamId = world.TeamIds[ApiWorld.TeamB] }).Entity;
        await db.SaveChangesAsync();
        return (a.Id, b.Id, lead.Id);
    }

    private static Task<HttpResponseMessage> ClaimAsync(ApiWorld world, string principal, long accountId, RebalanceItemKind kind = RebalanceItemKind.Account) =>
        world.Client(principal).PostAsJsonAsync("/api/v1/pool/claim", new PoolItemRequest(kind, accountId), ApiWorld.Json);

    private static async Task PutSettingsAsync(ApiWorld world, PoolSettingsRequest request)
    {
        var response = await world.Client(ApiWorld.Admin).PutAsJsonAsync("/api/v1/settings/pool", request, ApiWorld.Json);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static async Task<List<string>> PoolNamesAsync(ApiWorld world, string principal, string query = "")
    {
        var page = await world.Client(principal).GetFromJsonAsync<PagedList<PoolItemResponse>>($"/api/v1/pool?{query}", ApiWorld.Json);
        return [.. page!.Items.Select(i => i.Name)];
    }

    // Days pass: the sign-in cookies of ApiWorld's clients expire, so sign in again.
    private static async Task<HttpClient> SignInAsync(ApiWorld world, string principal)
    {
        var client = world.Host.CreateClient();
        await WebTestHost.SignInAsync(client, $"{principal}@example.com");
        var token = await client.GetFromJsonAsync<AntiforgeryTokenResponse>("/api/v1/antiforgery", ApiWorld.Json);
        client.DefaultRequestHeaders.Add(token!.HeaderName, token.RequestToken);
        return client;
    }

    private static Task<HttpResponseMessage> ClaimAsync(HttpClient client, long id) =>
        client.PostAsJsonAsync("/api/v1/pool/claim", new PoolItemRequest(RebalanceItemKind.Account, id), ApiWorld.Json);

    [Fact]
    public async Task List_ShowsTheOrganizationPoolAndTheCallersTeamPools_Only()
    {
        await using var world = await ApiWorld.CreateAsync();
        await PoolsAsync(world);

        Assert.Equal(["account in the pool", "pool of team A"], await PoolNamesAsync(world, ApiWorld.RepA1));
        Assert.Equal(["account in the pool", "pool of team B"], await PoolNamesAsync(world, ApiWorld.ManagerB));
        Assert.Equal(["account in the pool", "pool of team A", "pool of team B"], await PoolNamesAsync(world, ApiWorld.Admin));
        Assert.Empty(await PoolNamesAsync(world, ApiWorld.OtherAdmin));
        Assert.Equal(["pool of team B"], await PoolNamesAsync(world, ApiWorld.Admin, $"teamId={world.TeamIds[ApiWorld.TeamB]}"));
        Assert.Equal(["lead in team B's pool"], await PoolNamesAsync(world, ApiWorld.RepB, "kind=leads"));
        Assert.Empty(await PoolNamesAsync(world, ApiWorld.RepA1, "kind=leads"));

        // A rep cannot run or see another team's queue; nor can another organization.
        Assert.Equal(HttpStatusCode.NotFound, (await world.Client(ApiWorld.RepA1).GetAsync(new Uri($"/api/v1/pool?teamId={world.TeamIds[ApiWorld.TeamB]}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await world.Client(ApiWorld.ManagerA).GetAsync(new Uri($"/api/v1/pool?teamId={world.TeamIds[ApiWorld.TeamB]}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await world.Client(ApiWorld.Admin).GetAsync(new Uri($"/api/v1/pool?teamId={world.TeamIds[ApiWorld.Foreign]}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await world.Client(ApiWorld.Admin).GetAsync(new Uri("/api/v1/pool?kind=deals", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await world.Client(ApiWorld.Anonymous).GetAsync(new Uri("/api/v1/pool", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Claim_GivesTheRecordToTheCaller_AndLogsIt_OutsideThePoolAnswers404()
    {
        await using var world = await ApiWorld.CreateAsync();
        var (teamA, teamB, lead) = await PoolsAsync(world);

        Assert.Equal(HttpStatusCode.NotFound, (await ClaimAsync(world, ApiWorld.RepA1, teamB)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ClaimAsync(world, ApiWorld.RepA1, lead, RebalanceItemKind.Lead)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ClaimAsync(world, ApiWorld.OtherAdmin, teamA)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ClaimAsync(world, ApiWorld.RepA1, world.AccountIds[ApiWorld.RepA2])).StatusCode);
        var claimed = await ClaimAsync(world, ApiWorld.RepA1, teamA);
        Assert.Equal(HttpStatusCode.OK, claimed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ClaimAsync(world, ApiWorld.RepB, lead, RebalanceItemKind.Lead)).StatusCode);
        // Claimed already: no longer in the pool.
        Assert.Equal(HttpStatusCode.NotFound, (await ClaimAsync(world, ApiWorld.RepA2, teamA)).StatusCode);

        await using var db = world.Host.Database.CreateContext(world.Host.OrgId);
        Assert.Equal(world.MemberIds[ApiWorld.RepA1], (await db.Accounts.SingleAsync(a => a.Id == teamA)).OwnerId);
        Assert.Equal(world.MemberIds[ApiWorld.RepB], (await db.Leads.SingleAsync(l => l.Id == lead)).OwnerId);
        var log = await db.AssignmentLog.Where(e => e.Source == AssignmentSource.Pool).OrderBy(e => e.Id).ToListAsync();
        Assert.Equal(2, log.Count);
        Assert.Equal((AssignmentSource.Pool, (long?)null, (long?)world.MemberIds[ApiWorld.RepA1], "pool of team A"), (log[0].Source, log[0].FromMemberId, log[0].ToMemberId, log[0].ItemLabel));
    }

    [Fact]
    public async Task Claim_OverTheDailyLimit_IsRefusedNamingTheRule_UntilTheNextDay()
    {
        await using var world = await ApiWorld.CreateAsync();
        var (teamA, _, _) = await PoolsAsync(world);
        await PutSettingsAsync(world, new PoolSettingsRequest(1, null, null, null, null, null, 30, 7, 7, null));

        Assert.Equal(HttpStatusCode.OK, (await ClaimAsync(world, ApiWorld.RepA1, teamA)).StatusCode);
        var refused = await ClaimAsync(world, ApiWorld.RepA1, world.AccountIds[ApiWorld.Pool]);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("daily claim limit of 1", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // Another rep's claims are their own.
        Assert.Equal(HttpStatusCode.OK, (await ClaimAsync(world, ApiWorld.RepA2, world.AccountIds[ApiWorld.Pool])).StatusCode);
        await using (var db = world.Host.Database.CreateContext(world.Host.OrgId))
        {
            db.Accounts.Add(new Account { Name = "tomorrow's" });
            await db.SaveChangesAsync();
        }
        var tomorrow = await PoolNamesAsync(world, ApiWorld.RepA1);
        Assert.Equal(["tomorrow's"], tomorrow);
        world.Host.Clock.Advance(TimeSpan.FromDays(1));
        await using var read = world.Host.Database.CreateContext(world.Host.OrgId);
        var id = await read.Accounts.Where(a => a.Name == "tomorrow's").Select(a => a.Id).SingleAsync();
        Assert.Equal(HttpStatusCode.OK, (await ClaimAsync(await SignInAsync(world, ApiWorld.RepA1), id)).StatusCode);
    }

    [Fact]
    public async Task Claim_AtTheRetentionCapOfTheTier_IsRefused_OtherTiersAreNot()
    {
        await using var world = await ApiWorld.CreateAsync();
        var (teamA, _, _) = await PoolsAsync(world);
        // repA1 already holds one tier C account ("account of repA1").
        await PutSettingsAsync(world, new PoolSettingsRequest(null, null, null, 1, null, null, 30, 7, 7, null));

        var refused = await ClaimAsync(world, ApiWorld.RepA1, teamA);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("retention cap", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using (var db = world.Host.Database.CreateContext(world.Host.OrgId))
        {
            (await db.Accounts.SingleAsync(a => a.Id == teamA)).Tier = AccountTier.B;
            await db.SaveChangesAsync();
        }
        Assert.Equal(HttpStatusCode.OK, (await ClaimAsync(world, ApiWorld.RepA1, teamA)).StatusCode);
    }

    [Fact]
    public async Task Release_ThenClaimAgain_WaitsForTheCooldown_AnotherRepNeedNot()
    {
        await using var world = await ApiWorld.CreateAsync();
        var (teamA, _, _) = await PoolsAsync(world);
        Assert.Equal(HttpStatusCode.OK, (await ClaimAsync(world, ApiWorld.RepA1, teamA)).StatusCode);
        // Only someone who may see the record releases it.
        Assert.Equal(HttpStatusCode.NotFound, (await world.Client(ApiWorld.RepA2).PostAsJsonAsync("/api/v1/pool/release", new PoolItemRequest(RebalanceItemKind.Account, teamA), ApiWorld.Json)).StatusCode);
        var released = await world.Client(ApiWorld.RepA1).PostAsJsonAsync("/api/v1/pool/release", new PoolItemRequest(RebalanceItemKind.Account, teamA, "not a fit"), ApiWorld.Json);
        Assert.Equal(HttpStatusCode.OK, released.StatusCode);

        world.Host.Clock.Advance(TimeSpan.FromDays(6));
        var rep = await SignInAsync(world, ApiWorld.RepA1);
        var refused = await ClaimAsync(rep, teamA);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("cool-down", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        world.Host.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(HttpStatusCode.OK, (await ClaimAsync(await SignInAsync(world, ApiWorld.RepA1), teamA)).StatusCode);

        await using var db = world.Host.Database.CreateContext(world.Host.OrgId);
        var release = await db.AssignmentLog.Where(e => e.ToMemberId == null).SingleAsync();
        Assert.Equal((AssignmentSource.Pool, "not a fit", (long?)world.MemberIds[ApiWorld.RepA1]), (release.Source, release.Reason, release.FromMemberId));
    }

    [Fact]
    public async Task ReturnDue_SendsRecordsWithoutActivityBack_AfterTheReminder_ActivityPostponesIt()
    {
        await using var world = await ApiWorld.CreateAsync();
        var (teamA, _, _) = await PoolsAsync(world);
        var organizationPool = world.AccountIds[ApiWorld.Pool];
        Assert.Equal(HttpStatusCode.OK, (await ClaimAsync(world, ApiWorld.RepA1, teamA)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ClaimAsync(world, ApiWorld.RepA1, organizationPool)).StatusCode);
        world.Host.Clock.Advance(TimeSpan.FromDays(10));
        await using (var db = world.Host.Database.CreateContext(world.Host.OrgId))
        {
            db.SalesActivities.Add(new SalesActivity
            {
                Type = ActivityType.Call, MemberId = world.MemberIds[ApiWorld.RepA1], AccountId = organizationPool,
                StartUtc = world.Host.Clock.GetUtcNow().UtcDateTime.AddMinutes(-5), DurationMinutes = 10, Outcome = ActivityOutcome.Completed,
            });
            await db.SaveChangesAsync();
        }
        world.Host.Clock.Advance(TimeSpan.FromDays(13));

        HttpClient repA1 = await SignInAsync(world, ApiWorld.RepA1), managerA = await SignInAsync(world, ApiWorld.ManagerA),
            repB = await SignInAsync(world, ApiWorld.RepB), admin = await SignInAsync(world, ApiWorld.Admin);
        // Day 23: the untouched account returns in 7 days, so it is in the reminder list; the other in 17.
        var soon = await repA1.GetFromJsonAsync<List<ReturningResponse>>("/api/v1/pool/returning", ApiWorld.Json);
        Assert.Equal((teamA, 7, false), (Assert.Single(soon!).ItemId, soon![0].DaysLeft, soon[0].Due));
        Assert.Single((await managerA.GetFromJsonAsync<List<ReturningResponse>>("/api/v1/pool/returning", ApiWorld.Json))!);
        Assert.Empty((await repB.GetFromJsonAsync<List<ReturningResponse>>("/api/v1/pool/returning", ApiWorld.Json))!);
        Assert.Empty((await (await admin.PostAsJsonAsync("/api/v1/pool/return-due", new { }, ApiWorld.Json)).Content.ReadFromJsonAsync<List<LogEntryResponse>>(ApiWorld.Json))!);

        world.Host.Clock.Advance(TimeSpan.FromDays(7));
        (repA1, managerA, admin) = (await SignInAsync(world, ApiWorld.RepA1), await SignInAsync(world, ApiWorld.ManagerA), await SignInAsync(world, ApiWorld.Admin));
        Assert.Equal(HttpStatusCode.Forbidden, (await repA1.PostAsJsonAsync("/api/v1/pool/return-due", new { }, ApiWorld.Json)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await managerA.PostAsJsonAsync("/api/v1/pool/return-due", new { }, ApiWorld.Json)).StatusCode);
        var returned = await (await admin.PostAsJsonAsync("/api/v1/pool/return-due", new { }, ApiWorld.Json)).Content.ReadFromJsonAsync<List<LogEntryResponse>>(ApiWorld.Json);
        var entry = Assert.Single(returned!);
        Assert.Equal((teamA, "no activity for 30 days", AssignmentSource.Pool), (entry.ItemId, entry.Reason, entry.Source));
        // Once a day: the second run finds nothing left.
        Assert.Empty((await (await admin.PostAsJsonAsync("/api/v1/pool/return-due", new { }, ApiWorld.Json)).Content.ReadFromJsonAsync<List<LogEntryResponse>>(ApiWorld.Json))!);

        await using var read = world.Host.Database.CreateContext(world.Host.OrgId);
        var account = await read.Accounts.SingleAsync(a => a.Id == teamA);
        Assert.Equal(((long?)null, (long?)world.TeamIds[ApiWorld.TeamA]), (account.OwnerId, account.PoolTeamId));
        Assert.Equal(world.MemberIds[ApiWorld.RepA1], (await read.Accounts.SingleAsync(a => a.Id == organizationPool)).OwnerId);
        // Accounts that never came from the pool are not the pool's to take back.
        Assert.Equal(world.MemberIds[ApiWorld.RepA2], (await read.Accounts.SingleAsync(a => a.Id == world.AccountIds[ApiWorld.RepA2])).OwnerId);
    }

    [Fact]
    public async Task Settings_AdminsEdit_ManagersRead_RepsNeither()
    {
        await using var world = await ApiWorld.CreateAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await world.Client(ApiWorld.RepA1).GetAsync(new Uri("/api/v1/settings/pool", UriKind.Relative))).StatusCode);
        var defaults = await world.Client(ApiWorld.ManagerA).GetFromJsonAsync<PoolSettingsResponse>("/api/v1/settings/pool", ApiWorld.Json);
        Assert.Equal((5, 30, 7, 7, 0L), (defaults!.DailyClaimLimit!.Value, defaults.ReturnAfterDays!.Value, defaults.ReminderDays, defaults.CooldownDays, defaults.Version));
        var request = new PoolSettingsRequest(3, 1, 2, 3, null, 10, 14, 3, 2, null);
        Assert.Equal(HttpStatusCode.Forbidden, (await world.Client(ApiWorld.ManagerA).PutAsJsonAsync("/api/v1/settings/pool", request, ApiWorld.Json)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await world.Client(ApiWorld.Admin).PutAsJsonAsync("/api/v1/settings/pool", request with { ReturnAfterDays = 0 }, ApiWorld.Json)).StatusCode);
        await PutSettingsAsync(world, request);
        var read = await world.Client(ApiWorld.ManagerA).GetFromJsonAsync<PoolSettingsResponse>("/api/v1/settings/pool", ApiWorld.Json);
        Assert.Equal((3, (int?)null, 14, 2), (read!.DailyClaimLimit!.Value, read.CapD, read.ReturnAfterDays!.Value, read.CooldownDays));
        // A second change needs the version read.
        Assert.Equal(HttpStatusCode.BadRequest, (await world.Client(ApiWorld.Admin).PutAsJsonAsync("/api/v1/settings/pool", request, ApiWorld.Json)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await world.Client(ApiWorld.Admin).PutAsJsonAsync("/api/v1/settings/pool", request with { Version = read.Version }, ApiWorld.Json)).StatusCode);
        // Another organization keeps its defaults.
        Assert.Equal(5, (await world.Client(ApiWorld.OtherAdmin).GetFromJsonAsync<PoolSettingsResponse>("/api/v1/settings/pool", ApiWorld.Json))!.DailyClaimLimit);
    }
}
