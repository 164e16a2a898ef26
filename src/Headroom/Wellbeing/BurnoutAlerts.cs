using Headroom.Data;
using Headroom.Organizations;

namespace Headroom.Wellbeing;

// Members in the caller's scope whose burnout risk is at or above the threshold, highest first.
// Scored without pulse answers unless the caller is a rep looking at themselves, as on the
// wellbeing page (docs/decisions/0019-burnout-risk.md).
public static class BurnoutAlerts
{
    public const int Threshold = 60;

    public static async Task<List<BurnoutRisk>> LoadAsync(AppDbContext db, AccessScope scope, TimeProvider clock, int threshold = Threshold, CancellationToken cancellationToken = default)
    {
        var today = await PulseSurvey.TodayAsync(db, scope.MemberId, clock, cancellationToken);
        var inputs = await WellbeingQuery.LoadAsync(db, scope, today, cancellationToken: cancellationToken);
        if (scope.Role != MemberRole.Rep)
        {
            inputs = inputs with { Pulse = [] };
        }
        return [.. BurnoutRiskScorer.Score(inputs, today).Where(r => r.Score >= threshold)];
    }
}
