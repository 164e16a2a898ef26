using Headroom.Goals;

namespace Headroom.Reviews;

// The scorecard an organization starts with until an admin saves its own: 70 points of KPIs from the
// data (revenue against the goal, win rate, activity, customer satisfaction) and 30 of competencies.
public static class ScorecardDefaults
{
    public static List<ScorecardItem> Items(string? locale)
    {
        var chinese = locale?.StartsWith("zh", StringComparison.OrdinalIgnoreCase) == true;
        return
        [
            new() { Id = 1, Kind = ScorecardItemKind.Kpi, Metric = GoalMetric.WonRevenue, Weight = 35 },
            new() { Id = 2, Kind = ScorecardItemKind.Kpi, Metric = GoalMetric.WinRate, Weight = 10, Target = 2500 },
            new() { Id = 3, Kind = ScorecardItemKind.Kpi, Metric = GoalMetric.Activities, Weight = 15 },
            new() { Id = 4, Kind = ScorecardItemKind.Kpi, Metric = GoalMetric.AverageCsat, Weight = 10, Target = 400 },
            new() { Id = 5, Kind = ScorecardItemKind.Competency, Name = chinese ? "产品与行业知识" : "Product knowledge", Weight = 10 },
            new() { Id = 6, Kind = ScorecardItemKind.Competency, Name = chinese ? "客户关系" : "Customer focus", Weight = 10 },
            new() { Id = 7, Kind = ScorecardItemKind.Competency, Name = chinese ? "团队协作" : "Teamwork", Weight = 10 },
        ];
    }

    public static string Name(string? locale) =>
        locale?.StartsWith("zh", StringComparison.OrdinalIgnoreCase) == true ? "销售评分卡" : "Sales scorecard";
}
