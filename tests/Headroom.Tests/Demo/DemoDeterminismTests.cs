using Headroom.Data;
using Headroom.Demo;
using Microsoft.EntityFrameworkCore;

namespace Headroom.Tests.Demo;

[Trait("Category", "Integration")]
public class DemoDeterminismTests
{
    [Fact]
    public async Task SameSeed_GivesIdenticalData()
    {
        var (first, firstRows) = await SeedAndSampleAsync(DemoFixture.Options(seed: 11));
        var (second, secondRows) = await SeedAndSampleAsync(DemoFixture.Options(seed: 11));

        Assert.Equal(Counts(first), Counts(second));
        Assert.Equal(first.AfterHoursReps.Select(r => r.Email), second.AfterHoursReps.Select(r => r.Email));
        Assert.Equal(first.OverloadedReps.Select(r => r.Email), second.OverloadedReps.Select(r => r.Email));
        Assert.Equal(firstRows, secondRows);
    }

    [Fact]
    public async Task DifferentSeed_GivesDifferentData()
    {
        var (first, firstRows) = await SeedAndSampleAsync(DemoFixture.Options(seed: 11));
        var (second, secondRows) = await SeedAndSampleAsync(DemoFixture.Options(seed: 12));

        Assert.NotEqual(Counts(first), Counts(second));
        Assert.NotEqual(firstRows.Members, secondRows.Members);
        Assert.NotEqual(firstRows.Deals, secondRows.Deals);
        Assert.NotEqual(firstRows.Activities, secondRows.Activities);
    }

    private static object Counts(DemoProfile p) =>
        (p.Teams, p.Members, p.Accounts, p.Contacts, p.Leads, p.Deals, p.FollowUps, p.TimeOffs, p.Feedback, p.Activities);

    // Each database is fresh, so generated ids line up too; audit UpdatedUtc is the only
    // clock-dependent column and is left out.
    private static async Task<(DemoProfile Profile, Sample Rows)> SeedAndSampleAsync(DemoOptions options)
    {
        await using var database = await TestDatabase.CreateAsync();
        DemoProfile profile;
        await using (var seedDb = database.CreateContext())
        {
            profile = await DemoSeeder.SeedAsync(seedDb, options, database.Clock);
        }
        await using var db = database.CreateContext(profile.OrgId);
        return (profile, await SampleAsync(db));
    }

    private static async Task<Sample> SampleAsync(AppDbContext db)
    {
        var members = await db.Members.OrderBy(m => m.Id)
            .Select(m => $"{m.Id}|{m.Name}|{m.Email}|{m.Title}|{m.HireDate}|{m.WeeklyCapacityHours}|{m.TeamId}|{string.Join(",", m.Languages)}")
            .ToListAsync();
        var accounts = await db.Accounts.OrderBy(a => a.Id).Where(a => a.Id % 7 == 0)
            .Select(a => $"{a.Id}|{a.Name}|{a.Tier}|{a.Industry}|{a.Territory}|{a.OwnerId}|{a.CreatedUtc:O}").ToListAsync();
        var deals = await db.Deals.OrderBy(d => d.Id).Where(d => d.Id % 5 == 0)
            .Select(d => $"{d.Id}|{d.Name}|{d.AccountId}|{d.OwnerId}|{d.AmountMinor}|{d.StageId}|{d.Outcome}|{d.CreatedUtc:O}|{d.ClosedUtc:O}|{d.ExpectedCloseDate}").ToListAsync();
        var followUps = await db.FollowUps.OrderBy(f => f.Id).Where(f => f.Id % 3 == 0)
            .Select(f => $"{f.Id}|{f.Title}|{f.AssigneeId}|{f.DueUtc:O}|{f.EffortHours}|{f.Status}").ToListAsync();
        var activities = await db.SalesActivities.OrderBy(a => a.Id).Where(a => a.Id % 97 == 0)
            .Select(a => $"{a.Id}|{a.Type}|{a.MemberId}|{a.AccountId}|{a.DealId}|{a.LeadId}|{a.StartUtc:O}|{a.DurationMinutes}|{a.Outcome}").ToListAsync();
        var leave = await db.TimeOffs.OrderBy(t => t.Id).Select(t => $"{t.MemberId}|{t.StartDate}|{t.EndDate}|{t.Kind}").ToListAsync();
        var feedback = await db.CustomerFeedback.OrderBy(f => f.Id).Select(f => $"{f.Kind}|{f.Score}|{f.AccountId}|{f.Date}").ToListAsync();
        Assert.NotEmpty(activities);
        return new Sample(Join(members), Join(accounts), Join(deals), Join(followUps), Join(activities), Join(leave), Join(feedback));
    }

    private static string Join(List<string> rows) => string.Join("\n", rows);

    private sealed record Sample(string Members, string Accounts, string Deals, string FollowUps, string Activities, string Leave, string Feedback);
}
