namespace Headroom.Wellbeing;

public sealed record BurnoutRisk(long MemberId, string Name, long? TeamId, int Score, IReadOnlyList<RiskFactor> Factors);

// One measured behaviour: its value (hours a week, days, or a 1–5 average), the points it adds
// to the score, and a localizable sentence (resource key and its format arguments).
public sealed record RiskFactor(RiskFactorKind Kind, double Value, int Points, string MessageKey, IReadOnlyList<object> Arguments);

public enum RiskFactorKind
{
    AfterHours = 0,
    RestDays = 1,
    Overtime = 2,
    ConsecutiveDays = 3,
    SinceLeave = 4,
    LowEnergy = 5,
    HighStress = 6,
}
