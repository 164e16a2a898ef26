using Headroom.Accounts;
using Headroom.FollowUps;
using Headroom.Organizations;
using Headroom.Workload;
using static Headroom.Tests.Workload.WorkloadFixture;

namespace Headroom.Tests.Workload;

// Hand-computed cases for each rule in docs/decisions/0018-effort-model-and-workload-index.md.
public sealed class WorkloadScorerTests
{
    private const double Tolerance = 1e-9;

    private static readonly DateOnly Monday = new(2026, 3, 2);

    [Fact]
    public void Capacity_FullTimeAndPartTime_ScaleEveryWorkingDay()
    {
        var inputs = new WorkloadInputs { Policy = Policy, Effort = NoOverhead, Members = [Member(1), Member(2, weeklyHours: 20)] };

        var result = WorkloadScorer.Score(inputs, new WorkloadRequest(Monday, Monday, WorkloadPeriod.Week, At(2026, 3, 2), 0));

        Assert.Equal(40, result.Members[0].Periods.Single().CapacityHours, Tolerance);
        Assert.Equal(20, result.Members[1].Periods.Single().CapacityHours, Tolerance);
        Assert.Equal(4, WorkloadScorer.Score(inputs, Days(Monday, Monday, At(2026, 3, 2))).Members[1].Periods.Single().CapacityHours, Tolerance);
    }

    [Fact]
    public void Capacity_ChinaCalendar_HolidaysAreOffAndAdjustedSaturdaysAreWorked()
    {
        // Spring Festival 2026: 15–23 February off; Saturdays 14 and 28 February are workdays.
        var inputs = new WorkloadInputs
        {
            Policy = Policy,
            Effort = NoOverhead,
            Calendar = [.. HolidayCalendars.Load(HolidayCalendars.China, "en").Select(d => new CalendarException(d.Date, d.Kind))],
            Members = [Member()],
        };

        var days = WorkloadScorer.Score(inputs, Days(new DateOnly(2026, 2, 9), new DateOnly(2026, 3, 1), At(2026, 2, 9))).Members[0];

        Assert.Equal(8, days.On(new DateOnly(2026, 2, 14)).CapacityHours, Tolerance);
        Assert.Equal(0, days.On(new DateOnly(2026, 2, 16)).CapacityHours, Tolerance);
        Assert.Equal(8, days.On(new DateOnly(2026, 2, 28)).CapacityHours, Tolerance);
        Assert.Equal(0, days.On(new DateOnly(2026, 3, 1)).CapacityHours, Tolerance);
        var weeks = WorkloadScorer.Score(inputs, new WorkloadRequest(new DateOnly(2026, 2, 9), new DateOnly(2026, 3, 1), WorkloadPeriod.Week, At(2026, 2, 9), 0)).Members[0];
        // Week of 9 Feb: Mon–Fri + Saturday 14th = 48 h; 16–22 Feb: nothing; 23 Feb: Tue–Fri + Sat 28th.
        Assert.Equal([48.0, 0.0, 40.0], weeks.Periods.Select(p => p.CapacityHours));
        Assert.Equal(WorkloadBand.NoCapacity, weeks.Periods[1].Band);
        Assert.Null(weeks.Periods[1].Utilization);
    }

    [Fact]
    public void Capacity_Leave_IsZeroAndBeforeHireDateToo()
    {
        var inputs = new WorkloadInputs
        {
            Policy = Policy,
            Effort = NoOverhead,
            Members = [Member(1), new MemberInput(2, "New", null, 40, null, HireDate: Monday.AddDays(3))],
            Leave = [new LeaveInput(1, Monday.AddDays(1), Monday.AddDays(2))],
        };

        var result = WorkloadScorer.Score(inputs, new WorkloadRequest(Monday, Monday, WorkloadPeriod.Week, At(2026, 3, 2), 0));

        Assert.Equal(24, result.Members[0].Periods.Single().CapacityHours, Tolerance);
        Assert.Equal(16, result.Members[1].Periods.Single().CapacityHours, Tolerance);
    }

