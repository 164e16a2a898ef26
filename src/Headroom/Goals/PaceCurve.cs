namespace Headroom.Goals;

// A cumulative goal's pace as lines over its period, for a chart: the actual to date, what was
// expected by each day (the target spread over the organization's working days, the curve
// GoalPacer's "expected by now" reads at today), the linear projection (today's actual carried on
// at the same rate per working day) and the pipeline projection (today's actual plus the weighted
// open pipeline, closing evenly over the working days left), and the target. Both projections
// start at today and end at GoalPacer's figures. Long periods are sampled (every few days, and
// always today and the last day) so a year is not 365 points.
public static class PaceCurve
{
    public const int MaxPoints = 62;

    // The days a curve is drawn at: every day of a short period, else every k-th from the first,
    // with today and the last day always in.
    public static IReadOnlyList<DateOnly> SampleDays(DateOnly start, DateOnly end, DateOnly today, int maxPoints = MaxPoints)
    {
        var length = end.DayNumber - start.DayNumber + 1;
        var step = Math.Max(1, (length + maxPoints - 1) / maxPoints);
        var days = new SortedSet<DateOnly>();
        for (var day = start; day <= end; day = day.AddDays(step))
        {
            days.Add(day);
        }
        days.Add(end);
        if (today >= start && today <= end)
        {
            days.Add(today);
        }
        return [.. days];
    }

    // actualUpTo: the cumulative actual at each sample day up to today (as many as there are
    // such days); workingDays: one flag per day of the period.
    public static IReadOnlyList<PacePoint> Build(
        IReadOnlyList<DateOnly> days, IReadOnlyList<long> actualUpTo, IReadOnlyList<bool> workingDays, DateOnly start, DateOnly today,
        long target, long? weightedPipeline)
    {
        var total = workingDays.Count(w => w);
        var elapsedBy = new int[workingDays.Count];
        for (int i = 0, run = 0; i < workingDays.Count; i++)
        {
            run += workingDays[i] ? 1 : 0;
            elapsedBy[i] = run;
        }
        decimal Share(DateOnly day)
        {
            var index = day.DayNumber - start.DayNumber;
            if (total <= 0 || index < 0)
            {
                return 0;
            }
            return (decimal)elapsedBy[Math.Min(index, elapsedBy.Length - 1)] / total;
        }
        var end = start.AddDays(workingDays.Count - 1);
        var ended = today > end;
        var nowShare = Share(today);
        var now = actualUpTo.Count > 0 ? actualUpTo[^1] : 0;
        var points = new List<PacePoint>(days.Count);
        for (var i = 0; i < days.Count; i++)
        {
            var day = days[i];
            var share = Share(day);
            long? actual = i < actualUpTo.Count ? actualUpTo[i] : null;
            long? linear = null, pipeline = null;
            if (!ended && day >= today)
            {
                linear = nowShare == 0 ? null : Round(now / nowShare * share);
                if (weightedPipeline is { } open)
                {
                    pipeline = nowShare >= 1 ? now + open : Round(now + open * Math.Max(0, share - nowShare) / (1 - nowShare));
                }
            }
            points.Add(new PacePoint(day, actual, Round(target * share), linear, pipeline, target));
        }
        return points;
    }

    private static long Round(decimal value) => (long)Math.Round(value, MidpointRounding.AwayFromZero);
}

// One day of the curve: Actual is null after today, the projections before it (and once the
// period has ended).
public sealed record PacePoint(DateOnly Day, long? Actual, long Expected, long? Linear, long? Pipeline, long Target);
