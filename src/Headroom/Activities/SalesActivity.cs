using Headroom.Common;

namespace Headroom.Activities;

public class SalesActivity : TenantEntity, IVersioned, IExternallyIdentified
{
    public ActivityType Type { get; set; }
    public long MemberId { get; set; }
    public long? AccountId { get; set; }
    public long? DealId { get; set; }
    public long? LeadId { get; set; }
    public DateTime StartUtc { get; set; }
    public int DurationMinutes { get; set; }
    public ActivityOutcome Outcome { get; set; }
    public string? Notes { get; set; }
    public string? ExternalId { get; set; }
    public long Version { get; set; }
}

public enum ActivityType
{
    Call = 0,
    Email = 1,
    Meeting = 2,
    Visit = 3,
    Demo = 4,
    Message = 5,
    Other = 6,
}

public enum ActivityOutcome
{
    Planned = 0,
    Completed = 1,
    NoAnswer = 2,
    Cancelled = 3,
}