    [Fact]
    public void FollowUp_SpreadFromTodayToDueDate_InProportionToCapacity()
    {
        // Today Monday, 5 hours due Friday; Wednesday is leave, so Mon, Tue, Thu, Fri get 1.25 h each.
        var inputs = new WorkloadInputs
        {
            Policy = Policy,
            Effort = NoOverhead,
            Members = [Member()],
            Leave = [new LeaveInput(1, Monday.AddDays(2), Monday.AddDays(2))],
            FollowUps = [new FollowUpInput(1, Utc(2026, 3, 6, 17), 5, FollowUpPriority.Normal, FollowUpStatus.Open)],
        };

        var days = WorkloadScorer.Score(inputs, Days(Monday, Monday.AddDays(6), At(2026, 3, 2, 10))).Members[0];

        Assert.Equal([1.25, 1.25, 0, 1.25, 1.25, 0, 0], days.Periods.Select(p => Math.Round(p.Load.FollowUps, 9)));
    }

    [Fact]
    public void FollowUp_OverdueOrWithoutCapacityBeforeDue_LandsOnFirstWorkingDayFromToday()
    {
        var saturday = Monday.AddDays(5);
        var inputs = new WorkloadInputs
        {
            Policy = Policy,
            Effort = NoOverhead,
            Members = [Member()],
            FollowUps =
            [
                // Overdue since Thursday, no estimate, high priority: 1 h by default.
                new FollowUpInput(1, Utc(2026, 3, 5), 0, FollowUpPriority.High, FollowUpStatus.Open),
                // Due Sunday; from Saturday there is no working day before it.
                new FollowUpInput(1, Utc(2026, 3, 8, 12), 2, FollowUpPriority.Normal, FollowUpStatus.Open),
                new FollowUpInput(1, Utc(2026, 3, 9), 7, FollowUpPriority.Normal, FollowUpStatus.Cancelled),
            ],
        };

        var days = WorkloadScorer.Score(inputs, Days(saturday, saturday.AddDays(2), At(2026, 3, 7, 11))).Members[0];

        Assert.Equal([0, 0, 3], days.Periods.Select(p => Math.Round(p.Load.FollowUps, 9)));
    }

    [Fact]
    public void FollowUp_Done_CountsOnTheDayItWasCompleted()
    {
        var inputs = new WorkloadInputs
        {
            Policy = Policy,
            Effort = NoOverhead,
            Members = [Member()],
            FollowUps = [new FollowUpInput(1, Utc(2026, 3, 10), 1.5, FollowUpPriority.Normal, FollowUpStatus.Done, Utc(2026, 3, 3, 23))],
        };

        var days = WorkloadScorer.Score(inputs, Days(Monday, Monday.AddDays(4), At(2026, 3, 9))).Members[0];

        Assert.Equal(1.5, days.On(Monday.AddDays(1)).Load.FollowUps, Tolerance);
        Assert.Equal(1.5, days.Periods.Sum(p => p.Load.FollowUps), Tolerance);
    }

    [Fact]
    public void Deal_WeeklyHoursByStage_SpreadOverTheWeeksCapacity()
    {
        // 40 % stage: 0.5 + 0.025 × 40 = 1.5 h a week. Wednesday is a holiday: 1.5 h over 4 days.
        // A stage with its own hours (stage 9: 4 h) overrides the rule.
        var inputs = new WorkloadInputs
        {
            Policy = Policy,
            Effort = NoOverhead with { DealHoursPerWeekByStage = new Dictionary<long, double> { [9] = 4 } },
            Calendar = [new CalendarException(Monday.AddDays(2), CalendarDayKind.Holiday)],
            Members = [Member()],
            Deals = [new DealInput(1, 3, 40, Utc(2026, 1, 5)), new DealInput(1, 9, 10, Utc(2026, 1, 5))],
        };

        var days = WorkloadScorer.Score(inputs, Days(Monday, Monday.AddDays(6), At(2026, 3, 2))).Members[0];

        Assert.Equal([1.375, 1.375, 0, 1.375, 1.375, 0, 0], days.Periods.Select(p => Math.Round(p.Load.Deals, 9)));
    }

    [Fact]
    public void Deal_CreatedMidWeek_CountsFromItsFirstDay()
    {
        var inputs = new WorkloadInputs
        {
            Policy = Policy,
            Effort = NoOverhead,
            Members = [Member()],
            Deals = [new DealInput(1, 3, 40, Utc(2026, 3, 5))],
        };

        var week = WorkloadScorer.Score(inputs, new WorkloadRequest(Monday, Monday, WorkloadPeriod.Week, At(2026, 3, 2), 0)).Members[0].Periods.Single();

        Assert.Equal(1.5 * 2 / 5, week.Load.Deals, Tolerance);
    }

