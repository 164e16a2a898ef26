using Headroom.Goals;
using Headroom.Reviews;

namespace Headroom.Tests.Reviews;

// Hand-computed scorecards: revenue 40 and win rate 20 points of KPIs, two competencies of 20.
public class ScorecardCalculatorTests
{
    private static readonly List<ScorecardItem> Card =
    [
        new() { Id = 1, Kind = ScorecardItemKind.Kpi, Metric = GoalMetric.WonRevenue, Weight = 40 },
        new() { Id = 2, Kind = ScorecardItemKind.Kpi, Metric = GoalMetric.WinRate, Weight = 20 },
        new() { Id = 3, Kind = ScorecardItemKind.Competency, Name = "Product knowledge", Weight = 20 },
        new() { Id = 4, Kind = ScorecardItemKind.Competency, Name = "Teamwork", Weight = 20 },
    ];

    private static Dictionary<int, KpiMeasure> Kpis(KpiMeasure? revenue, KpiMeasure? winRate)
    {
        var kpis = new Dictionary<int, KpiMeasure>();
        if (revenue is not null)
        {
            kpis[1] = revenue;
        }
        if (winRate is not null)
        {
            kpis[2] = winRate;
        }
        return kpis;
    }

    [Fact]
    public void Score_EveryLineScored_IsTheWeightedSum()
    {
        // Revenue 800 of 1,000 = 80; win rate 30 % of 25 % = 120, capped at 100.
        // KPI part (40×80 + 20×100) ÷ 60 = 86.67; competencies (20×4×20 + 20×3×20) ÷ 40 = 70;
        // overall (60×86.67 + 40×70) ÷ 100 = 80.
        var score = ScorecardCalculator.Score(Card,
            Kpis(new KpiMeasure(800, 1000, TargetFromGoal: true), new KpiMeasure(3000, 2500, TargetFromGoal: false)),
            new Dictionary<int, int?> { [3] = 4, [4] = 3 });

        Assert.Equal(80.0m, score.Kpis[0].Score);
        Assert.True(score.Kpis[0].TargetFromGoal);
        Assert.Equal(100.0m, score.Kpis[1].Score);
        Assert.Equal(86.7m, score.KpiScore);
        Assert.Equal(70.0m, score.CompetencyScore);
        Assert.Equal(80.0m, score.OverallScore);
    }

    [Fact]
    public void Score_KpiWithoutTarget_IsLeftOutOfTheKpiPart()
    {
        // Revenue has no target: the KPI part is the win rate alone (100); overall (60×100 + 40×70) ÷ 100 = 88.
        var score = ScorecardCalculator.Score(Card,
            Kpis(new KpiMeasure(800, null, false), new KpiMeasure(3000, 2500, false)),
            new Dictionary<int, int?> { [3] = 4, [4] = 3 });

        Assert.Null(score.Kpis[0].Score);
        Assert.Equal(800, score.Kpis[0].Actual);
        Assert.Equal(100.0m, score.KpiScore);
        Assert.Equal(88.0m, score.OverallScore);
    }

    [Fact]
    public void Score_ZeroDeals_RevenueScoresZero_WinRateIsNotScored()
    {
        // Nothing closed: revenue 0 of 1,000 scores 0, the win rate has nothing to divide.
        // Overall (60×0 + 40×70) ÷ 100 = 28.
        var score = ScorecardCalculator.Score(Card,
            Kpis(new KpiMeasure(0, 1000, true), new KpiMeasure(null, 2500, false)),
            new Dictionary<int, int?> { [3] = 4, [4] = 3 });

        Assert.Equal(0m, score.Kpis[0].Score);
        Assert.Null(score.Kpis[1].Score);
        Assert.Equal(0m, score.KpiScore);
        Assert.Equal(28.0m, score.OverallScore);
    }

    [Fact]
    public void Score_MissingRatings_AverageTheRatedCompetenciesOnly()
    {
        // Only "Product knowledge" rated (4 → 80): overall (60×86.67 + 40×80) ÷ 100 = 84.
        var kpis = Kpis(new KpiMeasure(800, 1000, true), new KpiMeasure(3000, 2500, false));
        var score = ScorecardCalculator.Score(Card, kpis, new Dictionary<int, int?> { [3] = 4, [4] = null });
        Assert.Equal(80.0m, score.CompetencyScore);
        Assert.Equal(84.0m, score.OverallScore);

        // None rated: the KPI part carries the overall.
        var unrated = ScorecardCalculator.Score(Card, kpis, new Dictionary<int, int?>());
        Assert.Null(unrated.CompetencyScore);
        Assert.Equal(86.7m, unrated.OverallScore);
    }

    [Fact]
    public void Score_NothingToScore_HasNoScore()
    {
        var score = ScorecardCalculator.Score(Card, new Dictionary<int, KpiMeasure>(), new Dictionary<int, int?> { [3] = 0, [4] = 6 });

        Assert.Null(score.KpiScore);
        Assert.Null(score.CompetencyScore);
        Assert.Null(score.OverallScore);
        Assert.All(score.Kpis, line => Assert.Null(line.Score));
    }

    [Theory]
    [InlineData(800L, 1000L, false, "80")]
    [InlineData(1L, 16L, false, "6.25")]
    [InlineData(2000L, 1000L, false, "100")]
    [InlineData(-50L, 100L, false, "0")]
    [InlineData(400L, 300L, true, "75")]
    [InlineData(200L, 300L, true, "100")]
    [InlineData(0L, 300L, true, "100")]
    public void KpiScore_ActualAgainstTarget_CappedAt100(long actual, long target, bool lowerIsBetter, string expected)
    {
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), ScorecardCalculator.KpiScore(actual, target, lowerIsBetter));
    }

    [Fact]
    public void KpiScore_NoTargetOrNoActual_IsNotScored()
    {
        Assert.Null(ScorecardCalculator.KpiScore(100, null, false));
        Assert.Null(ScorecardCalculator.KpiScore(100, 0, false));
        Assert.Null(ScorecardCalculator.KpiScore(null, 100, false));
    }

    [Fact]
    public void Score_RoundsHalfAwayFromZero_AtTheEnd()
    {
        // 1 of 16 = 6.25 → 6.3 on the line; the KPI part of that line alone is 6.3 as well.
        List<ScorecardItem> card = [new() { Id = 1, Kind = ScorecardItemKind.Kpi, Metric = GoalMetric.DealsWon, Weight = 100 }];
        var score = ScorecardCalculator.Score(card, new Dictionary<int, KpiMeasure> { [1] = new(1, 16, false) }, new Dictionary<int, int?>());
        Assert.Equal(6.3m, score.Kpis[0].Score);
        Assert.Equal(6.3m, score.OverallScore);
    }

    [Fact]
    public void Score_LowerIsBetterMetric_UsesTargetOverActual()
    {
        // Sales cycle 40.0 days against a 30.0-day target: 300 ÷ 400 = 75.
        List<ScorecardItem> card = [new() { Id = 9, Kind = ScorecardItemKind.Kpi, Metric = GoalMetric.AverageSalesCycle, Weight = 100 }];
        var score = ScorecardCalculator.Score(card, new Dictionary<int, KpiMeasure> { [9] = new(400, 300, false) }, new Dictionary<int, int?>());
        Assert.Equal(75.0m, score.OverallScore);
    }
}
