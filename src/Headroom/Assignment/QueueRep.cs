namespace Headroom.Assignment;

// A member of a queue's team as the queue sees them: capacity and planned load over the horizon
// from the workload index (leave already taken off the capacity), open leads held, and what they
// can match. Weight is the queue's weight for them (null: none set).
public sealed record QueueRep(
    long MemberId,
    string Name,
    double CapacityHours,
    double LoadHours,
    int OpenLeads,
    bool OnLeaveToday,
    int? Weight,
    IReadOnlyList<string> Territories,
    IReadOnlyList<string> Languages,
    IReadOnlyDictionary<string, int> Skills)
{
    public MemberFit Fit => new(Territories, Languages, Skills);
}
