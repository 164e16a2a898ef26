using Headroom.Common;

namespace Headroom.Organizations;

// Leave, in whole local days, both ends included.
public class TimeOff : TenantEntity, IVersioned
{
    public long MemberId { get; set; }
    public Member? Member { get; set; }
    public DateOnly StartDate { get; set; }
    public DateOnly EndDate { get; set; }
    public TimeOffKind Kind { get; set; }
    public string? Note { get; set; }
    public long Version { get; set; }
}

public enum TimeOffKind
{
    Vacation = 0,
    Sick = 1,
    Parental = 2,
    Training = 3,
    Other = 4,
}
