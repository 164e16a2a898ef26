using Headroom.Accounts;
using Headroom.Activities;
using Headroom.FollowUps;

namespace Headroom.Workload;

// How open work turns into hours (docs/decisions/0018-effort-model-and-workload-index.md gives
// the reasoning behind every default). One per organization; an organization that has not edited
// it gets Default.
public sealed record EffortModel
{
    public static EffortModel Default { get; } = new();

    // A follow-up counts its own estimate; these apply when it has none (EffortHours = 0).
    public double FollowUpLowHours { get; init; } = 0.25;
    public double FollowUpNormalHours { get; init; } = 0.5;
    public double FollowUpHighHours { get; init; } = 1;
    public double FollowUpUrgentHours { get; init; } = 1.5;

    // Hours per week an open deal takes besides its meetings and follow-ups (which count on
    // their own), by stage id. A stage without an entry counts
    // DealBaseHoursPerWeek + DealHoursPerWeekPerWinPercent × its win probability.
    public IReadOnlyDictionary<long, double> DealHoursPerWeekByStage { get; init; } = new Dictionary<long, double>();
    public double DealBaseHoursPerWeek { get; init; } = 0.5;
    public double DealHoursPerWeekPerWinPercent { get; init; } = 0.025;

    // Hours per month of account care (check-ins, renewals, service questions) by tier.
    public double AccountTierAHoursPerMonth { get; init; } = 3;
    public double AccountTierBHoursPerMonth { get; init; } = 1.5;
    public double AccountTierCHoursPerMonth { get; init; } = 0.5;
    public double AccountTierDHoursPerMonth { get; init; } = 0.1;

    // Travel added to each scheduled activity of the type, in hours (a visit's round trip).
    public double VisitTravelHours { get; init; } = 1;
    public double MeetingTravelHours { get; init; }

    // Share of capacity taken by internal meetings, reports (日报/周报), CRM upkeep and training.
    public double OverheadShare { get; init; } = 0.15;

    public BandThresholds Bands { get; init; } = BandThresholds.Default;

    public double FollowUpHours(double estimate, FollowUpPriority priority) => estimate > 0 ? estimate : priority switch
    {
        FollowUpPriority.Low => FollowUpLowHours,
        FollowUpPriority.High => FollowUpHighHours,
        FollowUpPriority.Urgent => FollowUpUrgentHours,
        _ => FollowUpNormalHours,
    };

    public double DealHoursPerWeek(long stageId, int winProbability) =>
        DealHoursPerWeekByStage.TryGetValue(stageId, out var hours)
            ? hours
            : DealBaseHoursPerWeek + DealHoursPerWeekPerWinPercent * Math.Clamp(winProbability, 0, 100);

    public double AccountHoursPerMonth(AccountTier tier) => tier switch
    {
        AccountTier.A => AccountTierAHoursPerMonth,
        AccountTier.B => AccountTierBHoursPerMonth,
        AccountTier.C => AccountTierCHoursPerMonth,
        _ => AccountTierDHoursPerMonth,
    };

    public double TravelHours(ActivityType type) => type switch
    {
        ActivityType.Visit => VisitTravelHours,
        ActivityType.Meeting or ActivityType.Demo => MeetingTravelHours,
        _ => 0,
    };
}
