using Headroom.Goals;

namespace Headroom.Tests.Goals;

public class GoalCascadeTests
{
    private static readonly GoalMetricInfo Revenue = GoalMetrics.Of(GoalMetric.WonRevenue);

    [Fact]
    public void Even_SplitsTheRemainderToTheFirstChildren_AndSumsExactly()
    {
        var result = GoalCascade.Split(100, CascadeMethod.Even, [new(1, 0), new(2, 0), new(3, 0)]);
        Assert.Equal([34L, 33, 33], result.Parts.Select(p => p.Target));
        Assert.False(result.FellBackToEven);
    }

    [Fact]
    public void Capacity_SplitsInProportion_LargestRemaindersGetTheLeftOverUnits()
    {
        // 1,000,000 by 160 h, 120 h, 40 h (320 h): 500,000 / 375,000 / 125,000 exactly.
        var exact = GoalCascade.Split(1_000_000, CascadeMethod.Capacity, [new(1, 160), new(2, 120), new(3, 40)]);
        Assert.Equal([500_000L, 375_000, 125_000], exact.Parts.Select(p => p.Target));

        // 100 by 2, 3, 5.5: 19.047, 28.571, 52.380 -> floors 19, 28, 52 (99); largest remainder .571 gets it.
        var rounded = GoalCascade.Split(100, CascadeMethod.Capacity, [new(1, 2), new(2, 3), new(3, 5.5)]);
        Assert.Equal([19L, 29, 52], rounded.Parts.Select(p => p.Target));
        Assert.Equal(100, rounded.Parts.Sum(p => p.Target));
    }

    [Fact]
    public void Capacity_AChildWithNoCapacityGetsNothing_AndNobodyWithCapacityFallsBackToEven()
    {
        var one = GoalCascade.Split(90, CascadeMethod.Capacity, [new(1, 0), new(2, 80), new(3, 40)]);
        Assert.Equal([0L, 60, 30], one.Parts.Select(p => p.Target));
        var none = GoalCascade.Split(90, CascadeMethod.Capacity, [new(1, 0), new(2, 0)]);
        Assert.Equal([45L, 45], none.Parts.Select(p => p.Target));
        Assert.True(none.FellBackToEven);
    }

    [Fact]
    public void LastPeriodShare_FollowsLastPeriodsActuals()
    {
        var result = GoalCascade.Split(1_200, CascadeMethod.LastPeriodShare, [new(7, 300), new(8, 100)]);
        Assert.Equal([900L, 300], result.Parts.Select(p => p.Target));
    }

    [Fact]
    public void NonAdditiveMetrics_GiveEveryChildTheParentsTarget()
    {
        var result = GoalCascade.Split(2_500, CascadeMethod.Capacity, [new(1, 10), new(2, 30)], additive: false);
        Assert.All(result.Parts, p => Assert.Equal(2_500, p.Target));
    }

    [Theory]
    [InlineData(new long[] { 50, 50 }, RollUpState.AddsUp, 0L)]
    [InlineData(new long[] { 50, 40 }, RollUpState.Short, -10L)]
    [InlineData(new long[] { 60, 50 }, RollUpState.Over, 10L)]
    public void RollUp_SaysWhetherChildrenAddUp(long[] children, RollUpState state, long difference)
    {
        var rollUp = GoalCascade.RollUp(100, children, Revenue);
        Assert.Equal(state, rollUp.State);
        Assert.Equal(difference, rollUp.Difference);
        Assert.Equal(children.Sum(), rollUp.ChildrenSum);
    }

    [Fact]
    public void RollUp_OfRatios_AsksThatEveryChildIsAtLeastAsGood()
    {
        var winRate = GoalMetrics.Of(GoalMetric.WinRate);
        Assert.Equal(RollUpState.Covers, GoalCascade.RollUp(3000, [3000, 3500], winRate).State);
        Assert.Equal(RollUpState.Short, GoalCascade.RollUp(3000, [2900, 3500], winRate).State);
        var cycle = GoalMetrics.Of(GoalMetric.AverageSalesCycle);
        Assert.Equal(RollUpState.Covers, GoalCascade.RollUp(300, [250, 300], cycle).State);
        Assert.Equal(RollUpState.NoChildren, GoalCascade.RollUp(100, [], Revenue).State);
    }

