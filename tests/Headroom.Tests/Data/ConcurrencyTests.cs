using Headroom.Deals;
using Headroom.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Headroom.Tests.Data;

[Trait("Category", "Persistence")]
public class ConcurrencyTests
{
    [Fact]
    public async Task StaleEdit_IsRejected_AndStampsAreSet()
    {
        await using var database = await TestDatabase.CreateAsync();
        var org = await database.CreateOrganizationAsync();
        long dealId;
        await using (var db = database.CreateContext(org.Id))
        {
            var stage = await db.PipelineStages.OrderBy(s => s.SortOrder).FirstAsync();
            var account = new Account { Name = "北京远景科技" };
            var deal = new Deal { Name = "年度框架协议", Account = account, StageId = stage.Id, AmountMinor = 12_500_000 };
            db.Deals.Add(deal);
            await db.SaveChangesAsync();
            dealId = deal.Id;
            Assert.Equal(database.Clock.GetUtcNow().UtcDateTime, deal.CreatedUtc);
            Assert.Equal(org.Id, deal.OrgId);
        }

        await using var first = database.CreateContext(org.Id);
        await using var second = database.CreateContext(org.Id);
        var mine = await first.Deals.SingleAsync(d => d.Id == dealId);
        var theirs = await second.Deals.SingleAsync(d => d.Id == dealId);
        mine.AmountMinor = 13_000_000;
        await first.SaveChangesAsync();
        Assert.Equal(1, mine.Version);

        theirs.AmountMinor = 9_000_000;
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
    }
}