    [Fact]
    public void Account_MonthlyHoursByTier_SpreadOverTheMonthsCapacity()
    {
        // March 2026 has 22 working days; an A account (3 h) and a D account (0.1 h).
        var inputs = new WorkloadInputs
        {
            Policy = Policy,
            Effort = NoOverhead,
            Members = [Member()],
            Accounts = [new AccountInput(1, AccountTier.A, Utc(2025, 1, 1)), new AccountInput(1, AccountTier.D, Utc(2025, 1, 1))],
        };

        var month = WorkloadScorer.Score(inputs, new WorkloadRequest(Monday, Monday, WorkloadPeriod.Month, At(2026, 3, 2), 0)).Members[0].Periods.Single();
        var day = WorkloadScorer.Score(inputs, Days(Monday, Monday, At(2026, 3, 2))).Members[0].Periods.Single();

        Assert.Equal(new DateOnly(2026, 3, 1), month.Start);
        Assert.Equal(176, month.CapacityHours, Tolerance);
        Assert.Equal(3.1, month.Load.Accounts, Tolerance);
        Assert.Equal(3.1 / 22, day.Load.Accounts, Tolerance);
    }

    [Fact]
    public void CountedRows_WeighAsMuchAsTheRowsTheyStandFor()
    {
        var created = Utc(2025, 1, 1);
        WorkloadInputs Inputs(AccountInput[] accounts, DealInput[] deals) => new()
        {
            Policy = Policy, Effort = NoOverhead, Members = [Member()], Accounts = accounts, Deals = deals,
        };
        var rows = Inputs(
            [new AccountInput(1, AccountTier.B, created), new AccountInput(1, AccountTier.B, created), new AccountInput(1, AccountTier.B, created)],
            [new DealInput(1, 3, 40, created), new DealInput(1, 3, 40, created)]);
        var counted = Inputs([new AccountInput(1, AccountTier.B, created, Count: 3)], [new DealInput(1, 3, 40, created, Count: 2)]);
        var request = new WorkloadRequest(Monday, Monday.AddDays(13), WorkloadPeriod.Week, At(2026, 3, 2), 0);

        var expected = WorkloadScorer.Score(rows, request).Members[0].Periods;
        var actual = WorkloadScorer.Score(counted, request).Members[0].Periods;

        Assert.Equal(expected.Select(p => (p.Load.Accounts, p.Load.Deals)), actual.Select(p => (p.Load.Accounts, p.Load.Deals)));
        Assert.True(actual[0].Load.Accounts > 0 && actual[0].Load.Deals > 0);
    }

    [Fact]
    public void MeetingsAndVisits_CountDurationPlusTravel_AndActualIsLoggedTime()
    {
        var inputs = new WorkloadInputs
        {
            Policy = Policy,
            Effort = NoOverhead,
            Members = [Member()],
            Activity = [new ActivityDay(1, Monday, ActualMinutes: 150, MeetingMinutes: 60, Meetings: 1, VisitMinutes: 180, Visits: 2)],
        };

        var day = WorkloadScorer.Score(inputs, Days(Monday, Monday, At(2026, 3, 2))).Members[0].Periods.Single();

        Assert.Equal(1 + 3 + 2 * 1, day.Load.Meetings, Tolerance);
        Assert.Equal(2.5, day.ActualHours, Tolerance);
        Assert.Equal(2.5 / 8, day.ActualUtilization!.Value, Tolerance);
    }

    [Fact]
    public void Overhead_IsItsShareOfCapacity()
    {
        var inputs = new WorkloadInputs { Policy = Policy, Members = [Member()] };

        var week = WorkloadScorer.Score(inputs, new WorkloadRequest(Monday, Monday, WorkloadPeriod.Week, At(2026, 3, 2), 0)).Members[0].Periods.Single();

        Assert.Equal(6, week.Load.Overhead, Tolerance);
        Assert.Equal(0.15, week.Utilization!.Value, Tolerance);
        Assert.Equal(WorkloadBand.Under, week.Band);
    }

