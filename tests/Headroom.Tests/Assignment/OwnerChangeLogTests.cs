using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Headroom.Assignment;
using Headroom.FollowUps;
using Headroom.Leads;
using Headroom.Tests.Web;
using Headroom.Web.Assignment;
using Headroom.Web.Leads;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Headroom.Tests.Assignment;

// Every change of owner reaches the assignment log, whatever path made it, once (docs/decisions/0030).
[Trait("Category", "Integration")]
public class OwnerChangeLogTests
{
    private static async Task<List<AssignmentLogEntry>> EntriesAsync(ApiWorld world, RebalanceItemKind kind, long itemId)
    {
        await using var db = world.Host.Database.CreateContext(world.Host.OrgId);
        return await db.AssignmentLog.AsNoTracking().Where(e => e.ItemKind == kind && e.ItemId == itemId).OrderBy(e => e.Id).ToListAsync();
    }

    [Fact]
    public async Task NewRecordsWithAnOwner_AreLoggedAtTheirCreation_WithoutAnOwnerNot()
    {
        await using var world = await ApiWorld.CreateAsync();
        var created = new DateTime(2026, 3, 4, 5, 6, 7, DateTimeKind.Utc);
        long owned, unowned;
        await using (var db = world.Host.Database.CreateContext(world.Host.OrgId))
        {
            var lead = db.Leads.Add(new Lead { Name = "imported", OwnerId = world.MemberIds[ApiWorld.RepA1], CreatedUtc = created }).Entity;
            var pool = db.Leads.Add(new Lead { Name = "in the pool" }).Entity;
            await db.SaveChangesAsync();
            (owned, unowned) = (lead.Id, pool.Id);
        }

        var entry = Assert.Single(await EntriesAsync(world, RebalanceItemKind.Lead, owned));
        Assert.Equal((created, (long?)null, (long?)world.MemberIds[ApiWorld.RepA1], AssignmentSource.Manual, "system", "imported"),
            (entry.AtUtc, entry.FromMemberId, entry.ToMemberId, entry.Source, entry.ActorName, entry.ItemLabel));
        Assert.Empty(await EntriesAsync(world, RebalanceItemKind.Lead, unowned));
        // The seeded accounts and deals were logged as they were created.
        Assert.Single(await EntriesAsync(world, RebalanceItemKind.Account, world.AccountIds[ApiWorld.RepA1]));
        Assert.Single(await EntriesAsync(world, RebalanceItemKind.Deal, world.DealIds[ApiWorld.RepA1]));
    }

