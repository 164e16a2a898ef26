using System.Net.Http.Json;
using Headroom.Organizations;
using Headroom.Tests.Web;
using Headroom.Web.Api;
using Headroom.Web.Members;
using Microsoft.EntityFrameworkCore;

namespace Headroom.Tests.Members;

// Every members and leave endpoint × every principal × every seeded member, against AccessRules
// (docs/decisions/0015): reads follow the member scope; admins write everything, managers the
// workload fields of their team, reps nothing but their own leave.
[Trait("Category", "Integration")]
public class MembersAccessMatrixTests
{
    private static readonly string[] Records = [.. ApiWorld.Owners, ApiWorld.Foreign];

    [Fact]
    public async Task EveryEndpoint_EveryPrincipal_EveryMember_AnswersAsTheRuleTableSays()
    {
        await using var world = await ApiWorld.CreateAsync();
        // Deactivating changes a sign-in's security stamp; every session renews its cookie once
        // first, so that the fixed test clock never asks for another revalidation.
        foreach (var principal in ApiWorld.Principals)
        {
            await world.Client(principal).GetAsync(new Uri("/api/v1/members", UriKind.Relative));
        }
        var mismatches = new List<string>();
        void Check(string what, string principal, string owner, int expected, int actual)
        {
            if (expected != actual)
            {
                mismatches.Add($"{what} by {principal} on {owner}: expected {expected}, got {actual}");
            }
        }

        var day = new DateOnly(2027, 1, 1);
        foreach (var principal in ApiWorld.Principals)
        {
            var client = world.Client(principal);
            foreach (var owner in Records)
            {
                var id = MemberId(world, owner);
                var self = principal == owner || (principal == ApiWorld.OtherAdmin && owner == ApiWorld.Foreign);
                Check("GET", principal, owner, AccessRules.Expected(principal, owner, 200),
                    (int)(await client.GetAsync(new Uri($"/api/v1/members/{id}", UriKind.Relative))).StatusCode);

                var version = await world.VersionAsync<Member>(world.OrgOf(owner), id);
                var update = await client.PutAsJsonAsync($"/api/v1/members/{id}",
                    new MemberRequest(null, null, null, null, null, null, 35, [new SkillLevel("Negotiation", 3)], ["East"], ["en"], version), ApiWorld.Json);
                Check("PUT", principal, owner, AccessRules.Expected(principal, owner, AccessRules.IsRep(principal) ? 403 : 200), (int)update.StatusCode);

                var deactivate = await client.PostAsync(new Uri($"/api/v1/members/{id}/deactivate", UriKind.Relative), null);
                Check("deactivate", principal, owner, AccessRules.Expected(principal, owner, !AccessRules.IsAdmin(principal) ? 403 : self ? 409 : 204), (int)deactivate.StatusCode);
                if (deactivate.StatusCode == System.Net.HttpStatusCode.NoContent)
                {
                    Assert.Equal(System.Net.HttpStatusCode.NoContent, (await client.PostAsync(new Uri($"/api/v1/members/{id}/reactivate", UriKind.Relative), null)).StatusCode);
                }
                else
                {
                    Check("reactivate", principal, owner, AccessRules.Expected(principal, owner, !AccessRules.IsAdmin(principal) ? 403 : self ? 409 : 204),
                        (int)(await client.PostAsync(new Uri($"/api/v1/members/{id}/reactivate", UriKind.Relative), null)).StatusCode);
                }

                // Every seeded member has set a password, so a new link is refused once the caller may ask.
                Check("invitation", principal, owner, AccessRules.Expected(principal, owner, AccessRules.IsAdmin(principal) ? 409 : 403),
                    (int)(await client.PostAsync(new Uri($"/api/v1/members/{id}/invitation", UriKind.Relative), null)).StatusCode);

                Check("GET leave", principal, owner, AccessRules.Expected(principal, owner, 200),
                    (int)(await client.GetAsync(new Uri($"/api/v1/members/{id}/timeoff", UriKind.Relative))).StatusCode);
                day = day.AddDays(3);
                var leave = await client.PostAsJsonAsync($"/api/v1/members/{id}/timeoff", new TimeOffRequest(day, day.AddDays(1), TimeOffKind.Vacation, null), ApiWorld.Json);
                Check("POST leave", principal, owner, AccessRules.Expected(principal, owner, 201), (int)leave.StatusCode);

                long fresh;
                await using (var db = world.Host.Database.CreateContext(world.OrgOf(owner)))
                {
                    var row = db.TimeOffs.Add(new TimeOff { MemberId = id, StartDate = day.AddYears(5), EndDate = day.AddYears(5) }).Entity;
                    await db.SaveChangesAsync();
                    fresh = row.Id;
                }
                var delete = await client.DeleteAsync(new Uri($"/api/v1/members/{id}/timeoff/{fresh}", UriKind.Relative));
                Check("DELETE leave", principal, owner, AccessRules.Expected(principal, owner, 204), (int)delete.StatusCode);
                await using (var db = world.Host.Database.CreateContext(world.OrgOf(owner)))
                {
                    Assert.Equal(delete.StatusCode == System.Net.HttpStatusCode.NoContent, !await db.TimeOffs.AnyAsync(t => t.Id == fresh));
                }
            }

            var create = await client.PostAsJsonAsync("/api/v1/members",
                new MemberRequest($"new of {principal}", $"new-{principal}@example.com", MemberRole.Rep, null, null, null, null, null, null, null), ApiWorld.Json);
            Check("POST", principal, "new", !AccessRules.SignedIn(principal) ? 401 : AccessRules.IsAdmin(principal) ? 201 : 403, (int)create.StatusCode);
        }
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
    }

    [Fact]
    public async Task Lists_HoldExactlyTheMembersTheSingleReadAllows()
    {
        await using var world = await ApiWorld.CreateAsync();
        foreach (var principal in ApiWorld.Principals.Where(AccessRules.SignedIn))
        {
            var client = world.Client(principal);
            var list = await client.GetFromJsonAsync<PagedList<MemberResponse>>("/api/v1/members?pageSize=200", ApiWorld.Json);
            var readable = new List<long>();
            foreach (var owner in Records)
            {
                if ((await client.GetAsync(new Uri($"/api/v1/members/{MemberId(world, owner)}", UriKind.Relative))).IsSuccessStatusCode)
                {
                    readable.Add(MemberId(world, owner));
                }
            }
            var expected = Records.Where(o => AccessRules.CanSee(principal, o)).Select(o => MemberId(world, o)).Order().ToList();
            Assert.Equal(expected, readable.Order().ToList());
            Assert.Equal(expected, list!.Items.Select(m => m.Id).Order().ToList());
            Assert.Equal(expected.Count, list.Total);
        }
    }

    [Fact]
    public async Task AnonymousAndDisabledUsers_GetNoList()
    {
        await using var world = await ApiWorld.CreateAsync();
        foreach (var principal in new[] { ApiWorld.Anonymous, ApiWorld.Disabled })
        {
            Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await world.Client(principal).GetAsync(new Uri("/api/v1/members", UriKind.Relative))).StatusCode);
            Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await world.Client(principal).GetAsync(new Uri("/api/v1/teams", UriKind.Relative))).StatusCode);
        }
    }

    private static long MemberId(ApiWorld world, string owner) => world.MemberIds[owner == ApiWorld.Foreign ? ApiWorld.OtherAdmin : owner];
}
