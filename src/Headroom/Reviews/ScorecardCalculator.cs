using Headroom.Goals;

namespace Headroom.Reviews;

// Scores a scorecard (docs/decisions/0026-scorecards-and-review-cycles.md). Pure: numbers in, numbers out.
//
// - A KPI scores actual ÷ target × 100, capped at 100 (beating the target earns no extra points, so one
//   outsized deal cannot hide every other line). For a metric where lower is better (the sales cycle)
//   it is target ÷ actual × 100, and an actual of 0 scores 100. A KPI with no target, a target of 0 or
//   less, or no actual (a win rate with no closed deals) is not scored.
// - The KPI part is the weighted average of the KPIs that are scored; the competency part the weighted
//   average of the ratings given (1–5), scaled to 100 (rating × 20).
// - Overall = (KPI weight × KPI part + competency weight × competency part) ÷ (sum of those weights):
//   with every line scored that is the plain weighted sum, as the weights add up to 100. A part with
//   nothing scored is left out and the other carries the overall; with neither there is no score.
// Scores are rounded half away from zero to one decimal, only at the end.
public static class ScorecardCalculator
{
    public const int WeightTotal = 100;
    public const int MinRating = 1;
    public const int MaxRating = 5;

    public static decimal? KpiScore(long? actual, long? target, bool lowerIsBetter)
    {
        if (actual is not { } a || target is not { } t || t <= 0)
        {
            return null;
        }
        decimal raw;
        if (lowerIsBetter)
        {
            raw = a <= 0 ? 100m : (decimal)t / a * 100m;
        }
        else
        {
            raw = a <= 0 ? 0m : (decimal)a / t * 100m;
        }
        return Math.Min(100m, raw);
    }

    public static ScorecardScore Score(
        IReadOnlyList<ScorecardItem> items, IReadOnlyDictionary<int, KpiMeasure> kpis, IReadOnlyDictionary<int, int?> ratings)
    {
        var lines = new List<KpiResult>();
        decimal kpiWeighted = 0, kpiWeights = 0, kpiPartWeight = 0;
        decimal ratedWeighted = 0, ratedWeights = 0, competencyPartWeight = 0;
        foreach (var item in items)
        {
            if (item.Kind == ScorecardItemKind.Kpi)
            {
                kpiPartWeight += item.Weight;
                kpis.TryGetValue(item.Id, out var measure);
                var lowerIsBetter = item.Metric is { } metric && GoalMetrics.Of(metric).LowerIsBetter;
                var score = KpiScore(measure?.Actual, measure?.Target, lowerIsBetter);
                lines.Add(new KpiResult
                {
                    ItemId = item.Id, Actual = measure?.Actual, Target = measure?.Target, TargetFromGoal = measure?.TargetFromGoal ?? false,
                    Score = score is { } s ? Round(s) : null,
                });
                if (score is { } scored)
                {
                    kpiWeighted += item.Weight * scored;
                    kpiWeights += item.Weight;
                }
            }
            else
            {
                competencyPartWeight += item.Weight;
                if (ratings.TryGetValue(item.Id, out var rating) && rating is { } r and >= MinRating and <= MaxRating)
                {
                    ratedWeighted += item.Weight * r * 20m;
                    ratedWeights += item.Weight;
                }
            }
        }
        decimal? kpiPart = kpiWeights == 0 ? null : kpiWeighted / kpiWeights;
        decimal? competencyPart = ratedWeights == 0 ? null : ratedWeighted / ratedWeights;
        decimal overallWeighted = 0, overallWeights = 0;
        if (kpiPart is { } k && kpiPartWeight > 0)
        {
            overallWeighted += kpiPartWeight * k;
            overallWeights += kpiPartWeight;
        }
        if (competencyPart is { } c && competencyPartWeight > 0)
        {
            overallWeighted += competencyPartWeight * c;
            overallWeights += competencyPartWeight;
        }
        decimal? overall = overallWeights == 0 ? null : overallWeighted / overallWeights;
        return new ScorecardScore(lines, Round(kpiPart), Round(competencyPart), Round(overall));
    }

    // What the weights add up to; a valid scorecard's add up to WeightTotal.
    public static int WeightSum(IEnumerable<ScorecardItem> items) => items.Sum(i => i.Weight);

    private static decimal Round(decimal value) => Math.Round(value, 1, MidpointRounding.AwayFromZero);

    private static decimal? Round(decimal? value) => value is { } v ? Round(v) : null;
}

// What the data says about one KPI for one member: actual and target in the metric's unit.
public sealed record KpiMeasure(long? Actual, long? Target, bool TargetFromGoal);

public sealed record ScorecardScore(IReadOnlyList<KpiResult> Kpis, decimal? KpiScore, decimal? CompetencyScore, decimal? OverallScore);
