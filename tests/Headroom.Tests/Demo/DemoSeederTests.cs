using Microsoft.AspNetCore.Identity;
using Headroom.Activities;
using Headroom.Demo;
using Headroom.Organizations;
using Headroom.Deals;
using Headroom.Feedback;
using Headroom.FollowUps;
using Microsoft.EntityFrameworkCore;

namespace Headroom.Tests.Demo;

// Believability: the generated organization holds together and looks like a real sales team.
[Trait("Category", "Integration")]
public class DemoSeederTests(DemoFixture fixture) : IClassFixture<DemoFixture>
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    private DemoProfile Profile => fixture.Profile;

    [Fact]
    public async Task ActivityPerDay_IsWrittenWithTheActivities()
    {
        await using var db = fixture.CreateContext();
        Assert.True(await db.MemberActivityDays.AnyAsync());
        await Headroom.Tests.Workload.ActivityDayRollupTests.AssertCurrentAsync(db);
    }

    [Fact]
    public async Task Organization_IsChinese_WithTeamTreeManagersAndReps()
    {
        await using var db = fixture.CreateContext();
        var org = await db.Organizations.SingleAsync(o => o.Id == Profile.OrgId);
        Assert.Equal(("CNY", "Asia/Shanghai", "zh-CN"), (org.Currency, org.TimeZoneId, org.DefaultLocale));

        var teams = await db.Teams.ToListAsync();
        Assert.Single(teams, t => t.ParentTeamId is null);
        Assert.All(teams, t => Assert.NotNull(t.ManagerId));
        Assert.Contains(teams, t => t.Name == "华东");

        var members = await db.Members.Include(m => m.Skills).ToListAsync();
        var reps = members.Where(m => m.Role == MemberRole.Rep).ToList();
        Assert.Equal(DemoFixture.TinyScale.Reps, reps.Count);
        Assert.Equal(Profile.Members, members.Count);
        Assert.All(reps, r =>
        {
            Assert.NotNull(r.TeamId);
            Assert.NotEmpty(r.Territories);
            Assert.Contains("zh", r.Languages);
            Assert.InRange(r.Skills.Count, 2, 4);
            Assert.All(r.Skills, s => Assert.InRange(s.Level, 1, 5));
            Assert.Contains(r.WeeklyCapacityHours, new[] { 20.0, 24, 30, 32, 40 });
            Assert.True(r.HireDate < DemoFixture.Today);
        });
        Assert.True(reps.Select(r => r.Title).Distinct().Count() >= 2, "reps should differ in seniority");
    }

    [Fact]
    public async Task SignIns_AreAnAdminAManagerAndARep_WithTheDocumentedPassword()
    {
        await using var db = fixture.CreateContext();
        var orgId = db.Tenant.RequireOrgId();
        var logins = await db.Users.Where(u => u.OrgId == orgId).Include(u => u.Member).ToListAsync();
        Assert.Equal([MemberRole.Rep, MemberRole.Manager, MemberRole.Admin], logins.Select(l => l.Member!.Role).Order());
        Assert.All(logins, l => Assert.Equal(PasswordVerificationResult.Success, AppUsers.Verify(l.PasswordHash!, DemoSeeder.Password)));
        Assert.Equal(logins.Select(l => l.Email).Order(), Profile.SignIns.Select(s => s.Email).Order());
    }

    [Fact]
    public async Task Deals_BelongToAccountsAndRepsOfTheOrganization()
    {
        await using var db = fixture.CreateContext();
        var accountIds = (await db.Accounts.Select(a => a.Id).ToListAsync()).ToHashSet();
        var repIds = (await db.Members.Where(m => m.Role == MemberRole.Rep).Select(m => m.Id).ToListAsync()).ToHashSet();
        var stages = await db.PipelineStages.ToDictionaryAsync(s => s.Id);
        var deals = await db.Deals.ToListAsync();

        Assert.Equal(Profile.Deals, deals.Count);
        Assert.All(deals, d =>
        {
            Assert.Contains(d.AccountId, accountIds);
            Assert.Contains(d.OwnerId!.Value, repIds);
            Assert.True(d.AmountMinor > 0);
            Assert.Equal(d.Outcome, stages[d.StageId].ClosesAs ?? DealOutcome.Open);
            Assert.Equal(d.Outcome == DealOutcome.Open, d.ClosedUtc is null);
            Assert.Equal(d.Outcome == DealOutcome.Lost, d.LostReason is not null);
        });
        Assert.Equal(4, deals.Where(d => d.Outcome == DealOutcome.Open).Select(d => d.StageId).Distinct().Count());
    }

    [Fact]
    public async Task Deals_WinAboutOneInFour()
    {
        await using var db = fixture.CreateContext();
        var won = await db.Deals.CountAsync(d => d.Outcome == DealOutcome.Won);
        var lost = await db.Deals.CountAsync(d => d.Outcome == DealOutcome.Lost);
        Assert.True(won + lost >= 100, $"only {won + lost} closed deals");
        Assert.InRange(won / (double)(won + lost), 0.18, 0.35);
    }

    [Fact]
    public async Task WonDeals_CloseIn30To120Days_LongerForBiggerAccounts()
    {
        await using var db = fixture.CreateContext();
        var won = await db.Deals.Where(d => d.Outcome == DealOutcome.Won)
            .Select(d => new { d.CreatedUtc, Closed = d.ClosedUtc!.Value, d.Account!.Tier })
            .ToListAsync();
        var cycles = won.Select(d => (d.Tier, Days: (d.Closed - d.CreatedUtc).TotalDays)).ToList();
        Assert.All(cycles, c => Assert.InRange(c.Days, 29, 121));
        var byTier = cycles.GroupBy(c => c.Tier).ToDictionary(g => g.Key, g => g.Average(c => c.Days));
        Assert.True(byTier[Headroom.Accounts.AccountTier.A] > byTier[Headroom.Accounts.AccountTier.D] + 30,
            $"A-tier cycles ({byTier[Headroom.Accounts.AccountTier.A]:0}) should be far longer than D-tier ({byTier[Headroom.Accounts.AccountTier.D]:0})");
    }

    [Fact]
    public async Task Accounts_AreFewAtTheTopAndManyAtTheBottom()
    {
        await using var db = fixture.CreateContext();
        var tiers = await db.Accounts.GroupBy(a => a.Tier).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
        Assert.True(tiers[Headroom.Accounts.AccountTier.A] < tiers[Headroom.Accounts.AccountTier.C]);
        Assert.True(tiers[Headroom.Accounts.AccountTier.C] < tiers[Headroom.Accounts.AccountTier.D]);
        Assert.True(await db.Accounts.AnyAsync(a => a.OwnerId == null), "some accounts sit in the customer pool");
        Assert.True(await db.Contacts.CountAsync() >= Profile.Accounts);
        Assert.True(await db.Leads.Select(l => l.Source).Distinct().CountAsync() >= 4);
    }

    [Fact]
    public async Task Activities_FallWithinTheYear_AfterHire_AndPlannedOnesInTheNextTwoWeeks()
    {
        await using var db = fixture.CreateContext();
        var hired = await db.Members.ToDictionaryAsync(m => m.Id, m => m.HireDate!.Value);
        var activities = await db.SalesActivities.Select(a => new { a.MemberId, a.StartUtc, a.Outcome }).ToListAsync();

        Assert.Equal(Profile.Activities, activities.Count);
        Assert.All(activities, a =>
        {
            var day = LocalDay(a.StartUtc);
            Assert.True(day >= hired[a.MemberId], "no activity before the member was hired");
            if (a.Outcome == ActivityOutcome.Planned)
            {
                Assert.InRange(day, DemoFixture.Today, DemoFixture.Today.AddDays(13));
            }
            else
            {
                Assert.InRange(day, Profile.HistoryStart, DemoFixture.Today.AddDays(-1));
            }
        });
        // History really spans the year: activity in each of the 12 months.
        var months = activities.Where(a => a.Outcome != ActivityOutcome.Planned)
            .Select(a => LocalDay(a.StartUtc)).Select(d => (d.Year, d.Month)).Distinct().Count();
        Assert.True(months >= 12, $"activity in only {months} months");
    }

    [Fact]
    public async Task AfterHoursReps_LogFarMoreOutsideWorkingHoursThanAnyoneElse()
    {
        await using var db = fixture.CreateContext();
        var calendar = await db.CalendarDays.ToDictionaryAsync(d => d.Date, d => d.Kind);
        var activities = await db.SalesActivities.Where(a => a.Outcome != ActivityOutcome.Planned)
            .Select(a => new { a.MemberId, a.StartUtc }).ToListAsync();
        var share = activities.GroupBy(a => a.MemberId).ToDictionary(g => g.Key, g => g.Average(a => AfterHours(a.StartUtc, calendar) ? 1.0 : 0.0));

        var afterHours = Profile.AfterHoursReps.Select(r => r.MemberId).ToHashSet();
        Assert.True(afterHours.Count >= 2);
        var lowestStandOut = afterHours.Min(id => share[id]);
        var highestOther = share.Where(s => !afterHours.Contains(s.Key)).Max(s => s.Value);
        Assert.True(lowestStandOut > 2 * highestOther, $"after-hours reps {lowestStandOut:P0} vs others up to {highestOther:P0}");
        Assert.True(highestOther > 0, "ordinary reps also send the odd evening email");
    }

    [Fact]
    public async Task NoActivity_OnLeaveDays_OrPublicHolidays()
    {
        await using var db = fixture.CreateContext();
        var holidays = (await db.CalendarDays.Where(d => d.Kind == CalendarDayKind.Holiday).Select(d => d.Date).ToListAsync()).ToHashSet();
        var leave = (await db.TimeOffs.ToListAsync()).ToLookup(t => t.MemberId);
        var activities = await db.SalesActivities.Select(a => new { a.MemberId, a.StartUtc }).ToListAsync();

        Assert.NotEmpty(leave);
        Assert.Contains(holidays, h => h >= Profile.HistoryStart && h < DemoFixture.Today);
        Assert.All(activities, a =>
        {
            var day = LocalDay(a.StartUtc);
            Assert.DoesNotContain(day, holidays);
            Assert.DoesNotContain(leave[a.MemberId], t => t.StartDate <= day && day <= t.EndDate);
        });
    }

    [Fact]
    public async Task AdjustedWorkdays_AreWorked()
    {
        await using var db = fixture.CreateContext();
        var adjusted = await db.CalendarDays.Where(d => d.Kind == CalendarDayKind.Workday).Select(d => d.Date).ToListAsync();
        var inHistory = adjusted.Where(d => d >= Profile.HistoryStart && d < DemoFixture.Today).ToList();
        Assert.NotEmpty(inHistory);
        var activityDays = (await db.SalesActivities.Select(a => a.StartUtc).ToListAsync()).Select(LocalDay).ToHashSet();
        Assert.All(inHistory, d => Assert.Contains(d, activityDays));
    }

    [Fact]
    public async Task NoRecentLeaveReps_HaveHadNoLeaveForSevenMonths_WhileOthersHave()
    {
        await using var db = fixture.CreateContext();
        var since = DemoFixture.Today.AddMonths(-7);
        var recent = (await db.TimeOffs.Where(t => t.EndDate >= since).Select(t => t.MemberId).ToListAsync()).ToHashSet();
        Assert.NotEmpty(Profile.NoRecentLeaveReps);
        Assert.All(Profile.NoRecentLeaveReps, r => Assert.DoesNotContain(r.MemberId, recent));
        Assert.True(recent.Count >= DemoFixture.TinyScale.Reps / 2, "most reps took some leave recently");
    }

    [Fact]
    public async Task FollowUps_AreOpenWithEffort_SomeOverdue_MostOnOverloadedReps()
    {
        await using var db = fixture.CreateContext();
        var open = await db.FollowUps.Where(f => f.Status == FollowUpStatus.Open).ToListAsync();
        Assert.All(open, f => Assert.InRange(f.EffortHours, 0.25, 4));
        var overdue = open.Where(f => f.DueUtc < Profile.AsOfUtc).ToList();
        Assert.NotEmpty(overdue);
        Assert.Contains(open, f => f.DueUtc > Profile.AsOfUtc);
        Assert.True(await db.FollowUps.AnyAsync(f => f.Status == FollowUpStatus.Done && f.CompletedUtc != null));

        var overloaded = Profile.OverloadedReps.Select(r => r.MemberId).ToHashSet();
        var effort = open.GroupBy(f => f.AssigneeId!.Value).ToDictionary(g => g.Key, g => g.Sum(f => f.EffortHours));
        var others = effort.Where(e => !overloaded.Contains(e.Key)).Select(e => e.Value).DefaultIfEmpty(0).Max();
        Assert.All(overloaded, id => Assert.True(effort[id] > others, $"overloaded rep {id} has {effort[id]}h open, others up to {others}h"));
    }

    [Fact]
    public async Task OverloadedReps_CarryMoreOpenDealsAndActivity()
    {
        await using var db = fixture.CreateContext();
        var openDeals = await db.Deals.Where(d => d.Outcome == DealOutcome.Open).GroupBy(d => d.OwnerId!.Value)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
        var hours = await db.SalesActivities.GroupBy(a => a.MemberId)
            .Select(g => new { g.Key, Minutes = g.Sum(a => a.DurationMinutes) }).ToDictionaryAsync(g => g.Key, g => g.Minutes);
        var overloaded = Profile.OverloadedReps.Select(r => r.MemberId).ToList();
        var typicalDeals = openDeals.Where(d => !overloaded.Contains(d.Key)).Average(d => d.Value);
        var typicalHours = hours.Where(h => !overloaded.Contains(h.Key)).Average(h => h.Value);
        Assert.All(overloaded, id =>
        {
            Assert.True(openDeals[id] > 1.5 * typicalDeals, $"{openDeals[id]} open deals vs typical {typicalDeals:0}");
            Assert.True(hours[id] > 1.2 * typicalHours, $"{hours[id]} activity minutes vs typical {typicalHours:0}");
        });
    }

    [Fact]
    public async Task Feedback_ScoresAreWithinTheirScales()
    {
        await using var db = fixture.CreateContext();
        var feedback = await db.CustomerFeedback.ToListAsync();
        Assert.Equal(Profile.Feedback, feedback.Count);
        Assert.All(feedback.Where(f => f.Kind == FeedbackKind.Csat), f => Assert.InRange(f.Score, 1, 5));
        Assert.All(feedback.Where(f => f.Kind == FeedbackKind.Nps), f => Assert.InRange(f.Score, 0, 10));
        Assert.All(feedback.Where(f => f.Kind == FeedbackKind.Csat), f => Assert.NotNull(f.DealId));
        Assert.All(feedback, f => Assert.InRange(f.Date, Profile.HistoryStart.AddDays(-30), DemoFixture.Today));
        Assert.Equal(2, feedback.Select(f => f.Kind).Distinct().Count());
        Assert.InRange(feedback.Where(f => f.Kind == FeedbackKind.Csat).Average(f => f.Score), 3.5, 4.7);
    }

    private static DateOnly LocalDay(DateTime utc) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Shanghai));

    private static bool AfterHours(DateTime utc, Dictionary<DateOnly, CalendarDayKind> calendar)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Shanghai);
        var day = DateOnly.FromDateTime(local);
        var workday = calendar.TryGetValue(day, out var kind)
            ? kind == CalendarDayKind.Workday
            : local.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
        return !workday || local.Hour < 9 || local.Hour >= 18;
    }
}
