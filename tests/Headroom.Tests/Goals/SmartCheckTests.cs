using Headroom.Goals;

namespace Headroom.Tests.Goals;

public class SmartCheckTests
{
    private static readonly DateOnly Today = new(2026, 10, 1);

    // A well-formed quarterly revenue goal: described, linked, a period, history it can reach.
    private static SmartInputs Good(long target = 1_000_000) => new(
        "Grow the east region", GoalMetric.WonRevenue, target, new DateOnly(2026, 10, 1), new DateOnly(2026, 12, 31), Today,
        HasParent: true, StrategyNote: null,
        History: [Past(900_000, 800_000), Past(1_100_000, 1_000_000), Past(950_000, 1_000_000), Past(1_000_000, null)],
        // 100,000 a deal, 25 % win rate, 20 activities per won deal, half an hour each.
        Rates: new OwnerRates(0.25, 100_000, 20, 0.5), CapacityHours: 480);

    private static PastPeriod Past(long actual, long? target) => new(default, default, actual, target);

    private static SmartIssue[] Issues(SmartInputs inputs) => [.. SmartCheck.Check(inputs).Findings.Select(f => f.Issue)];

    [Fact]
    public void AGoodGoal_HasNoWarnings_AndItsEvidenceIsHandComputed()
    {
        var result = SmartCheck.Check(Good());
        Assert.Empty(result.Warnings);
        // Reached in 2 of 4 periods (1.1M and 1.0M); needs 1M / 987,500 - 1 = 1.27 % growth.
        Assert.Equal(0.5m, result.Evidence.HitRate);
        Assert.Equal(0.0127m, result.Evidence.GrowthNeeded);
        // Attainments 0.95, 1.1, 1.125: median 1.1.
        Assert.Equal(1.1m, result.Evidence.MedianPastAttainment);
        Assert.Equal(4, result.Evidence.History.Count);
        // 10 deals, 40 opportunities, 200 activities, 100 h of 480 h x 0.85 = 408 h.
        Assert.Equal(10, result.Evidence.ImpliedDeals);
        Assert.Equal(40, result.Evidence.ImpliedOpportunities);
        Assert.Equal(200, result.Evidence.ImpliedActivities);
        Assert.Equal(100, result.Evidence.RequiredHours);
        Assert.Equal(408, result.Evidence.AvailableHours);
    }

    [Fact]
    public void Specific_NoDescription() =>
        Assert.Equal([SmartIssue.NoDescription], Issues(Good() with { Description = " " }));

    [Fact]
    public void Measurable_ManualMetric_IsNotedNotWarned()
    {
        var result = SmartCheck.Check(Good() with { Metric = GoalMetric.Manual });
        Assert.Contains(result.Findings, f => f.Issue == SmartIssue.ManualMetric && f.Severity == SmartSeverity.Info);
        Assert.True(result.Passes(SmartCriterion.Measurable));
    }

    [Fact]
    public void Achievable_AboveHistory_WhenNoPastPeriodReachedItAndItNeedsOver30PercentGrowth()
    {
        // 1.3M / 987,500 = +31.65 %, never reached.
        var result = SmartCheck.Check(Good(1_300_000));
        var finding = Assert.Single(result.Warnings);
        Assert.Equal(SmartIssue.AboveHistory, finding.Issue);
        Assert.Equal(0.3165m, finding.Value);
        Assert.Equal(1_100_000, finding.Limit);
        // +28 %: a stretch, but not flagged.
        Assert.DoesNotContain(SmartIssue.AboveHistory, Issues(Good(1_264_000)));
    }

    [Fact]
    public void Achievable_NoHistory_IsNoted()
    {
        var result = SmartCheck.Check(Good() with { History = [] });
        Assert.Contains(result.Findings, f => f.Issue == SmartIssue.NoHistory && f.Severity == SmartSeverity.Info);
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void Achievable_BeyondCapacity_WhenTheImpliedHoursExceedCapacityAfterOverhead()
    {
        // 100 h needed; 110 h x 0.85 = 93.5 h available.
        var result = SmartCheck.Check(Good() with { CapacityHours = 110 });
        var finding = Assert.Single(result.Warnings);
        Assert.Equal(SmartIssue.BeyondCapacity, finding.Issue);
        Assert.Equal(100m, finding.Value);
        Assert.Equal(93.5m, finding.Limit);
    }

    [Fact]
    public void Achievable_NoCapacity_WhenTheOwnerHasNoHoursInThePeriod() =>
        Assert.Equal([SmartIssue.NoCapacity], Issues(Good() with { CapacityHours = 0 }));

    [Fact]
    public void Relevant_NeitherParentNorStrategy()
    {
        Assert.Equal([SmartIssue.NoParentOrStrategy], Issues(Good() with { HasParent = false }));
        Assert.Empty(Issues(Good() with { HasParent = false, StrategyNote = "Win the east" }));
    }

    [Fact]
    public void TimeBound_NoPeriod_OrAPeriodAlreadyOver()
    {
        Assert.Equal([SmartIssue.NoPeriod], Issues(Good() with { Start = null }));
        Assert.Equal([SmartIssue.PeriodOver], Issues(Good() with { Today = new DateOnly(2027, 1, 1) }));
    }
}
