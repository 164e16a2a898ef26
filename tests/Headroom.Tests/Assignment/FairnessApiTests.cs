using System.Net;
using System.Net.Http.Json;
using Headroom.Assignment;
using Headroom.Leads;
using Headroom.Tests.Web;
using Headroom.Web.Assignment;
using Headroom.Web.Leads;
using Microsoft.EntityFrameworkCore;

namespace Headroom.Tests.Assignment;

// The seeded world's accounts and deals were logged as they were created, so every rep has
// received one account and one deal today.
[Trait("Category", "Integration")]
public class FairnessApiTests
{
    private static async Task<FairnessResponse> GetAsync(ApiWorld world, string principal, string query)
    {
        var response = await world.Client(principal).GetAsync(new Uri("/api/v1/assignment/fairness" + query, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<FairnessResponse>(ApiWorld.Json))!;
    }

    [Fact]
    public async Task Manager_SeesTheRepsOfTheirTeam_WithWhatTheyReceived()
    {
        await using var world = await ApiWorld.CreateAsync();
        var teamA = world.TeamIds[ApiWorld.TeamA];

        var result = await GetAsync(world, ApiWorld.ManagerA, $"?team={teamA}&granularity=month");

        Assert.Equal(("Team A", FairnessGranularity.Month), (result.TeamName, result.Audit.Granularity));
        var ids = result.Audit.Reps.Select(r => r.MemberId).ToHashSet();
        Assert.Contains(world.MemberIds[ApiWorld.RepA1], ids);
        Assert.DoesNotContain(world.MemberIds[ApiWorld.RepB], ids);
        Assert.DoesNotContain(world.MemberIds[ApiWorld.ManagerA], ids);
        var repA1 = result.Audit.Reps.Single(r => r.MemberId == world.MemberIds[ApiWorld.RepA1]).Total;
        Assert.Equal((1, 1, 0), (repA1.Accounts, repA1.Deals, repA1.GivenItems));
        Assert.True(repA1.ReceivedHours > 0);
        Assert.True(repA1.CapacityHours > 0);
    }

    [Fact]
    public async Task LeadDisqualifiedSoonAfterItCameIn_IsCreditedBack()
    {
        await using var world = await ApiWorld.CreateAsync();
        var lead = await world.AddLeadAsync(world.Host.OrgId, ApiWorld.RepA1);
        var disqualified = await world.Client(ApiWorld.RepA1).PostAsJsonAsync($"/api/v1/leads/{lead}/status",
            new LeadStatusRequest(LeadStatus.Disqualified, await world.VersionAsync<Lead>(world.Host.OrgId, lead)), ApiWorld.Json);
        Assert.Equal(HttpStatusCode.OK, disqualified.StatusCode);
        var team = world.TeamIds[ApiWorld.TeamA];
        async Task<FairnessCell> RepA1Async(string query) =>
            (await GetAsync(world, ApiWorld.ManagerA, $"?team={team}{query}")).Audit.Reps.Single(r => r.MemberId == world.MemberIds[ApiWorld.RepA1]).Total;

        var credited = await RepA1Async("");
        Assert.Equal((1, 1, FairnessAudit.LeadHours), (credited.Leads, credited.CreditedLeads, credited.CreditedHours));

        // Disqualified three days after it came in: outside a one-day window, inside the default.
        await using (var db = world.Host.Database.CreateContext(world.Host.OrgId))
        {
            var saved = await db.Leads.SingleAsync(l => l.Id == lead);
            saved.StatusChangedUtc = saved.StatusChangedUtc!.Value.AddDays(3);
            await db.SaveChangesAsync();
        }
        Assert.Equal(0, (await RepA1Async("&creditDays=1")).CreditedLeads);
        Assert.Equal(1, (await RepA1Async("")).CreditedLeads);
    }

    [Fact]
    public async Task Access_RepIsForbidden_OtherTeamsAndOrganizationsAreNotFound_AdminSeesTheOrganization()
    {
        await using var world = await ApiWorld.CreateAsync();
        var teamA = world.TeamIds[ApiWorld.TeamA];
        async Task<HttpStatusCode> StatusAsync(string principal, string query) =>
            (await world.Client(principal).GetAsync(new Uri("/api/v1/assignment/fairness" + query, UriKind.Relative))).StatusCode;

        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(ApiWorld.RepA1, $"?team={teamA}"));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(ApiWorld.RepA1, ""));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(ApiWorld.RepA1, $"?team={world.TeamIds[ApiWorld.TeamB]}"));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(ApiWorld.ManagerB, $"?team={teamA}"));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(ApiWorld.OtherAdmin, $"?team={teamA}"));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(ApiWorld.ManagerA, $"?team={world.TeamIds[ApiWorld.Foreign]}"));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(ApiWorld.Anonymous, ""));

        var organization = await GetAsync(world, ApiWorld.Admin, "");
        Assert.Contains(organization.Audit.Reps, r => r.MemberId == world.MemberIds[ApiWorld.RepB]);
        Assert.Contains(organization.Audit.Reps, r => r.MemberId == world.MemberIds[ApiWorld.RepA1]);
        var foreign = await GetAsync(world, ApiWorld.OtherAdmin, "");
        Assert.DoesNotContain(foreign.Audit.Reps, r => r.MemberId == world.MemberIds[ApiWorld.RepA1]);
        var managerB = await GetAsync(world, ApiWorld.ManagerB, "");
        Assert.Equal([world.MemberIds[ApiWorld.RepB]], managerB.Audit.Reps.Select(r => r.MemberId));
    }

    [Fact]
    public async Task BadInput_NamesTheField()
    {
        await using var world = await ApiWorld.CreateAsync();
        foreach (var (query, field) in new[] { ("?granularity=fortnight", "granularity"), ("?creditDays=91", "creditDays"), ("?from=2026-13-01", "from"), ("?from=2026-11-02&to=2026-11-01", "to") })
        {
            var response = await world.Client(ApiWorld.ManagerA).GetAsync(new Uri("/api/v1/assignment/fairness" + query, UriKind.Relative));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains($"\"{field}\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task PageAndExport_ShowTheTeam_RepGetsTheManagersOnlyNote()
    {
        await using var world = await ApiWorld.CreateAsync();
        var teamA = world.TeamIds[ApiWorld.TeamA];
        using var manager = world.Host.CreateClient();
        await WebTestHost.SignInAsync(manager, "managerA@example.com");
        var page = await manager.GetStringAsync(new Uri($"/assignment/fairness?team={teamA}", UriKind.Relative));
        Assert.Contains("Fairness audit", page, StringComparison.Ordinal);
        Assert.Contains("repA1", page, StringComparison.Ordinal);
        Assert.Contains($"/assignment/log?memberId={world.MemberIds[ApiWorld.RepA1]}", page, StringComparison.Ordinal);

        var csv = await manager.GetAsync(new Uri($"/assignment/fairness/export?format=csv&team={teamA}", UriKind.Relative));
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Inflow per capacity hour", await csv.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var other = await manager.GetAsync(new Uri($"/assignment/fairness/export?format=xlsx&team={world.TeamIds[ApiWorld.TeamB]}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);

        var log = await manager.GetStringAsync(new Uri($"/assignment/log?memberId={world.MemberIds[ApiWorld.RepA1]}", UriKind.Relative));
        Assert.Contains("account of repA1", log, StringComparison.Ordinal);
        Assert.DoesNotContain("account of repA2", log, StringComparison.Ordinal);

        using var rep = world.Host.CreateClient();
        await WebTestHost.SignInAsync(rep, "repA1@example.com");
        Assert.Contains("it is for managers and admins", await rep.GetStringAsync(new Uri("/assignment/fairness", UriKind.Relative)), StringComparison.Ordinal);
    }
}
