namespace Headroom.Goals;

// The metric catalog: the unit a goal's target is kept in, whether the parts of an owner add up
// to the whole (revenue does, a win rate does not), and which way is better.
public static class GoalMetrics
{
    private static readonly Dictionary<GoalMetric, GoalMetricInfo> Catalog = new()
    {
        [GoalMetric.WonRevenue] = new(GoalMetric.WonRevenue, GoalUnit.MinorUnits, Additive: true, LowerIsBetter: false),
        [GoalMetric.DealsWon] = new(GoalMetric.DealsWon, GoalUnit.Count, Additive: true, LowerIsBetter: false),
        [GoalMetric.NewAccounts] = new(GoalMetric.NewAccounts, GoalUnit.Count, Additive: true, LowerIsBetter: false),
        [GoalMetric.Activities] = new(GoalMetric.Activities, GoalUnit.Count, Additive: true, LowerIsBetter: false),
        [GoalMetric.Visits] = new(GoalMetric.Visits, GoalUnit.Count, Additive: true, LowerIsBetter: false),
        [GoalMetric.WinRate] = new(GoalMetric.WinRate, GoalUnit.BasisPoints, Additive: false, LowerIsBetter: false),
        [GoalMetric.AverageSalesCycle] = new(GoalMetric.AverageSalesCycle, GoalUnit.TenthsOfDay, Additive: false, LowerIsBetter: true),
        [GoalMetric.AverageCsat] = new(GoalMetric.AverageCsat, GoalUnit.Hundredths, Additive: false, LowerIsBetter: false),
        [GoalMetric.Nps] = new(GoalMetric.Nps, GoalUnit.Tenths, Additive: false, LowerIsBetter: false),
        [GoalMetric.PipelineCreated] = new(GoalMetric.PipelineCreated, GoalUnit.MinorUnits, Additive: true, LowerIsBetter: false),
        [GoalMetric.Manual] = new(GoalMetric.Manual, GoalUnit.Number, Additive: true, LowerIsBetter: false),
    };

    public static IReadOnlyCollection<GoalMetricInfo> All => Catalog.Values;

    public static GoalMetricInfo Of(GoalMetric metric) => Catalog[metric];

    // Ratios have a range; counts and money only a floor.
    public static (long Min, long Max) RangeOf(GoalMetric metric) => Of(metric).Unit switch
    {
        GoalUnit.BasisPoints => (0, 10_000),
        GoalUnit.Hundredths => (100, 500),
        GoalUnit.Tenths => (-1000, 1000),
        _ => (0, long.MaxValue),
    };
}

public sealed record GoalMetricInfo(GoalMetric Metric, GoalUnit Unit, bool Additive, bool LowerIsBetter)
{
    // Whether the data can count it; a manual goal takes an entered value instead.
    public bool Computed => Metric != GoalMetric.Manual;

    // Money, counts and manual values accumulate over the period; ratios are read as they stand.
    public bool Cumulative => Additive;
}

public enum GoalUnit
{
    MinorUnits = 0,
    Count = 1,
    BasisPoints = 2,
    TenthsOfDay = 3,
    Hundredths = 4,
    Tenths = 5,
    Number = 6,
}
