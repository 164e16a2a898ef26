using System.Net;
using Headroom.Accounts;
using Headroom.Activities;
using Headroom.Deals;
using Headroom.FollowUps;
using Headroom.Leads;
using Microsoft.EntityFrameworkCore;

namespace Headroom.Tests.Web;

// A delete that names the version it read is refused once the record has changed, and goes
// through with the current version; without a version it deletes as before.
[Trait("Category", "Integration")]
public class DeleteVersionTests
{
    [Fact]
    public async Task DeleteWithAStaleVersion_Is409_AndKeepsTheRecord()
    {
        await using var world = await ApiWorld.CreateAsync();
        await world.AddActivitiesAndFollowUpsAsync();
        await world.AddLeadsAsync();
        var admin = world.Client(ApiWorld.Admin);
        var org = world.Host.OrgId;
        var (emptyAccount, _) = await world.AddAccountWithDealAsync(org, "no deals", world.MemberIds[ApiWorld.RepA1], 0, withDeal: false);
        var (_, deal) = await world.AddAccountWithDealAsync(org, "one deal", world.MemberIds[ApiWorld.RepA1], 1_00);
        var records = new (string Path, long Id, Func<Task<long>> Version, Func<Task<bool>> Exists)[]
        {
            ("accounts", emptyAccount, () => world.VersionAsync<Account>(org, emptyAccount), () => Exists<Account>(world, emptyAccount)),
            ("deals", deal, () => world.VersionAsync<Deal>(org, deal), () => Exists<Deal>(world, deal)),
            ("leads", world.LeadIds[ApiWorld.RepA2], () => world.VersionAsync<Lead>(org, world.LeadIds[ApiWorld.RepA2]), () => Exists<Lead>(world, world.LeadIds[ApiWorld.RepA2])),
            ("activities", world.ActivityIds[ApiWorld.RepA1], () => world.VersionAsync<SalesActivity>(org, world.ActivityIds[ApiWorld.RepA1]), () => Exists<SalesActivity>(world, world.ActivityIds[ApiWorld.RepA1])),
            ("followups", world.FollowUpIds[ApiWorld.RepA1], () => world.VersionAsync<FollowUp>(org, world.FollowUpIds[ApiWorld.RepA1]), () => Exists<FollowUp>(world, world.FollowUpIds[ApiWorld.RepA1])),
        };
        foreach (var (path, id, version, exists) in records)
        {
            var current = await version();
            var stale = await admin.DeleteAsync(new Uri($"/api/v1/{path}/{id}?version={current + 1}", UriKind.Relative));
            Assert.True(stale.StatusCode == HttpStatusCode.Conflict, $"{path}: {stale.StatusCode}");
            Assert.True(await exists(), path);
            var fresh = await admin.DeleteAsync(new Uri($"/api/v1/{path}/{id}?version={current}", UriKind.Relative));
            Assert.True(fresh.StatusCode == HttpStatusCode.NoContent, $"{path}: {fresh.StatusCode}");
            Assert.False(await exists(), path);
        }
    }

    private static async Task<bool> Exists<T>(ApiWorld world, long id) where T : Common.TenantEntity
    {
        await using var db = world.Host.Database.CreateContext(world.Host.OrgId);
        return await db.Set<T>().AnyAsync(e => e.Id == id);
    }
}
