using Headroom.Common;

namespace Headroom.FollowUps;

// A to-do with a due date and an effort estimate. Named FollowUp so it never collides with
// System.Threading.Tasks.Task (see docs/decisions/0003-followup-not-task.md).
public class FollowUp : TenantEntity, IVersioned, IExternallyIdentified
{
    public required string Title { get; set; }
    public long? AssigneeId { get; set; }
    // While the assignee is on leave, the colleague who handles it (docs/decisions/0029). The
    // assignee stays the owner and keeps the credit; the cover member carries the effort and may
    // see and complete it until the cover returns, which clears both.
    public long? CoverMemberId { get; set; }
    public long? LeaveCoverId { get; set; }
    public DateTime DueUtc { get; set; }
    public double EffortHours { get; set; }
    public FollowUpStatus Status { get; set; } = FollowUpStatus.Open;
    public FollowUpPriority Priority { get; set; } = FollowUpPriority.Normal;
    public long? AccountId { get; set; }
    public long? DealId { get; set; }
    public long? LeadId { get; set; }
    public DateTime? CompletedUtc { get; set; }
    public string? ExternalId { get; set; }
    public long Version { get; set; }
}

public enum FollowUpStatus
{
    Open = 0,
    Done = 1,
    Cancelled = 2,
}

public enum FollowUpPriority
{
    Low = 0,
    Normal = 1,
    High = 2,
    Urgent = 3,
}
