using Headroom.Accounts;
using Headroom.Activities;
using Headroom.Deals;
using Headroom.Goals;
using Headroom.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Headroom.Tests.Goals;

// The curve's actual counts what GoalProgressQuery counts, day by local day (Asia/Shanghai).
[Trait("Category", "Integration")]
public sealed class GoalPaceCurveQueryTests
{
    private static DateTime Utc(int month, int day, int hour = 0, int minute = 0) => new(2026, month, day, hour, minute, 0, DateTimeKind.Utc);

    [Fact]
    public async Task CumulativeActual_ByLocalDay_EndsAtTheGoalsActual_ForEveryCumulativeMetric()
    {
        await using var host = await WebTestHost.CreateAsync();
        long team;
        await using (var db = host.Database.CreateContext(host.OrgId))
        {
            var t = db.Teams.Add(new Team { Name = "A" }).Entity;
            await db.SaveChangesAsync();
            team = t.Id;
        }
        var rep = (await host.AddUserAsync("rep@example.com", teamId: team)).MemberId;
        var other = (await host.AddUserAsync("other@example.com")).MemberId;
        await using (var db = host.Database.CreateContext(host.OrgId))
        {
            var stage = await db.PipelineStages.Where(s => s.ClosesAs == null).OrderBy(s => s.SortOrder).FirstAsync();
            var account = db.Accounts.Add(new Account { Name = "a", OwnerId = rep }).Entity;
            await db.SaveChangesAsync();
            void Deal(long owner, long amount, DateTime created, DealOutcome outcome, DateTime? closed) => db.Deals.Add(new Deal
            {
                Name = "d", OwnerId = owner, AccountId = account.Id, AmountMinor = amount, StageId = stage.Id, Outcome = outcome, ClosedUtc = closed, CreatedUtc = created,
            });
            // 23:59 on 1 November and 00:00 on 3 November, Shanghai time.
            Deal(rep, 100_000, Utc(10, 20), DealOutcome.Won, Utc(11, 1, 15, 59));
            Deal(rep, 30_000, Utc(11, 2), DealOutcome.Won, Utc(11, 2, 16));
            Deal(rep, 99_000, Utc(11, 2), DealOutcome.Lost, Utc(11, 3));
            Deal(other, 77_000, Utc(11, 2), DealOutcome.Won, Utc(11, 3));
            db.SalesActivities.AddRange(
                new SalesActivity { Type = ActivityType.Visit, MemberId = rep, StartUtc = Utc(11, 1, 3), Outcome = ActivityOutcome.Completed },
                new SalesActivity { Type = ActivityType.Call, MemberId = rep, StartUtc = Utc(11, 3, 3), Outcome = ActivityOutcome.NoAnswer },
                new SalesActivity { Type = ActivityType.Call, MemberId = rep, StartUtc = Utc(11, 3, 4), Outcome = ActivityOutcome.Cancelled },
                new SalesActivity { Type = ActivityType.Visit, MemberId = rep, StartUtc = Utc(11, 3, 5), Outcome = ActivityOutcome.NoAnswer });
            await db.SaveChangesAsync();
        }

        await using var context = host.Database.CreateContext(host.OrgId);
        var goals = await GoalContext.LoadAsync(context);
        var today = new DateOnly(2026, 11, 4);
        foreach (var (metric, kind) in new[]
        {
            (GoalMetric.WonRevenue, GoalOwnerKind.Member), (GoalMetric.WonRevenue, GoalOwnerKind.Team), (GoalMetric.WonRevenue, GoalOwnerKind.Organization),
            (GoalMetric.DealsWon, GoalOwnerKind.Member), (GoalMetric.PipelineCreated, GoalOwnerKind.Member), (GoalMetric.NewAccounts, GoalOwnerKind.Member),
            (GoalMetric.Activities, GoalOwnerKind.Member), (GoalMetric.Visits, GoalOwnerKind.Member),
        })
        {
            var subject = new GoalSubject(kind, kind == GoalOwnerKind.Team ? team : null, kind == GoalOwnerKind.Member ? rep : null, metric, null,
                GoalPeriodKind.Month, new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30));
            var standing = await GoalEvaluator.StandingAsync(context, goals, subject, 1_000_000, today);
            var curve = await GoalPaceCurveQuery.LoadAsync(context, goals, subject, 1_000_000, standing.Pace, today);
            Assert.NotNull(curve);
            Assert.Equal(30, curve.Count);
            Assert.Equal(standing.Pace.Actual, curve[3].Actual);
            Assert.Null(curve[4].Actual);
            Assert.Equal(standing.Pace.ExpectedByNow, curve[3].Expected);
            Assert.Equal(standing.Pace.LinearProjection, curve[^1].Linear);
            Assert.Equal(standing.Pace.PipelineProjection, curve[^1].Pipeline);
            if (metric == GoalMetric.WonRevenue && kind == GoalOwnerKind.Member)
            {
                Assert.Equal([100_000L, 100_000, 130_000, 130_000], curve.Take(4).Select(p => p.Actual!.Value));
            }
            if (metric == GoalMetric.Activities)
            {
                Assert.Equal([1L, 1, 3, 3], curve.Take(4).Select(p => p.Actual!.Value));
            }
        }

        var ratio = new GoalSubject(GoalOwnerKind.Member, null, rep, GoalMetric.WinRate, null, GoalPeriodKind.Month, new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30));
        var rate = await GoalEvaluator.StandingAsync(context, goals, ratio, 5000, today);
        Assert.Null(await GoalPaceCurveQuery.LoadAsync(context, goals, ratio, 5000, rate.Pace, today));
    }
}
