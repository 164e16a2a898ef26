using Headroom.Goals;

namespace Headroom.Tests.Goals;

public class GoalPacerTests
{
    private static readonly GoalMetricInfo Revenue = GoalMetrics.Of(GoalMetric.WonRevenue);

    // 60 working days, 30 gone: half the period.
    private static GoalPace Half(long actual, long? pipeline = null) => GoalPacer.Pace(new PaceInputs(Revenue, 1_000, actual, 60, 30, Ended: false, pipeline));

    [Fact]
    public void OnTrack_WhenTheLinearProjectionReachesTheTarget()
    {
        var pace = Half(500);
        Assert.Equal(PaceStatus.OnTrack, pace.Status);
        Assert.Equal(500, pace.ExpectedByNow);
        Assert.Equal(1_000, pace.LinearProjection);
        Assert.Equal(0.5m, pace.Progress);
    }

    [Fact]
    public void AtRisk_WhenTheProjectionReaches85Percent_OrThePipelineCoversTheGap()
    {
        Assert.Equal(PaceStatus.AtRisk, Half(425).Status);
        var covered = Half(300, pipeline: 700);
        Assert.Equal(PaceStatus.AtRisk, covered.Status);
        Assert.Equal(1_000, covered.PipelineProjection);
        Assert.Equal(600, covered.LinearProjection);
    }

    [Fact]
    public void OffTrack_BelowBoth()
    {
        Assert.Equal(PaceStatus.OffTrack, Half(424).Status);
        Assert.Equal(PaceStatus.OffTrack, Half(300, pipeline: 699).Status);
    }

    [Fact]
    public void BeforeAndAfterThePeriod()
    {
        var before = GoalPacer.Pace(new PaceInputs(Revenue, 1_000, 0, 60, 0, Ended: false));
        Assert.Equal(PaceStatus.OnTrack, before.Status);
        Assert.Null(before.LinearProjection);
        Assert.Equal(PaceStatus.OffTrack, GoalPacer.Pace(new PaceInputs(Revenue, 1_000, 999, 60, 60, Ended: true)).Status);
        Assert.Equal(PaceStatus.OnTrack, GoalPacer.Pace(new PaceInputs(Revenue, 1_000, 1_000, 60, 60, Ended: true)).Status);
        // A period with no working days at all (zero capacity): reached or not, nothing to pro-rate.
        Assert.Equal(PaceStatus.OnTrack, GoalPacer.Pace(new PaceInputs(Revenue, 1_000, 0, 0, 0, Ended: false)).Status);
    }

    [Fact]
    public void Ratios_AreReadAsTheyStand_LowerIsBetterForTheCycle()
    {
        var winRate = GoalMetrics.Of(GoalMetric.WinRate);
        Assert.Equal(PaceStatus.OnTrack, GoalPacer.Pace(new PaceInputs(winRate, 3_000, 3_100, 60, 10, false)).Status);
        Assert.Equal(PaceStatus.AtRisk, GoalPacer.Pace(new PaceInputs(winRate, 3_000, 2_850, 60, 10, false)).Status);
        Assert.Equal(PaceStatus.OffTrack, GoalPacer.Pace(new PaceInputs(winRate, 3_000, 2_849, 60, 10, false)).Status);
        Assert.Equal(PaceStatus.NoData, GoalPacer.Pace(new PaceInputs(winRate, 3_000, null, 60, 10, false)).Status);
        var cycle = GoalMetrics.Of(GoalMetric.AverageSalesCycle);
        Assert.Equal(PaceStatus.OnTrack, GoalPacer.Pace(new PaceInputs(cycle, 300, 280, 60, 10, false)).Status);
        Assert.Equal(PaceStatus.OffTrack, GoalPacer.Pace(new PaceInputs(cycle, 300, 400, 60, 10, false)).Status);
    }

    [Fact]
    public void WorkingDays_CountsDaysWithCapacityUpToToday()
    {
        bool[] week = [true, true, true, true, true, false, false];
        var (total, elapsed) = GoalPacer.WorkingDays(week, new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 4));
        Assert.Equal((5, 3), (total, elapsed));
    }
}