    [Fact]
    public void RampUp_ProRatesANewHiresCapacity()
    {
        var ramp = RampUpCurve.Default;
        var hired = new DateOnly(2026, 10, 15);
        Assert.Equal(0, ramp.Factor(hired, new DateOnly(2026, 10, 14)));
        Assert.Equal(0.25, ramp.Factor(hired, new DateOnly(2026, 11, 14)));
        Assert.Equal(0.5, ramp.Factor(hired, new DateOnly(2026, 11, 15)));
        Assert.Equal(0.75, ramp.Factor(hired, new DateOnly(2027, 1, 14)));
        Assert.Equal(1, ramp.Factor(hired, new DateOnly(2027, 1, 15)));
        Assert.Equal(1, ramp.Factor(null, new DateOnly(2027, 1, 15)));
        Assert.Equal([50, 100], RampUpCurve.Parse("50, 100").Percents);
        Assert.Throws<FormatException>(() => RampUpCurve.Parse("50,abc"));
    }

    [Fact]
    public void Capacity_OfANewHireOnLeave_IsProRatedByTheRampAndTheLeave()
    {
        // November 2026, Monday to Friday, 8 h: 21 working days. Hired 15 October: 25 % until
        // 14 November (10 working days), 50 % from the 15th (11 working days), on leave 23–27 November.
        var policy = new Headroom.Workload.WorkingTimePolicy(Headroom.Organizations.WorkingDays.MondayToFriday, 8, "Asia/Shanghai");
        var member = new Headroom.Workload.MemberInput(1, "New hire", 10, 40, HireDate: new DateOnly(2026, 10, 15));
        var (start, end) = (new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30));
        var plain = GoalCapacityQuery.Capacity(policy, [], [], RampUpCurve.Default, member, start, end);
        Assert.Equal((168.0, 10 * 8 * 0.25 + 11 * 8 * 0.5), (plain.Hours, plain.RampedHours));
        var onLeave = GoalCapacityQuery.Capacity(policy, [], [new(1, new DateOnly(2026, 11, 23), new DateOnly(2026, 11, 27))], RampUpCurve.Default, member, start, end);
        Assert.Equal((128.0, 10 * 8 * 0.25 + 6 * 8 * 0.5), (onLeave.Hours, onLeave.RampedHours));

        // Cascading 1,000 between them and a colleague with the full 168 h: by ramped hours 44 : 168.
        var split = GoalCascade.Split(1_000, CascadeMethod.Capacity, [new(1, onLeave.RampedHours), new(2, 168)]);
        Assert.Equal([208L, 792], split.Parts.Select(p => p.Target));
    }

    [Theory]
    [InlineData("2026-Q1", 4, "2026-04-01", "2026-06-30")]
    [InlineData("2026-Q4", 4, "2027-01-01", "2027-03-31")]
    [InlineData("FY2026", 4, "2026-04-01", "2027-03-31")]
    [InlineData("2026-02", 1, "2026-02-01", "2026-02-28")]
    [InlineData("2026-01-05..2026-01-20", 1, "2026-01-05", "2026-01-20")]
    public void Periods_ParseFiscalQuartersAndYears(string text, int fiscalStart, string start, string end)
    {
        var period = GoalPeriods.Parse(text, fiscalStart);
        Assert.NotNull(period);
        Assert.Equal(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), period.Value.Start);
        Assert.Equal(DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture), period.Value.End);
        Assert.Equal((DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture)),
            period.Value.Kind == GoalPeriodKind.Custom ? (period.Value.Start, period.Value.End)
                : GoalPeriods.Containing(period.Value.Kind, period.Value.Start.AddDays(10), fiscalStart));
    }
}
