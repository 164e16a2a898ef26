namespace Headroom.Goals;

// Where a goal stands part way through its period. Cumulative metrics (money, counts) are expected
// to grow in step with the working days gone: expected by now = target × elapsed share, linear
// projection = actual ÷ elapsed share, pipeline projection = actual + the weighted open pipeline
// expected to close in the period. Ratios (win rate, cycle, CSAT, NPS) are read as they stand.
//
// Status: on track when the linear projection reaches the target; at risk when it reaches 85 % of
// it, or the pipeline projection reaches the target; off track otherwise. Before the first
// working day a goal is on track; after the last, it is on track only if reached. A ratio within
// 5 % of its target is at risk; one with no data yet has no status.
public static class GoalPacer
{
    public const decimal AtRiskShare = 0.85m;
    public const decimal RatioTolerance = 0.05m;

    public static GoalPace Pace(PaceInputs inputs)
    {
        var target = inputs.Target;
        var elapsed = inputs.WorkingDaysTotal <= 0 ? (inputs.Ended ? 1m : 0m)
            : Math.Clamp((decimal)inputs.WorkingDaysElapsed / (decimal)inputs.WorkingDaysTotal, 0m, 1m);
        if (inputs.Ended)
        {
            elapsed = 1m;
        }
        if (inputs.Actual is not { } actual)
        {
            return new GoalPace(null, null, null, null, null, elapsed, PaceStatus.NoData);
        }
        decimal? progress = target == 0 ? null : Math.Round((decimal)actual / target, 4, MidpointRounding.AwayFromZero);
        if (!inputs.Metric.Cumulative)
        {
            var meets = inputs.Metric.LowerIsBetter ? actual <= target : actual >= target;
            var close = Math.Abs(actual - target) <= Math.Abs(target) * RatioTolerance;
            var status = meets ? PaceStatus.OnTrack : close && !inputs.Ended ? PaceStatus.AtRisk : PaceStatus.OffTrack;
            return new GoalPace(actual, progress, target, actual, null, elapsed, status);
        }
        var expected = Round(target * elapsed);
        long? linear = elapsed == 0 ? null : Round(actual / elapsed);
        long? pipeline = inputs.WeightedPipeline is { } open && !inputs.Ended ? actual + open : null;
        PaceStatus pace;
        if (actual >= target)
        {
            pace = PaceStatus.OnTrack;
        }
        else if (inputs.Ended)
        {
            pace = PaceStatus.OffTrack;
        }
        else if (elapsed == 0 || linear >= target)
        {
            pace = PaceStatus.OnTrack;
        }
        else if (linear >= target * AtRiskShare || pipeline >= target)
        {
            pace = PaceStatus.AtRisk;
        }
        else
        {
            pace = PaceStatus.OffTrack;
        }
        return new GoalPace(actual, progress, expected, linear, pipeline, elapsed, pace);
    }

    // Working days (days with capacity in the organization's calendar) in the period, and those
    // up to and including today.
    public static (int Total, int Elapsed) WorkingDays(IReadOnlyList<bool> workingDayFlags, DateOnly start, DateOnly today)
    {
        var total = workingDayFlags.Count(w => w);
        var elapsed = 0;
        for (var i = 0; i < workingDayFlags.Count && start.AddDays(i) <= today; i++)
        {
            elapsed += workingDayFlags[i] ? 1 : 0;
        }
        return (total, elapsed);
    }

    private static long Round(decimal value) => (long)Math.Round(value, MidpointRounding.AwayFromZero);
}

public sealed record PaceInputs(GoalMetricInfo Metric, long Target, long? Actual, double WorkingDaysTotal, double WorkingDaysElapsed, bool Ended, long? WeightedPipeline = null);

// Progress is actual ÷ target; Elapsed the share of working days gone (0–1).
public sealed record GoalPace(long? Actual, decimal? Progress, long? ExpectedByNow, long? LinearProjection, long? PipelineProjection, decimal Elapsed, PaceStatus Status);

public enum PaceStatus
{
    OnTrack = 0,
    AtRisk = 1,
    OffTrack = 2,
    NoData = 3,
}
