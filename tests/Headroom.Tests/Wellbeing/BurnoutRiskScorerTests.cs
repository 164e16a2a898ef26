using Headroom.Organizations;
using Headroom.Wellbeing;
using Headroom.Workload;
using static Headroom.Tests.Workload.WorkloadFixture;

namespace Headroom.Tests.Wellbeing;

public sealed class BurnoutRiskScorerTests
{
    // Four clean weeks (no holidays in November): Monday 2 to Sunday 29 November 2026.
    private static readonly DateOnly AsOf = new(2026, 11, 29);
    private static readonly DateOnly Monday = new(2026, 11, 2);

    private static IReadOnlyList<CalendarException> China { get; } =
        [.. HolidayCalendars.Load(HolidayCalendars.China, "en").Select(d => new CalendarException(d.Date, d.Kind))];

    [Fact]
    public void Score_HandComputedMember_EveryFactorWithItsPoints()
    {
        var activity = new List<ActivityHour>();
        for (var week = 0; week < 4; week++)
        {
            for (var day = 0; day < 5; day++)
            {
                var date = Monday.AddDays(week * 7 + day);
                activity.Add(new ActivityHour(1, date, 10, 480));
                activity.Add(new ActivityHour(1, date, 20, 60));
            }
            activity.Add(new ActivityHour(1, Monday.AddDays(week * 7 + 5), 10, 120));
        }
        var inputs = new WellbeingInputs
        {
            Policy = Policy,
            Members = [Member(1)],
            Leave = [new LeaveInput(1, new DateOnly(2026, 8, 3), new DateOnly(2026, 8, 4)), new LeaveInput(1, new DateOnly(2026, 10, 9), new DateOnly(2026, 10, 9))],
            Activity = activity,
            Pulse = [new PulseInput(1, new DateOnly(2026, 11, 23), 2, 4)],
        };

        var risk = Assert.Single(BurnoutRiskScorer.Score(inputs, AsOf));

        // After hours 5 h/wk: (5-1)/8 × 20 = 10. Saturdays 2 h/wk: 2/5 × 15 = 6. Logged 47 h/wk
        // against 40: 7 over, (7-2)/8 × 20 = 12.5 → 13. Six days in a row: 0. The one-day leave in
        // October does not count, so 117 days since 4 August: (117-90)/90 × 15 = 4.5 → 5.
        // Energy 2: (3-2)/2 × 10 = 5; stress 4: 5.
        Assert.Equal(
            [
                (RiskFactorKind.Overtime, 7.0, 13),
                (RiskFactorKind.AfterHours, 5.0, 10),
                (RiskFactorKind.RestDays, 2.0, 6),
                (RiskFactorKind.SinceLeave, 117.0, 5),
                (RiskFactorKind.LowEnergy, 2.0, 5),
                (RiskFactorKind.HighStress, 4.0, 5),
            ],
            risk.Factors.Select(f => (f.Kind, f.Value, f.Points)));
        Assert.Equal(44, risk.Score);
        Assert.Equal("Wellbeing.Factor.AfterHours", risk.Factors[1].MessageKey);
        Assert.Equal([5.0], risk.Factors[1].Arguments);
    }

    [Fact]
    public void Score_AdjustedSaturdayIsAWorkingDay_HolidayIsARestDay()
    {
        // 28 February 2026 is a Saturday worked in exchange for the Spring Festival (调休上班);
        // 16 February is a holiday Monday.
        var asOf = new DateOnly(2026, 2, 28);
        var inputs = new WellbeingInputs
        {
            Policy = Policy,
            Calendar = China,
            Members = [Member(1)],
            Activity = [new ActivityHour(1, asOf, 10, 180), new ActivityHour(1, new DateOnly(2026, 2, 16), 10, 120)],
        };

        var risk = Assert.Single(BurnoutRiskScorer.Score(inputs, asOf));

        Assert.Equal(0.5, risk.Factors.Single(f => f.Kind == RiskFactorKind.RestDays).Value);
        Assert.DoesNotContain(risk.Factors, f => f.Kind == RiskFactorKind.AfterHours);
    }

    [Fact]
    public void Score_LongRunOfDays_AndLeaveInProgress()
    {
        // Active every day of the window: 28 in a row, 10 points. On leave today: 0 days since.
        var inputs = new WellbeingInputs
        {
            Policy = Policy,
            Members = [Member(1)],
            Leave = [new LeaveInput(1, AsOf.AddDays(-1), AsOf.AddDays(3))],
            Activity = [.. Enumerable.Range(0, 28).Select(i => new ActivityHour(1, Monday.AddDays(i), 11, 30))],
        };

        var risk = Assert.Single(BurnoutRiskScorer.Score(inputs, AsOf));

        var run = risk.Factors.Single(f => f.Kind == RiskFactorKind.ConsecutiveDays);
        Assert.Equal((28.0, 10), (run.Value, run.Points));
        Assert.DoesNotContain(risk.Factors, f => f.Kind == RiskFactorKind.SinceLeave);
    }

    [Fact]
    public void Score_NoLeaveOnRecord_CountsFromHireDateAtMostAYear()
    {
        var inputs = new WellbeingInputs
        {
            Policy = Policy,
            Members = [Member(1), new MemberInput(2, "New", 10, 40, HireDate: AsOf.AddDays(-30))],
        };

        var risks = BurnoutRiskScorer.Score(inputs, AsOf);

        Assert.Equal((365.0, 15), risks.Single(r => r.MemberId == 1).Factors.Select(f => (f.Value, f.Points)).Single());
        Assert.Equal(0, risks.Single(r => r.MemberId == 2).Score);
        Assert.Equal([1L, 2L], risks.Select(r => r.MemberId));
    }

    [Fact]
    public void ActivityHours_SameUtcInstant_LandsInEachMembersOwnWorkingDay()
    {
        // 01:00 UTC on Tuesday 10 November is 09:00 in Shanghai (working) and 20:00 on Monday in New York.
        var members = new[] { Member(1), Member(2, zone: "America/New_York") };
        var at = new DateTime(2026, 11, 10, 1, 0, 0, DateTimeKind.Utc);
        var hours = ActivityHours.FromLog([(1, at, 300), (2, at, 300)], members, "Asia/Shanghai");

        Assert.Equal([new ActivityHour(1, new DateOnly(2026, 11, 10), 9, 300), new ActivityHour(2, new DateOnly(2026, 11, 9), 20, 300)], hours);
        var risks = BurnoutRiskScorer.Score(new WellbeingInputs { Policy = Policy, Members = members, Activity = hours }, AsOf);
        Assert.DoesNotContain(risks.Single(r => r.MemberId == 1).Factors, f => f.Kind == RiskFactorKind.AfterHours);
        // 5 h in four weeks: 1.25 h a week after hours.
        Assert.Equal(1.3, risks.Single(r => r.MemberId == 2).Factors.Single(f => f.Kind == RiskFactorKind.AfterHours).Value);
    }
}
