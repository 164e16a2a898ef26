using Headroom.Demo;
using Microsoft.EntityFrameworkCore;

namespace Headroom.Tests.Demo;

[Trait("Category", "Integration")]
public class DemoSeederReplaceTests
{
    [Fact]
    public async Task SameName_IsRefused_UnlessReplaced()
    {
        await using var database = await TestDatabase.CreateAsync();
        var other = await database.CreateOrganizationAsync("Another org");
        var options = DemoFixture.Options(locale: DemoOptions.English) with { Scale = DemoFixture.TinyScale with { ActivitiesPerWorkday = 1 } };
        DemoProfile first;
        await using (var db = database.CreateContext())
        {
            first = await DemoSeeder.SeedAsync(db, options, database.Clock);
        }
        // A goal tree with its log goes with the organization too.
        await using (var db = database.CreateContext(first.OrgId))
        {
            var parent = db.Goals.Add(new Headroom.Goals.Goal { Name = "Company", StartDate = DemoFixture.Today, EndDate = DemoFixture.Today, Target = 1 }).Entity;
            await db.SaveChangesAsync();
            var member = await db.Members.Select(m => m.Id).FirstAsync();
            var child = db.Goals.Add(new Headroom.Goals.Goal
            {
                Name = "Rep", OwnerKind = Headroom.Goals.GoalOwnerKind.Member, MemberId = member, ParentGoalId = parent.Id,
                StartDate = DemoFixture.Today, EndDate = DemoFixture.Today, Target = 1,
            }).Entity;
            db.GoalChanges.Add(new Headroom.Goals.GoalChange { Goal = child, ChangedUtc = DateTime.UnixEpoch, NewTarget = 1 });
            // And a review cycle with a review and an improvement plan.
            var cycle = db.ReviewCycles.Add(new Headroom.Reviews.ReviewCycle { Name = "Q4", PeriodStart = DemoFixture.Today, PeriodEnd = DemoFixture.Today, CreatedById = member }).Entity;
            var review = db.Reviews.Add(new Headroom.Reviews.Review { Cycle = cycle, MemberId = member }).Entity;
            db.ImprovementPlans.Add(new Headroom.Reviews.ImprovementPlan { MemberId = member, Review = review });
            await db.SaveChangesAsync();
        }
        await using (var db = database.CreateContext())
        {
            var refused = await Assert.ThrowsAsync<DemoOrganizationExistsException>(() => DemoSeeder.SeedAsync(db, options, database.Clock));
            Assert.Equal("Headroom Demo Inc.", refused.OrganizationName);
        }
        DemoProfile second;
        await using (var db = database.CreateContext())
        {
            second = await DemoSeeder.SeedAsync(db, options with { Replace = true }, database.Clock);
        }

        Assert.NotEqual(first.OrgId, second.OrgId);
        await using var check = database.CreateContext();
        Assert.Equal(["Another org", "Headroom Demo Inc."], await check.Organizations.OrderBy(o => o.Name).Select(o => o.Name).ToListAsync());
        Assert.Equal(second.Activities, await check.SalesActivities.IgnoreQueryFilters().LongCountAsync());
        Assert.Equal(second.Deals, await check.Deals.IgnoreQueryFilters().CountAsync());
        Assert.Equal(0, await check.Members.IgnoreQueryFilters().CountAsync(m => m.OrgId == first.OrgId));
        Assert.Equal(0, await check.Goals.IgnoreQueryFilters().CountAsync(g => g.OrgId == first.OrgId));
        Assert.Equal(0, await check.ReviewCycles.IgnoreQueryFilters().CountAsync(c => c.OrgId == first.OrgId));
        // The new demo organization has the built-in scorecard as its own.
        Assert.Equal(100, (await check.ScorecardTemplates.IgnoreQueryFilters().SingleAsync(t => t.OrgId == second.OrgId)).Items.Sum(i => i.Weight));
        Assert.Equal(6, await check.PipelineStages.IgnoreQueryFilters().CountAsync(s => s.OrgId == other.Id));
    }

    [Fact]
    public async Task EnglishOrganization_IsAmerican_WithoutChineseHolidays()
    {
        await using var database = await TestDatabase.CreateAsync();
        var options = DemoFixture.Options(locale: DemoOptions.English) with { Scale = DemoFixture.TinyScale with { ActivitiesPerWorkday = 1 } };
        DemoProfile profile;
        await using (var db = database.CreateContext())
        {
            profile = await DemoSeeder.SeedAsync(db, options, database.Clock);
        }
        await using var check = database.CreateContext(profile.OrgId);
        var org = await check.Organizations.SingleAsync(o => o.Id == profile.OrgId);
        Assert.Equal(("USD", "America/New_York", "en"), (org.Currency, org.TimeZoneId, org.DefaultLocale));
        Assert.Equal(0, await check.CalendarDays.CountAsync());
        Assert.Contains("East", await check.Teams.Select(t => t.Name).ToListAsync());
        Assert.All(await check.Members.Select(m => m.Name).ToListAsync(), name => Assert.All(name, c => Assert.True(c < 0x2E80, name)));
        Assert.Contains("Referral", await check.Leads.Select(l => l.Source).Distinct().ToListAsync());
    }

    [Fact]
    public async Task Failure_LeavesNothingBehind()
    {
        await using var database = await TestDatabase.CreateAsync();
        using var cancel = new CancellationTokenSource();
        var progress = new CancelAt(DemoPhase.Activities, cancel);
        await using (var db = database.CreateContext())
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(
                () => DemoSeeder.SeedAsync(db, DemoFixture.Options(), database.Clock, progress, cancel.Token));
        }
        await using var check = database.CreateContext();
        Assert.Equal(0, await check.Organizations.CountAsync());
        Assert.Equal(0, await check.Deals.IgnoreQueryFilters().CountAsync());
    }

    // Cancels the run once it reaches the given phase, i.e. after everything before it was written.
    private sealed class CancelAt(DemoPhase phase, CancellationTokenSource cancel) : IProgress<DemoProgress>
    {
        public void Report(DemoProgress value)
        {
            if (value.Phase == phase)
            {
                cancel.Cancel();
            }
        }
    }
}
