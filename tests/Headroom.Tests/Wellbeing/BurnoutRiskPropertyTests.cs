using CsCheck;
using Headroom.Organizations;
using Headroom.Wellbeing;
using Headroom.Workload;
using static Headroom.Tests.Workload.WorkloadFixture;

namespace Headroom.Tests.Wellbeing;

// Properties over generated inputs; CsCheck prints the seed of a failing case (CsCheck_Seed replays it).
public sealed class BurnoutRiskPropertyTests
{
    private static readonly DateOnly AsOf = new(2026, 2, 28);
    private static readonly DateOnly First = AsOf.AddDays(1 - BurnoutRiskScorer.WindowDays);

    private static readonly IReadOnlyList<CalendarException> China =
        [.. HolidayCalendars.Load(HolidayCalendars.China, "en").Select(d => new CalendarException(d.Date, d.Kind))];

    private static readonly Gen<ActivityHour> HourGen =
        Gen.Select(Gen.Int[-3, 27], Gen.Int[0, 23], Gen.Int[1, 240], (day, hour, minutes) => new ActivityHour(1, First.AddDays(day), hour, minutes));

    private static readonly Gen<WellbeingInputs> InputsGen =
        Gen.Select(
            Gen.Double[8, 48],
            HourGen.Array[0, 40],
            Gen.Select(Gen.Int[-300, 27], Gen.Int[0, 6]).Array[0, 3],
            Gen.Select(Gen.Int[-5, 27], Gen.Int[1, 5], Gen.Int[1, 5]).Array[0, 4],
            (weekly, activity, leave, pulse) => new WellbeingInputs
            {
                Policy = Policy,
                Calendar = China,
                Members = [Member(1, weekly)],
                Activity = activity,
                Leave = [.. leave.Select(l => new LeaveInput(1, First.AddDays(l.Item1), First.AddDays(l.Item1 + l.Item2)))],
                Pulse = [.. pulse.Select(p => new PulseInput(1, First.AddDays(p.Item1), p.Item2, p.Item3))],
            });

    [Fact]
    public void Score_IsTheSumOfItsFactors_Within0To100()
    {
        InputsGen.Sample(inputs =>
        {
            var risk = BurnoutRiskScorer.Score(inputs, AsOf).Single();
            Assert.InRange(risk.Score, 0, 100);
            Assert.Equal(risk.Factors.Sum(f => f.Points), risk.Score);
            Assert.All(risk.Factors, f => Assert.True(f.Points > 0));
        }, iter: 200, threads: 1);
    }

    [Fact]
    public void Risk_IsMonotoneInAfterHoursActivity()
    {
        // More minutes at 22:00 on a working day never lowers the score or the after-hours hours.
        InputsGen.Select(Gen.Int[0, 27], Gen.Int[1, 600]).Sample((inputs, day, minutes) =>
        {
            var date = First.AddDays(day);
            var before = BurnoutRiskScorer.Score(inputs, AsOf).Single();
            var after = BurnoutRiskScorer.Score(inputs with { Activity = [.. inputs.Activity, new ActivityHour(1, date, 22, minutes)] }, AsOf).Single();
            Assert.True(after.Score >= before.Score, $"{before.Score} -> {after.Score}");
            Assert.True(AfterHours(after) >= AfterHours(before));
        }, iter: 200, threads: 1);
    }

    [Fact]
    public void NoActivity_OnlyLeaveAndPulseFactors()
    {
        InputsGen.Sample(inputs =>
        {
            var risk = BurnoutRiskScorer.Score(inputs with { Activity = [] }, AsOf).Single();
            Assert.All(risk.Factors, f => Assert.Contains(f.Kind, new[] { RiskFactorKind.SinceLeave, RiskFactorKind.LowEnergy, RiskFactorKind.HighStress }));
        }, iter: 200, threads: 1);
    }

    [Fact]
    public void TimeZones_TheSameLocalTimesScoreTheSameInEveryZone()
    {
        // Activity logged at the same local times scores the same whatever the member's zone (no
        // daylight-saving change falls in February, so every local time exists once).
        string[] names = ["Asia/Shanghai", "America/New_York", "Europe/Berlin", "Asia/Kolkata", "Pacific/Auckland"];
        var zones = Gen.Int[0, names.Length - 1].Select(i => names[i]);
        var local = Gen.Select(Gen.Int[0, 27], Gen.Int[0, 23], Gen.Int[1, 180]).Array[0, 30];
        Gen.Select(zones, local).Sample((zone, log) =>
        {
            IReadOnlyList<MemberInput> home = [Member(1)];
            IReadOnlyList<MemberInput> away = [Member(1, zone: zone)];
            var tz = TimeZoneInfo.FindSystemTimeZoneById(zone);
            var inShanghai = ActivityHours.FromLog(log.Select(a => (1L, TimeZoneInfo.ConvertTimeToUtc(First.AddDays(a.Item1).ToDateTime(new TimeOnly(a.Item2, 0)), Shanghai), a.Item3)), home, "Asia/Shanghai");
            var inZone = ActivityHours.FromLog(log.Select(a => (1L, TimeZoneInfo.ConvertTimeToUtc(First.AddDays(a.Item1).ToDateTime(new TimeOnly(a.Item2, 0)), tz), a.Item3)), away, "Asia/Shanghai");
            var a = BurnoutRiskScorer.Score(new WellbeingInputs { Policy = Policy, Calendar = China, Members = home, Activity = inShanghai }, AsOf).Single();
            var b = BurnoutRiskScorer.Score(new WellbeingInputs { Policy = Policy, Calendar = China, Members = away, Activity = inZone }, AsOf).Single();
            Assert.Equal(a.Factors.Select(f => (f.Kind, f.Value, f.Points)), b.Factors.Select(f => (f.Kind, f.Value, f.Points)));
        }, iter: 100, threads: 1);
    }

    private static double AfterHours(BurnoutRisk risk) => risk.Factors.SingleOrDefault(f => f.Kind == RiskFactorKind.AfterHours)?.Value ?? 0;
}