    [Fact]
    public async Task OwnerChangedThroughTheApi_IsLoggedUnderTheCaller_OtherEditsAreNot()
    {
        await using var world = await ApiWorld.CreateAsync();
        var lead = await world.AddLeadAsync(world.Host.OrgId, ApiWorld.RepA1);
        var client = world.Client(ApiWorld.ManagerA);

        var renamed = await client.PutAsJsonAsync($"/api/v1/leads/{lead}",
            new LeadRequest("renamed", "c", "web", null, null, 100, world.MemberIds[ApiWorld.RepA1], await world.VersionAsync<Lead>(world.Host.OrgId, lead)), ApiWorld.Json);
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.Single(await EntriesAsync(world, RebalanceItemKind.Lead, lead));

        var moved = await client.PutAsJsonAsync($"/api/v1/leads/{lead}",
            new LeadRequest("renamed", "c", "web", null, null, 100, world.MemberIds[ApiWorld.RepA2], await world.VersionAsync<Lead>(world.Host.OrgId, lead)), ApiWorld.Json);
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        var entries = await EntriesAsync(world, RebalanceItemKind.Lead, lead);
        Assert.Equal(2, entries.Count);
        var change = entries[1];
        Assert.Equal(((long?)world.MemberIds[ApiWorld.RepA1], (long?)world.MemberIds[ApiWorld.RepA2], (long?)world.MemberIds[ApiWorld.ManagerA], AssignmentSource.Manual, "renamed"),
            (change.FromMemberId, change.ToMemberId, change.ActorMemberId, change.Source, change.ItemLabel));
        Assert.Equal(world.Host.Clock.GetUtcNow().UtcDateTime, change.AtUtc);

        // The earlier entry is as it was written: the log is still append-only.
        Assert.Equal(entries[0].AtUtc, (await EntriesAsync(world, RebalanceItemKind.Lead, lead))[0].AtUtc);
        await using var db = world.Host.Database.CreateContext(world.Host.OrgId);
        (await db.AssignmentLog.SingleAsync(e => e.Id == change.Id)).Reason = "rewritten";
        await Assert.ThrowsAsync<AppendOnlyLogException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task OwnerChangedOnTheEditPage_IsLogged()
    {
        await using var world = await ApiWorld.CreateAsync();
        var lead = await world.AddLeadAsync(world.Host.OrgId, ApiWorld.RepA1);
        using var client = world.Host.CreateClient();
        await WebTestHost.SignInAsync(client, "managerA@example.com");
        var path = $"/leads/{lead}/edit";
        var saved = await WebTestHost.PostFormAsync(client, path, path, new Dictionary<string, string>
        {
            ["_handler"] = "lead", ["Form.Name"] = "handed over", ["Form.EstimatedValue"] = "10",
            ["Form.OwnerId"] = world.MemberIds[ApiWorld.RepA2].ToString(CultureInfo.InvariantCulture),
            ["Form.Version"] = (await world.VersionAsync<Lead>(world.Host.OrgId, lead)).ToString(CultureInfo.InvariantCulture),
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var change = (await EntriesAsync(world, RebalanceItemKind.Lead, lead))[^1];
        Assert.Equal(((long?)world.MemberIds[ApiWorld.RepA1], (long?)world.MemberIds[ApiWorld.RepA2], (long?)world.MemberIds[ApiWorld.ManagerA], AssignmentSource.Manual),
            (change.FromMemberId, change.ToMemberId, change.ActorMemberId, change.Source));
    }

    [Fact]
    public async Task LeadConversion_LogsTheNewAccountAndDeal()
    {
        await using var world = await ApiWorld.CreateAsync();
        var lead = await world.AddLeadAsync(world.Host.OrgId, ApiWorld.RepA1);
        var client = world.Client(ApiWorld.RepA1);

        var converted = await client.PostAsJsonAsync($"/api/v1/leads/{lead}/convert",
            new LeadConversionRequest(await world.VersionAsync<Lead>(world.Host.OrgId, lead), AccountName: "converted account"), ApiWorld.Json);
        Assert.Equal(HttpStatusCode.OK, converted.StatusCode);
        var body = (await converted.Content.ReadFromJsonAsync<LeadConversionResponse>(ApiWorld.Json))!;

        foreach (var (kind, id) in new[] { (RebalanceItemKind.Account, body.AccountId), (RebalanceItemKind.Deal, body.DealId!.Value) })
        {
            var entry = Assert.Single(await EntriesAsync(world, kind, id));
            Assert.Equal(((long?)null, (long?)world.MemberIds[ApiWorld.RepA1], (long?)world.MemberIds[ApiWorld.RepA1], AssignmentSource.Manual),
                (entry.FromMemberId, entry.ToMemberId, entry.ActorMemberId, entry.Source));
        }
    }

    // The log entries are a second write after the records' (new rows have no id before), inside
    // the save's transaction: when that write fails, the change of owner is not kept either.
    [Fact]
    public async Task AFailedLogWrite_LeavesNeitherTheNewOwnerNorTheEntry()
    {
        await using var world = await ApiWorld.CreateAsync();
        var lead = await world.AddLeadAsync(world.Host.OrgId, ApiWorld.RepA1);
        await using (var db = world.Host.Database.CreateContext(world.Host.OrgId, new FailingLogWrite()))
        {
            (await db.Leads.SingleAsync(l => l.Id == lead)).OwnerId = world.MemberIds[ApiWorld.RepA2];
            db.Leads.Add(new Lead { Name = "added in the failed save", OwnerId = world.MemberIds[ApiWorld.RepA1] });
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        }

        await using (var db = world.Host.Database.CreateContext(world.Host.OrgId))
        {
            Assert.Equal(world.MemberIds[ApiWorld.RepA1], (await db.Leads.SingleAsync(l => l.Id == lead)).OwnerId);
            Assert.False(await db.Leads.AnyAsync(l => l.Name == "added in the failed save"));
        }
        var entry = Assert.Single(await EntriesAsync(world, RebalanceItemKind.Lead, lead));
        Assert.Null(entry.FromMemberId);
    }

    // Fails the write that adds assignment log entries, as a dropped connection or a full disk would.
    private sealed class FailingLogWrite : SaveChangesInterceptor
    {
        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (eventData.Context!.ChangeTracker.Entries<AssignmentLogEntry>().Any(e => e.State == EntityState.Added))
            {
                throw new InvalidOperationException("The log write failed.");
            }
            return base.SavingChangesAsync(eventData, result, cancellationToken);
        }
    }

    [Fact]
    public async Task RebalanceAndPoolEntries_AreNotLoggedTwice()
    {
        await using var world = await ApiWorld.CreateAsync();
        long followUp;
        await using (var db = world.Host.Database.CreateContext(world.Host.OrgId))
        {
            var added = db.FollowUps.Add(new FollowUp { Title = "call", AssigneeId = world.MemberIds[ApiWorld.RepA1], DueUtc = world.Host.Clock.GetUtcNow().UtcDateTime.AddDays(2), EffortHours = 2 }).Entity;
            await db.SaveChangesAsync();
            followUp = added.Id;
        }
        var applied = await world.Client(ApiWorld.ManagerA).PostAsJsonAsync("/api/v1/rebalance/apply", new ApplyRequest(
            [new MoveRequest(RebalanceItemKind.FollowUp, followUp, world.MemberIds[ApiWorld.RepA1], world.MemberIds[ApiWorld.RepA2], "relief")]), ApiWorld.Json);
        Assert.Equal(HttpStatusCode.OK, applied.StatusCode);
        Assert.Equal([AssignmentSource.Manual, AssignmentSource.Rebalance], (await EntriesAsync(world, RebalanceItemKind.FollowUp, followUp)).Select(e => e.Source));

        var pool = world.AccountIds[ApiWorld.Pool];
        var claimed = await world.Client(ApiWorld.RepA1).PostAsJsonAsync("/api/v1/pool/claim", new PoolItemRequest(RebalanceItemKind.Account, pool), ApiWorld.Json);
        Assert.Equal(HttpStatusCode.OK, claimed.StatusCode);
        var claim = Assert.Single(await EntriesAsync(world, RebalanceItemKind.Account, pool));
        Assert.Equal(AssignmentSource.Pool, claim.Source);
    }

    [Fact]
    public async Task LeadStatusChange_IsStamped_OtherEditsLeaveIt()
    {
        await using var world = await ApiWorld.CreateAsync();
        var lead = await world.AddLeadAsync(world.Host.OrgId, ApiWorld.RepA1);
        var client = world.Client(ApiWorld.RepA1);
        world.Host.Clock.Advance(TimeSpan.FromHours(1));
        var disqualified = await client.PostAsJsonAsync($"/api/v1/leads/{lead}/status",
            new LeadStatusRequest(LeadStatus.Disqualified, await world.VersionAsync<Lead>(world.Host.OrgId, lead)), ApiWorld.Json);
        Assert.Equal(HttpStatusCode.OK, disqualified.StatusCode);
        var at = world.Host.Clock.GetUtcNow().UtcDateTime;
        world.Host.Clock.Advance(TimeSpan.FromHours(1));
        var renamed = await client.PutAsJsonAsync($"/api/v1/leads/{lead}",
            new LeadRequest("renamed", "c", "web", null, null, 100, world.MemberIds[ApiWorld.RepA1], await world.VersionAsync<Lead>(world.Host.OrgId, lead)), ApiWorld.Json);
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);

        await using var db = world.Host.Database.CreateContext(world.Host.OrgId);
        var saved = await db.Leads.SingleAsync(l => l.Id == lead);
        Assert.Equal((LeadStatus.Disqualified, (DateTime?)at), (saved.Status, saved.StatusChangedUtc));
        Assert.NotEqual(at, saved.UpdatedUtc);
    }
}
