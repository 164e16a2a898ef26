namespace Headroom.Analytics;

// What the analytics explorer can trace over time. Money is in minor units, WinRate a fraction
// (0.25 = 25 %), SalesCycleDays days with one decimal, Csat the mean score, Nps −100..100.
public enum TrendMetric
{
    WonRevenue = 0,
    DealsWon = 1,
    WinRate = 2,
    AverageDealSize = 3,
    SalesCycleDays = 4,
    PipelineCreated = 5,
    Activities = 6,
    Visits = 7,
    Csat = 8,
    Nps = 9,
    NewAccounts = 10,
}
