using Headroom.Accounts;
using Headroom.Assignment;
using Headroom.Cli;
using Headroom.Organizations;
using Microsoft.EntityFrameworkCore;
using static Headroom.Tests.Cli.CliRun;

namespace Headroom.Tests.Cli;

// `headroom pool return-due` against the test database, as a daily cron job would run it.
[Trait("Category", "Integration")]
[Collection(nameof(CliCollection))]
public sealed class PoolCommandTests
{
    [Fact]
    public async Task ReturnDue_ReturnsWhatWasClaimedAndLeftAlone_PrintsIt_AndLogsAsCli()
    {
        await using var database = await TestDatabase.CreateAsync();
        var org = await database.CreateOrganizationAsync();
        long acme, busy, team;
        await using (var db = database.CreateContext(org.Id))
        {
            var north = new Team { Name = "华北" };
            var li = new Member { Name = "Li Lei", Team = north };
            db.AddRange(north, li);
            await db.SaveChangesAsync();
            var a = new Account { Name = "Acme", OwnerId = li.Id };
            var b = new Account { Name = "Busy Co", OwnerId = li.Id };
            db.AddRange(a, b);
            await db.SaveChangesAsync();
            // Both claimed from the pool on 1 October; Busy Co had a call on 15 November.
            foreach (var account in new[] { a, b })
            {
                db.AssignmentLog.Add(new AssignmentLogEntry
                {
                    AtUtc = new DateTime(2026, 10, 1, 2, 0, 0, DateTimeKind.Utc), ActorMemberId = li.Id, ActorName = li.Name, ItemKind = RebalanceItemKind.Account,
                    ItemId = account.Id, ItemLabel = account.Name, ToMemberId = li.Id, Source = AssignmentSource.Pool, BatchId = Guid.NewGuid(),
                });
            }
            db.SalesActivities.Add(new Headroom.Activities.SalesActivity
            {
                MemberId = li.Id, AccountId = b.Id, StartUtc = new DateTime(2026, 11, 15, 2, 0, 0, DateTimeKind.Utc), DurationMinutes = 15,
                Outcome = Headroom.Activities.ActivityOutcome.Completed,
            });
            await db.SaveChangesAsync();
            (acme, busy, team) = (a.Id, b.Id, north.Id);
        }

        var (exit, output, error) = await RunAsync(database, "pool", "return-due", "--as-of", "2026-11-30");
        Assert.True(exit == ExitCodes.Ok, error);
        Assert.Contains("Account", output, StringComparison.Ordinal);
        Assert.Contains("Acme", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Busy Co", output, StringComparison.Ordinal);
        Assert.Contains("1 record(s) returned to the pool as of 2026-11-30.", output, StringComparison.Ordinal);
        await using (var db = database.CreateContext(org.Id))
        {
            var account = await db.Accounts.SingleAsync(a => a.Id == acme);
            Assert.Equal(((long?)null, (long?)team), (account.OwnerId, account.PoolTeamId));
            Assert.NotNull((await db.Accounts.SingleAsync(a => a.Id == busy)).OwnerId);
            var entry = await db.AssignmentLog.OrderByDescending(e => e.Id).FirstAsync();
            Assert.Equal(("cli", "no activity for 30 days", (long?)null), (entry.ActorName, entry.Reason, entry.ToMemberId));
        }

        var (again, second, _) = await RunAsync(database, "pool", "return-due", "--as-of", "2026-11-30");
        Assert.Equal(ExitCodes.Ok, again);
        Assert.Contains("0 record(s)", second, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.InvalidInput, (await RunAsync(database, "pool", "return-due", "--as-of", "30/11/2026")).Exit);
    }
}
