namespace Headroom.Goals;

// Is a goal SMART? Specific (it says what, on which metric), measurable (the data can count it,
// or someone enters it), achievable (against the owner's own history and against their capacity),
// relevant (it serves a parent goal or a strategy) and time-bound (a period that is not over).
//
// Achievable, from history: the share of the owner's past periods that would have reached this
// target (HitRate), the growth it needs over their average (GrowthNeeded), and how they did on
// past targets (MedianPastAttainment). A target no past period reached that needs more than
// 30 % growth is flagged. From capacity: a revenue target becomes deals (÷ average deal size), the
// deals become opportunities (÷ win rate) and activities (× activities per won deal), and the
// activities hours (× hours per activity); more hours than the capacity left after overhead is
// flagged, and so is an owner with no capacity at all in the period. Pure; no clock (Today is given).
public static class SmartCheck
{
    public const decimal GrowthWarning = 0.30m;
    public const double DefaultOverheadShare = 0.15;

    public static SmartResult Check(SmartInputs inputs)
    {
        var findings = new List<SmartFinding>();
        var metric = GoalMetrics.Of(inputs.Metric);

        if (string.IsNullOrWhiteSpace(inputs.Description))
        {
            findings.Add(new(SmartCriterion.Specific, SmartIssue.NoDescription, SmartSeverity.Warning));
        }
        if (!metric.Computed)
        {
            findings.Add(new(SmartCriterion.Measurable, SmartIssue.ManualMetric, SmartSeverity.Info));
        }
        if (!inputs.HasParent && string.IsNullOrWhiteSpace(inputs.StrategyNote))
        {
            findings.Add(new(SmartCriterion.Relevant, SmartIssue.NoParentOrStrategy, SmartSeverity.Warning));
        }
        if (inputs.Start is null || inputs.End is null)
        {
            findings.Add(new(SmartCriterion.TimeBound, SmartIssue.NoPeriod, SmartSeverity.Warning));
        }
        else if (inputs.End < inputs.Today)
        {
            findings.Add(new(SmartCriterion.TimeBound, SmartIssue.PeriodOver, SmartSeverity.Warning));
        }

        var evidence = History(inputs, metric);
        if (evidence.PastPeriods == 0)
        {
            findings.Add(new(SmartCriterion.Achievable, SmartIssue.NoHistory, SmartSeverity.Info));
        }
        else if (evidence.HitRate == 0 && (!metric.Cumulative || (evidence.GrowthNeeded ?? decimal.MaxValue) > GrowthWarning))
        {
            findings.Add(new(SmartCriterion.Achievable, SmartIssue.AboveHistory, SmartSeverity.Warning, evidence.GrowthNeeded, evidence.Best));
        }
        evidence = Capacity(inputs, metric, evidence);
        if (evidence.AvailableHours is 0)
        {
            findings.Add(new(SmartCriterion.Achievable, SmartIssue.NoCapacity, SmartSeverity.Warning));
        }
        else if (evidence.RequiredHours > evidence.AvailableHours)
        {
            findings.Add(new(SmartCriterion.Achievable, SmartIssue.BeyondCapacity, SmartSeverity.Warning,
                (decimal)evidence.RequiredHours.Value, (decimal?)evidence.AvailableHours));
        }
        return new SmartResult(findings, evidence);
    }

    private static SmartEvidence History(SmartInputs inputs, GoalMetricInfo metric)
    {
        var past = inputs.History.Where(p => p.Actual is not null).ToList();
        if (past.Count == 0)
        {
            return new SmartEvidence { History = inputs.History };
        }
        var actuals = past.Select(p => p.Actual!.Value).ToList();
        var hits = actuals.Count(a => metric.LowerIsBetter ? a <= inputs.Target : a >= inputs.Target);
        var mean = (decimal)actuals.Average();
        decimal? growth = mean == 0 ? (inputs.Target > 0 ? null : 0) : Math.Round(inputs.Target / mean - 1, 4, MidpointRounding.AwayFromZero);
        var attainments = past.Where(p => p.Target is > 0).Select(p => (decimal)p.Actual!.Value / p.Target!.Value).Order().ToList();
        decimal? median = attainments.Count == 0 ? null
            : Math.Round(attainments.Count % 2 == 1 ? attainments[attainments.Count / 2]
                : (attainments[attainments.Count / 2 - 1] + attainments[attainments.Count / 2]) / 2, 4, MidpointRounding.AwayFromZero);
        return new SmartEvidence
        {
            History = inputs.History,
            PastPeriods = past.Count,
            HitRate = Math.Round((decimal)hits / past.Count, 4, MidpointRounding.AwayFromZero),
            // Null when nothing was reached before: any growth over zero is beyond the warning.
            GrowthNeeded = growth,
            Best = metric.LowerIsBetter ? actuals.Min() : actuals.Max(),
            MedianPastAttainment = median,
        };
    }