    [Fact]
    public void Trend_ComparesWithTheMeanOfEarlierPeriods()
    {
        // Done follow-ups of 20 h and 30 h in the two weeks before; 46 h planned this week.
        var inputs = new WorkloadInputs
        {
            Policy = Policy,
            Effort = NoOverhead,
            Members = [Member()],
            FollowUps =
            [
                new FollowUpInput(1, Utc(2026, 2, 17), 20, FollowUpPriority.Normal, FollowUpStatus.Done, Utc(2026, 2, 17)),
                new FollowUpInput(1, Utc(2026, 2, 24), 30, FollowUpPriority.Normal, FollowUpStatus.Done, Utc(2026, 2, 24)),
                new FollowUpInput(1, Utc(2026, 3, 6), 46, FollowUpPriority.Normal, FollowUpStatus.Open),
            ],
        };

        var week = WorkloadScorer.Score(inputs, new WorkloadRequest(Monday, Monday, WorkloadPeriod.Week, At(2026, 3, 2), 2)).Members[0].Periods.Single();

        Assert.Equal(1.15, week.Utilization!.Value, Tolerance);
        Assert.Equal(WorkloadBand.Stretched, week.Band);
        Assert.Equal(1.15 - 0.625, week.Trend!.Value, Tolerance);
    }

    [Fact]
    public void Team_Distribution_MinMedianMaxAndCoefficientOfVariation()
    {
        var inputs = new WorkloadInputs
        {
            Policy = Policy,
            Effort = NoOverhead,
            Members = [Member(1), Member(2), Member(3), Member(4)],
            Leave = [new LeaveInput(4, Monday, Monday.AddDays(6))],
            FollowUps =
            [
                new FollowUpInput(1, Utc(2026, 3, 6), 20, FollowUpPriority.Normal, FollowUpStatus.Open),
                new FollowUpInput(2, Utc(2026, 3, 6), 40, FollowUpPriority.Normal, FollowUpStatus.Open),
                new FollowUpInput(3, Utc(2026, 3, 6), 60, FollowUpPriority.Normal, FollowUpStatus.Open),
            ],
        };

        var result = WorkloadScorer.Score(inputs, new WorkloadRequest(Monday, Monday, WorkloadPeriod.Week, At(2026, 3, 2), 0));

        var team = Assert.Single(result.Team);
        Assert.Equal(3, team.Members);
        Assert.Equal(0.5, team.Min!.Value, Tolerance);
        Assert.Equal(1.0, team.Median!.Value, Tolerance);
        Assert.Equal(1.5, team.Max!.Value, Tolerance);
        Assert.Equal(Math.Sqrt(1.0 / 6), team.CoefficientOfVariation!.Value, Tolerance);
        Assert.Equal(
            [WorkloadBand.Under, WorkloadBand.Healthy, WorkloadBand.Overloaded, WorkloadBand.NoCapacity],
            result.Members.Select(m => m.Periods.Single().Band));
    }

    [Fact]
    public void Score_RangeEndingBeforeItStarts_Throws() =>
        Assert.Throws<ArgumentException>(() => WorkloadScorer.Score(
            new WorkloadInputs { Policy = Policy, Members = [] },
            new WorkloadRequest(Monday, Monday.AddDays(-1), WorkloadPeriod.Day, At(2026, 3, 2))));

    [Fact]
    public void EffortModel_RoundTripsThroughItsStoredForm_AndMissingSettingsKeepDefaults()
    {
        var stored = new OrganizationEffortModel();
        var edited = EffortModel.Default with
        {
            VisitTravelHours = 1.5,
            DealHoursPerWeekByStage = new Dictionary<long, double> { [7] = 3 },
            Bands = new BandThresholds(0.6, 1.0, 1.2),
        };

        stored.Write(edited);
        var read = stored.Read();

        Assert.Equal(1.5, read.VisitTravelHours);
        Assert.Equal(3, read.DealHoursPerWeek(7, 10));
        Assert.Equal(new BandThresholds(0.6, 1.0, 1.2), read.Bands);
        Assert.Equal(EffortModel.Default.OverheadShare, new OrganizationEffortModel { Settings = """{"visitTravelHours":2}""" }.Read().OverheadShare);
    }
}
