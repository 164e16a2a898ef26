using Headroom.Common;
using Headroom.Organizations;

namespace Headroom.Reviews;

// What a member agreed to improve, usually made in a review: items with an owner, a due date and
// a status. A plan with open items shows up again in the member's next review.
public class ImprovementPlan : TenantEntity, IVersioned
{
    public long MemberId { get; set; }
    public Member? Member { get; set; }
    // The review it was made in; null for a plan made outside a cycle.
    public long? ReviewId { get; set; }
    public Review? Review { get; set; }
    public List<ImprovementItem> Items { get; set; } = [];
    public long Version { get; set; }
}

public sealed class ImprovementItem
{
    public required string Text { get; set; }
    public long OwnerId { get; set; }
    public DateOnly DueDate { get; set; }
    public ImprovementStatus Status { get; set; }
}

public enum ImprovementStatus
{
    Open = 0,
    Done = 1,
    Dropped = 2,
}
