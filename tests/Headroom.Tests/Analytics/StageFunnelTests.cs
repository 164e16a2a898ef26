using Headroom.Accounts;
using Headroom.Analytics;
using Headroom.Deals;
using Headroom.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Headroom.Tests.Analytics;

// Stage history written by the SaveChanges interceptor, read back as a funnel.
[Trait("Category", "Integration")]
public sealed class StageFunnelTests
{
    [Fact]
    public async Task History_IsWrittenOnCreateAndOnEveryMove_AndTheFunnelCountsHowFarEachDealGot()
    {
        await using var database = await TestDatabase.CreateAsync();
        var organization = await database.CreateOrganizationAsync();
        await using var db = database.CreateContext(organization.Id);
        var stages = await db.PipelineStages.OrderBy(s => s.SortOrder).ToListAsync();
        var open = stages.Where(s => s.ClosesAs == null).ToList();
        var won = stages.Single(s => s.ClosesAs == DealOutcome.Won);
        var lost = stages.Single(s => s.ClosesAs == DealOutcome.Lost);
        Assert.True(open.Count >= 3);
        var account = db.Accounts.Add(new Account { Name = "Acme" }).Entity;
        await db.SaveChangesAsync();
        var created = new DateTime(2026, 10, 5, 2, 0, 0, DateTimeKind.Utc);
        Deal New(string name) => db.Deals.Add(new Deal { Name = name, AccountId = account.Id, StageId = open[0].Id, AmountMinor = 100, CreatedUtc = created }).Entity;
        var a = New("won after two stages");
        var b = New("lost at the first stage");
        var c = New("open at the third stage");
        var d = New("open at the first stage");
        await db.SaveChangesAsync();

        a.StageId = open[1].Id;
        c.StageId = open[1].Id;
        await db.SaveChangesAsync();
        c.StageId = open[2].Id;
        (a.StageId, a.Outcome, a.ClosedUtc) = (won.Id, DealOutcome.Won, new DateTime(2026, 10, 20, 2, 0, 0, DateTimeKind.Utc));
        (b.StageId, b.Outcome, b.ClosedUtc) = (lost.Id, DealOutcome.Lost, new DateTime(2026, 10, 21, 2, 0, 0, DateTimeKind.Utc));
        await db.SaveChangesAsync();
        b.Name = "renamed, no move";
        await db.SaveChangesAsync();

        var history = await db.DealStageChanges.OrderBy(h => h.Id).Select(h => new { h.DealId, h.FromStageId, h.ToStageId, h.ChangedUtc }).ToListAsync();
        Assert.Equal(4 + 2 + 3, history.Count);
        Assert.Equal([(null, open[0].Id), (open[0].Id, open[1].Id), (open[1].Id, won.Id)],
            history.Where(h => h.DealId == a.Id).Select(h => (h.FromStageId, h.ToStageId)));
        Assert.Equal(new DateTime(2026, 10, 20, 2, 0, 0, DateTimeKind.Utc), history.Last(h => h.DealId == a.Id).ChangedUtc);
        Assert.Equal(created, history.First(h => h.DealId == d.Id).ChangedUtc);

        var october = MetricsPeriod.Of(new DateOnly(2026, 10, 1), new DateOnly(2026, 11, 1), TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));
        var funnel = await StageFunnel.LoadAsync(db, AccessScope.WholeOrganization(), october);

        Assert.Equal((4, 1, 1), (funnel.Deals, funnel.Won, funnel.Lost));
        // Reached: all 4 the first stage; a and c the second; c and (won) a the third and every later one.
        Assert.Equal(4, funnel.Stages[0].Reached);
        Assert.Equal(2, funnel.Stages[1].Reached);
        Assert.Equal(2, funnel.Stages[2].Reached);
        Assert.Equal(0.5m, funnel.Stages[0].ConversionToNext);
        Assert.Equal(1m, funnel.Stages[1].ConversionToNext);
        // Only the won deal reached the last open stage, and it was won.
        var lastOpen = funnel.Stages[^1];
        Assert.Equal(open.Count == 3 ? 2 : 1, lastOpen.Reached);
        Assert.Equal(open.Count == 3 ? 0.5m : 1m, lastOpen.ConversionToNext);

        var november = MetricsPeriod.Of(new DateOnly(2026, 11, 1), new DateOnly(2026, 12, 1), TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));
        var empty = await StageFunnel.LoadAsync(db, AccessScope.WholeOrganization(), november);
        Assert.Equal(0, empty.Deals);
        Assert.All(empty.Stages, s => Assert.Null(s.ConversionToNext));

        db.Deals.Remove(d);
        await db.SaveChangesAsync();
        Assert.False(await db.DealStageChanges.AnyAsync(h => h.DealId == d.Id));
    }
}
