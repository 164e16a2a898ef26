namespace Headroom.Demo;

// What the seeder made, including the reps it deliberately made stand out, so workload and
// wellbeing features can be checked against a known answer.
public sealed record DemoProfile
{
    public required long OrgId { get; init; }
    public required string OrgName { get; init; }
    public required int Seed { get; init; }
    public required DateOnly Today { get; init; }
    // The 12 months of history: activities start on or after HistoryStart and before Today.
    public required DateOnly HistoryStart { get; init; }
    // The moment the data is "as of": 9:00 on Today in the organization's time zone. Activities
    // before Today are history, later ones planned; open follow-ups due before this are overdue.
    public required DateTime AsOfUtc { get; init; }
    public required IReadOnlyList<DemoSignIn> SignIns { get; init; }
    // Log a large share of their activity in the evening and at weekends.
    public required IReadOnlyList<DemoRep> AfterHoursReps { get; init; }
    // Carry far more open work (deals, accounts, follow-ups, activity) than their capacity.
    public required IReadOnlyList<DemoRep> OverloadedReps { get; init; }
    // Have taken no leave for at least seven months.
    public required IReadOnlyList<DemoRep> NoRecentLeaveReps { get; init; }
    public required int Teams { get; init; }
    public required int Members { get; init; }
    public required int Accounts { get; init; }
    public required int Contacts { get; init; }
    public required int Leads { get; init; }
    public required int Deals { get; init; }
    public required int FollowUps { get; init; }
    public required int TimeOffs { get; init; }
    public required int Feedback { get; init; }
    public required long Activities { get; init; }
}
