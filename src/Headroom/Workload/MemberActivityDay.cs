namespace Headroom.Workload;

// Logged activity of one member on one local day (the member's zone, else the organization's),
// summed: what the workload index reads instead of the activity rows themselves. It is derived
// data, rewritten by ActivityDayRollup whenever activities, a member's zone or the
// organization's zone change; never edited on its own.
public class MemberActivityDay
{
    public long OrgId { get; set; }
    public long MemberId { get; set; }
    public DateOnly Day { get; set; }
    public int ActualMinutes { get; set; }
    public int MeetingMinutes { get; set; }
    public int Meetings { get; set; }
    public int VisitMinutes { get; set; }
    public int Visits { get; set; }
    // Every activity that was not cancelled, of any type: the dashboard's activity count.
    public int Activities { get; set; }
}