    private static SmartEvidence Capacity(SmartInputs inputs, GoalMetricInfo metric, SmartEvidence evidence)
    {
        if (!metric.Computed || !metric.Cumulative || inputs.Metric is GoalMetric.NewAccounts or GoalMetric.PipelineCreated || inputs.CapacityHours is not { } capacity)
        {
            return evidence;
        }
        var available = Math.Round(capacity * (1 - inputs.OverheadShare), 1);
        if (capacity <= 0)
        {
            return evidence with { AvailableHours = 0 };
        }
        var rates = inputs.Rates;
        double? deals = inputs.Metric switch
        {
            GoalMetric.WonRevenue when rates?.AverageDealSizeMinor is > 0 => Math.Ceiling((double)inputs.Target / rates.AverageDealSizeMinor.Value),
            GoalMetric.DealsWon => inputs.Target,
            _ => null,
        };
        double? opportunities = deals is { } d && rates?.WinRate is > 0 ? Math.Ceiling(d / rates.WinRate.Value) : null;
        double? activities = inputs.Metric is GoalMetric.Activities or GoalMetric.Visits
            ? inputs.Target
            : deals is { } n && rates?.ActivitiesPerWonDeal is { } perDeal ? Math.Ceiling(n * perDeal) : null;
        double? hours = activities is { } a && rates?.HoursPerActivity is { } perActivity ? Math.Round(a * perActivity, 1) : null;
        return evidence with
        {
            ImpliedDeals = deals,
            ImpliedOpportunities = opportunities,
            ImpliedActivities = activities,
            RequiredHours = hours,
            AvailableHours = available,
        };
    }
}

// History: the owner's earlier periods (GoalProgressQuery.HistoryAsync); Rates: their last twelve
// months; CapacityHours: their (ramped) capacity in the period, null when not known.
public sealed record SmartInputs(
    string? Description, GoalMetric Metric, long Target, DateOnly? Start, DateOnly? End, DateOnly Today,
    bool HasParent, string? StrategyNote, IReadOnlyList<PastPeriod> History, OwnerRates? Rates, double? CapacityHours,
    double OverheadShare = SmartCheck.DefaultOverheadShare);

public sealed record SmartResult(IReadOnlyList<SmartFinding> Findings, SmartEvidence Evidence)
{
    public bool Passes(SmartCriterion criterion) => !Findings.Any(f => f.Criterion == criterion && f.Severity == SmartSeverity.Warning);

    public IEnumerable<SmartFinding> Warnings => Findings.Where(f => f.Severity == SmartSeverity.Warning);
}

// Value and Limit carry the numbers a message shows (growth needed and best so far; hours needed and available).
public sealed record SmartFinding(SmartCriterion Criterion, SmartIssue Issue, SmartSeverity Severity, decimal? Value = null, decimal? Limit = null);

public sealed record SmartEvidence
{
    // The owner's earlier periods, oldest first: actual, and the target they had then (attainment history).
    public IReadOnlyList<PastPeriod> History { get; init; } = [];
    public int PastPeriods { get; init; }
    public decimal? HitRate { get; init; }
    public decimal? GrowthNeeded { get; init; }
    public long? Best { get; init; }
    public decimal? MedianPastAttainment { get; init; }
    public double? ImpliedDeals { get; init; }
    public double? ImpliedOpportunities { get; init; }
    public double? ImpliedActivities { get; init; }
    public double? RequiredHours { get; init; }
    public double? AvailableHours { get; init; }
}

public enum SmartCriterion
{
    Specific = 0,
    Measurable = 1,
    Achievable = 2,
    Relevant = 3,
    TimeBound = 4,
}

public enum SmartIssue
{
    NoDescription = 0,
    ManualMetric = 1,
    NoHistory = 2,
    AboveHistory = 3,
    NoCapacity = 4,
    BeyondCapacity = 5,
    NoParentOrStrategy = 6,
    NoPeriod = 7,
    PeriodOver = 8,
}

public enum SmartSeverity
{
    Info = 0,
    Warning = 1,
}
