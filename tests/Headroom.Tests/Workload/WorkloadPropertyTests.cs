using CsCheck;
using Headroom.Accounts;
using Headroom.FollowUps;
using Headroom.Organizations;
using Headroom.Workload;
using static Headroom.Tests.Workload.WorkloadFixture;

namespace Headroom.Tests.Workload;

// Properties over generated inputs. CsCheck prints the seed of a failing case; set the CsCheck_Seed
// environment variable to that value to replay it.
public sealed class WorkloadPropertyTests
{
    private const double Tolerance = 1e-6;
    private static readonly DateOnly Start = new(2026, 1, 5);
    private static readonly Gen<int> DayOffset = Gen.Int[0, 90];

    private static readonly Gen<FollowUpInput> FollowUpGen =
        Gen.Select(DayOffset, Gen.Int[0, 23], Gen.Double[0, 6], Gen.Enum<FollowUpPriority>(), Gen.Enum<FollowUpStatus>(),
            (day, hour, hours, priority, status) =>
            {
                var at = Start.AddDays(day).ToDateTime(new TimeOnly(hour, 0), DateTimeKind.Utc);
                return new FollowUpInput(1, at, Math.Round(hours, 2), priority, status, status == FollowUpStatus.Done ? at : null);
            });

    private static readonly Gen<WorkloadInputs> InputsGen =
        Gen.Select(
            Gen.Double[4, 48],
            FollowUpGen.Array[0, 12],
            Gen.Select(Gen.Long[1, 5], Gen.Int[0, 100], DayOffset).Array[0, 6],
            Gen.Select(Gen.Enum<AccountTier>(), DayOffset).Array[0, 10],
            Gen.Select(DayOffset, Gen.Int[0, 10]).Array[0, 4],
            Gen.Select(DayOffset, Gen.Int[0, 600], Gen.Int[0, 4]).Array[0, 20],
            (weekly, followUps, deals, accounts, leave, activity) => new WorkloadInputs
            {
                Policy = Policy,
                Calendar = [.. HolidayCalendars.Load(HolidayCalendars.China, "en").Select(d => new CalendarException(d.Date, d.Kind))],
                Members = [Member(1, weekly)],
                FollowUps = followUps,
                Deals = [.. deals.Select(d => new DealInput(1, d.Item1, d.Item2, Start.AddDays(d.Item3 - 30).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)))],
                Accounts = [.. accounts.Select(a => new AccountInput(1, a.Item1, Start.AddDays(a.Item2 - 30).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)))],
                Leave = [.. leave.Select(l => new LeaveInput(1, Start.AddDays(l.Item1), Start.AddDays(l.Item1 + l.Item2)))],
                Activity = [.. activity.GroupBy(a => a.Item1).Select(g => new ActivityDay(1, Start.AddDays(g.Key), g.Sum(a => a.Item2), g.Sum(a => a.Item2) / 2, g.Count(), g.Sum(a => a.Item3) * 30, g.Sum(a => a.Item3)))],
            });

    [Fact]
    public void PartsSumToTheTotal_AndDaysSumToWeeksAndMonths()
    {
        InputsGen.Select(DayOffset).Sample((inputs, asOfDay) =>
        {
            var asOf = new DateTimeOffset(Start.AddDays(asOfDay).ToDateTime(new TimeOnly(8, 0)), TimeSpan.Zero);
            var from = new DateOnly(2026, 1, 1);
            var to = new DateOnly(2026, 4, 30);
            var days = WorkloadScorer.Score(inputs, new WorkloadRequest(from, to, WorkloadPeriod.Day, asOf, 0)).Members[0].Periods;
            var weeks = WorkloadScorer.Score(inputs, new WorkloadRequest(new DateOnly(2026, 1, 5), new DateOnly(2026, 4, 26), WorkloadPeriod.Week, asOf, 0)).Members[0].Periods;
            var months = WorkloadScorer.Score(inputs, new WorkloadRequest(from, to, WorkloadPeriod.Month, asOf, 0)).Members[0].Periods;
            foreach (var period in days.Concat(weeks).Concat(months))
            {
                var parts = period.Load;
                Assert.Equal(parts.FollowUps + parts.Deals + parts.Accounts + parts.Meetings + parts.Overhead, parts.Total, Tolerance);
                Assert.True(parts.FollowUps >= -Tolerance && parts.Deals >= -Tolerance && parts.Accounts >= -Tolerance && parts.Meetings >= 0 && parts.Overhead >= 0);
            }
            foreach (var week in weeks)
            {
                var inWeek = days.Where(d => d.Start >= week.Start && d.Start <= week.End).ToList();
                Assert.Equal(week.Load.Total, inWeek.Sum(d => d.Load.Total), Tolerance);
                Assert.Equal(week.CapacityHours, inWeek.Sum(d => d.CapacityHours), Tolerance);
                Assert.Equal(week.ActualHours, inWeek.Sum(d => d.ActualHours), Tolerance);
            }
            Assert.Equal(months.Sum(m => m.Load.Total), days.Sum(d => d.Load.Total), Tolerance);
        }, iter: 60, threads: 1);
    }

    [Fact]
    public void FollowUpHours_AreNeitherLostNorInvented()
    {
        // With today and every due date inside a long range, the follow-up part adds up to the
        // estimates of the open and done follow-ups.
        InputsGen.Select(DayOffset).Sample((inputs, asOfDay) =>
        {
            var asOf = new DateTimeOffset(Start.AddDays(asOfDay).ToDateTime(new TimeOnly(8, 0)), TimeSpan.Zero);
            var result = WorkloadScorer.Score(inputs, new WorkloadRequest(new DateOnly(2025, 12, 1), new DateOnly(2026, 8, 31), WorkloadPeriod.Month, asOf, 0));
            var expected = inputs.FollowUps
                .Where(f => f.Status is FollowUpStatus.Open or FollowUpStatus.Done)
                .Sum(f => inputs.Effort.FollowUpHours(f.EffortHours, f.Priority));
            Assert.Equal(expected, result.Members[0].Periods.Sum(p => p.Load.FollowUps), Tolerance);
        }, iter: 60, threads: 1);
    }

    [Fact]
    public void Capacity_IsZeroOnLeaveAndHolidays_AndSoIsEveryLoadButTheCalendars()
    {
        var holidays = HolidayCalendars.Load(HolidayCalendars.China, "en").Where(d => d.Kind == CalendarDayKind.Holiday).Select(d => d.Date).ToHashSet();
        // Done follow-ups are left out: they count on the day they were done, even a holiday.
        InputsGen.Select(i => i with { FollowUps = [.. i.FollowUps.Where(f => f.Status != FollowUpStatus.Done)] }).Sample(inputs =>
        {
            var days = WorkloadScorer.Score(inputs, Days(new DateOnly(2026, 1, 1), new DateOnly(2026, 4, 30), At(2026, 1, 5))).Members[0].Periods;
            foreach (var day in days.Where(d => holidays.Contains(d.Start) || inputs.Leave.Any(l => l.Start <= d.Start && d.Start <= l.End)))
            {
                Assert.Equal(0, day.CapacityHours);
                Assert.Equal(0, day.Load.FollowUps + day.Load.Deals + day.Load.Accounts + day.Load.Overhead);
                Assert.Null(day.Utilization);
                Assert.Equal(WorkloadBand.NoCapacity, day.Band);
            }
        }, iter: 60, threads: 1);
    }

    [Fact]
    public void AdjustedWeekendWorkday_HasAFullDayOfCapacity()
    {
        var workdays = HolidayCalendars.Load(HolidayCalendars.China, "en").Where(d => d.Kind == CalendarDayKind.Workday).Select(d => d.Date).ToList();
        var calendar = HolidayCalendars.Load(HolidayCalendars.China, "en").Select(d => new CalendarException(d.Date, d.Kind)).ToList();
        Gen.Select(Gen.Int[0, workdays.Count - 1], Gen.Double[1, 40]).Sample((index, weekly) =>
        {
            var day = workdays[index];
            Assert.True(day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday);
            var inputs = new WorkloadInputs { Policy = Policy, Calendar = calendar, Members = [Member(1, weekly)] };
            var scored = WorkloadScorer.Score(inputs, Days(day, day, At(day.Year, day.Month, day.Day))).Members[0].Periods.Single();
            Assert.Equal(8 * weekly / 40, scored.CapacityHours, Tolerance);
            var plain = new WorkloadInputs { Policy = Policy, Members = [Member(1, weekly)] };
            Assert.Equal(0, WorkloadScorer.Score(plain, Days(day, day, At(day.Year, day.Month, day.Day))).Members[0].Periods.Single().CapacityHours);
        }, iter: 40, threads: 1);
    }

    [Fact]
    public void TimeZones_WorkLandsOnTheMembersLocalDay()
    {
        // A follow-up due "now" lands on the member's local date of now (or the next working day):
        // in Shanghai (UTC+8) and in UTC the same instant can be different days.
        var shanghai = Member(1, zone: "Asia/Shanghai");
        var utc = Member(2, zone: "Etc/UTC");
        var shanghaiZone = Shanghai;
        Gen.Select(Gen.Int[0, 300], Gen.Int[0, 95], Gen.Double[0.5, 4]).Sample((day, quarter, hours) =>
        {
            var instant = new DateTime(2026, 1, 5, 0, 0, 0, DateTimeKind.Utc).AddDays(day).AddMinutes(quarter * 15);
            var inputs = new WorkloadInputs
            {
                Policy = Policy with { WorkingDays = WorkingDays.MondayToFriday | WorkingDays.Saturday | WorkingDays.Sunday },
                Effort = NoOverhead,
                Members = [shanghai, utc],
                FollowUps = [new FollowUpInput(1, instant, hours, FollowUpPriority.Normal, FollowUpStatus.Open), new FollowUpInput(2, instant, hours, FollowUpPriority.Normal, FollowUpStatus.Open)],
            };
            var shanghaiDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(instant, shanghaiZone));
            var utcDay = DateOnly.FromDateTime(instant);
            var from = utcDay.AddDays(-1);
            var result = WorkloadScorer.Score(inputs, Days(from, from.AddDays(3), new DateTimeOffset(instant)));
            Assert.Equal(hours, result.Members[0].On(shanghaiDay).Load.FollowUps, Tolerance);
            Assert.Equal(hours, result.Members[1].On(utcDay).Load.FollowUps, Tolerance);
            Assert.Equal(instant.Hour >= 16 ? utcDay.AddDays(1) : utcDay, shanghaiDay);
        }, iter: 100, threads: 1);
    }

    [Fact]
    public void Bands_FollowTheThresholds_InclusiveAtTheTop()
    {
        var bands = BandThresholds.Default;
        Assert.Equal(WorkloadBand.Under, bands.Classify(0.6999));
        Assert.Equal(WorkloadBand.Healthy, bands.Classify(0.70));
        Assert.Equal(WorkloadBand.Healthy, bands.Classify(7 * 0.1));
        Assert.Equal(WorkloadBand.Healthy, bands.Classify(1.00));
        Assert.Equal(WorkloadBand.Stretched, bands.Classify(1.0001));
        Assert.Equal(WorkloadBand.Stretched, bands.Classify(1.15));
        Assert.Equal(WorkloadBand.Overloaded, bands.Classify(1.1501));
        Assert.Equal(WorkloadBand.NoCapacity, bands.Classify(null));
        Gen.Select(Gen.Int[0, 30_000], Gen.Double[0.1, 0.9], Gen.Double[0, 0.5], Gen.Double[0, 0.5]).Sample((basisPoints, under, healthy, stretched) =>
        {
            var thresholds = new BandThresholds(Math.Round(under, 2), Math.Round(under + healthy, 2), Math.Round(under + healthy + stretched, 2));
            var utilization = basisPoints / 10_000.0;
            var expected = utilization < thresholds.UnderBelow ? WorkloadBand.Under
                : utilization <= thresholds.HealthyUpTo ? WorkloadBand.Healthy
                : utilization <= thresholds.StretchedUpTo ? WorkloadBand.Stretched
                : WorkloadBand.Overloaded;
            Assert.Equal(expected, thresholds.Classify(utilization));
        }, iter: 500, threads: 1);
    }
}
