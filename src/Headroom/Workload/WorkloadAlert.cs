namespace Headroom.Workload;

// One workload alert about a member. From..To are the weeks it is about; Utilization is the
// highest (overloaded) or the member's own (under-loaded) utilization in them. For an under-loaded
// member, Overloaded lists the teammates who are overloaded in the same week, most loaded first.
public sealed record WorkloadAlert(
    WorkloadAlertKind Kind,
    long MemberId,
    string Name,
    long? TeamId,
    DateOnly From,
    DateOnly To,
    double Utilization,
    IReadOnlyList<OverloadedTeammate> Overloaded);

public sealed record OverloadedTeammate(long MemberId, string Name, double Utilization);

public enum WorkloadAlertKind
{
    // Overloaded in two or more consecutive weeks.
    OverloadedWeeks = 0,
    // Under-loaded this week while someone in the same team is overloaded: work could move.
    UnderloadedWhileOthersOverloaded = 1,
}
