using Headroom.Assignment;
using Headroom.Cli;
using Headroom.FollowUps;
using Headroom.Organizations;
using Microsoft.EntityFrameworkCore;
using static Headroom.Tests.Cli.CliRun;

namespace Headroom.Tests.Cli;

// `headroom cover return-due` against the test database, as a cron job would run it.
[Trait("Category", "Integration")]
[Collection(nameof(CliCollection))]
public sealed class CoverCommandTests
{
    [Fact]
    public async Task ReturnDue_ReturnsTheCoveredWorkAfterTheLeaveOnly_PrintsIt_AndLogsAsCli()
    {
        await using var database = await TestDatabase.CreateAsync();
        var org = await database.CreateOrganizationAsync();
        long li, wang, followUpId;
        await using (var db = database.CreateContext(org.Id))
        {
            var east = new Team { Name = "华东" };
            var a = new Member { Name = "李雷", Team = east };
            var b = new Member { Name = "王芳", Team = east };
            db.AddRange(east, a, b);
            await db.SaveChangesAsync();
            var leave = new TimeOff { MemberId = a.Id, StartDate = new DateOnly(2026, 11, 23), EndDate = new DateOnly(2026, 11, 27) };
            var followUp = new FollowUp { Title = "send the quote", AssigneeId = a.Id, DueUtc = new DateTime(2026, 11, 24, 2, 0, 0, DateTimeKind.Utc) };
            db.AddRange(leave, followUp);
            await db.SaveChangesAsync();
            var scope = AccessScope.WholeOrganization();
            var outcome = await LeaveCoverService.ApplyAsync(db, scope, AssignmentActor.Cli, leave, [new CoverChange(followUp.Id, b.Id)], new DateTime(2026, 11, 20, 2, 0, 0, DateTimeKind.Utc));
            Assert.True(outcome.Applied);
            (li, wang, followUpId) = (a.Id, b.Id, followUp.Id);
        }

        var (early, earlyOut, earlyError) = await RunAsync(database, "cover", "return-due", "--as-of", "2026-11-27");
        Assert.True(early == ExitCodes.Ok, earlyError);
        Assert.Contains("0 follow-up(s) returned", earlyOut, StringComparison.Ordinal);

        var (exit, output, error) = await RunAsync(database, "cover", "return-due", "--as-of", "2026-11-28");
        Assert.True(exit == ExitCodes.Ok, error);
        Assert.Contains($"FollowUp {followUpId} send the quote: from member {wang} back to member {li} (returned after leave)", output, StringComparison.Ordinal);
        Assert.Contains("1 follow-up(s) returned to their owners.", output, StringComparison.Ordinal);
        await using (var db = database.CreateContext(org.Id))
        {
            Assert.Null((await db.FollowUps.SingleAsync(f => f.Id == followUpId)).CoverMemberId);
            var entry = await db.AssignmentLog.OrderByDescending(e => e.Id).FirstAsync();
            Assert.Equal(("cli", AssignmentSource.LeaveCover, (long?)li), (entry.ActorName, entry.Source, entry.ToMemberId));
        }

        Assert.Contains("0 follow-up(s)", (await RunAsync(database, "cover", "return-due", "--as-of", "2026-11-29")).Out, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.InvalidInput, (await RunAsync(database, "cover", "return-due", "--as-of", "28/11/2026")).Exit);
    }
}
