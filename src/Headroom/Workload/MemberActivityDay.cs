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
    // The activities not cancelled of one type each, for a trend of one type. Meetings counts
    // meetings and demos together (the workload's load), so a type's count is Meetings − Demos
    // for meetings and Visits for visits; the other types have a column each. Columns, not a row
    // per type: the rollup writes one row per member and day either way, so the counts cost no
    // extra row, index entry or statement on the write path (see ADR 0031).
    public int Calls { get; set; }
    public int Emails { get; set; }
    public int Demos { get; set; }
    public int Messages { get; set; }
    public int Others { get; set; }
}
