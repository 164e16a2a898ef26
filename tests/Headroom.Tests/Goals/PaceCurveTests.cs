using Headroom.Goals;

namespace Headroom.Tests.Goals;

public sealed class PaceCurveTests
{
    private static readonly DateOnly Start = new(2026, 11, 1);
    private static readonly GoalMetricInfo Revenue = GoalMetrics.Of(GoalMetric.WonRevenue);

    private static DateOnly Day(int n) => Start.AddDays(n - 1);

    [Fact]
    public void TenWorkingDays_FourGone_EndsAtThePacersProjections()
    {
        bool[] flags = [.. Enumerable.Repeat(true, 10)];
        var days = PaceCurve.SampleDays(Start, Day(10), Day(4));
        Assert.Equal(10, days.Count);

        var points = PaceCurve.Build(days, [0, 100, 100, 300], flags, Start, Day(4), 1000, 200);

        Assert.Equal([100L, 200, 300, 400, 500, 600, 700, 800, 900, 1000], points.Select(p => p.Expected));
        Assert.Equal([0L, 100, 100, 300, null, null, null, null, null, null], points.Select(p => p.Actual));
        Assert.Equal([null, null, null, 300L, 375, 450, 525, 600, 675, 750], points.Select(p => p.Linear));
        // 200 of weighted pipeline spread over the six working days left.
        Assert.Equal(400L, points[6].Pipeline);
        Assert.Equal(500L, points[^1].Pipeline);
        Assert.All(points, p => Assert.Equal(1000L, p.Target));

        var pace = GoalPacer.Pace(new PaceInputs(Revenue, 1000, 300, 10, 4, Ended: false, 200));
        Assert.Equal((pace.ExpectedByNow, pace.LinearProjection, pace.PipelineProjection), (points[3].Expected, points[^1].Linear, points[^1].Pipeline));
    }

    [Fact]
    public void Weekends_KeepTheExpectedLineFlat()
    {
        // Sunday 1 November: the weekend days carry no share of the target.
        var flags = Enumerable.Range(0, 7).Select(i => Day(i + 1).DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)).ToArray();
        var points = PaceCurve.Build(PaceCurve.SampleDays(Start, Day(7), Day(2)), [0, 50], flags, Start, Day(2), 500, null);
        Assert.Equal([0L, 100, 200, 300, 400, 500, 500], points.Select(p => p.Expected));
        Assert.All(points, p => Assert.Null(p.Pipeline));
        // 50 after one working day of five: 250 by the end.
        Assert.Equal(250L, points[^1].Linear);
    }

    [Fact]
    public void AYear_IsSampled_KeepingTodayAndTheLastDay()
    {
        var end = new DateOnly(2027, 10, 31);
        var today = new DateOnly(2027, 2, 17);
        var days = PaceCurve.SampleDays(Start, end, today);
        Assert.InRange(days.Count, 50, PaceCurve.MaxPoints + 2);
        Assert.Contains(today, days);
        Assert.Equal((Start, end), (days[0], days[^1]));
        Assert.Equal(days.Order(), days);
    }

    [Fact]
    public void AnEndedPeriod_HasNoProjections_AndOneNotStarted_ProjectsOnlyThePipeline()
    {
        bool[] flags = [.. Enumerable.Repeat(true, 5)];
        var ended = PaceCurve.Build(PaceCurve.SampleDays(Start, Day(5), Day(9)), [1, 2, 3, 4, 5], flags, Start, Day(9), 10, 7);
        Assert.All(ended, p => Assert.True(p.Linear is null && p.Pipeline is null));
        Assert.Equal(5L, ended[^1].Actual);

        var early = PaceCurve.Build(PaceCurve.SampleDays(Start, Day(5), Day(0)), [], flags, Start, Day(0), 10, 50);
        Assert.All(early, p => Assert.Null(p.Actual));
        Assert.All(early, p => Assert.Null(p.Linear));
        Assert.Equal(50L, early[^1].Pipeline);

        // No working day at all: nothing is expected, and no rate to carry on.
        var idle = PaceCurve.Build(PaceCurve.SampleDays(Start, Day(5), Day(3)), [0, 0, 4], [.. Enumerable.Repeat(false, 5)], Start, Day(3), 10, null);
        Assert.All(idle, p => Assert.Equal(0L, p.Expected));
        Assert.All(idle, p => Assert.Null(p.Linear));
    }
}
