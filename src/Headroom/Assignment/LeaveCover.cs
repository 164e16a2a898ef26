using Headroom.Common;
using Headroom.FollowUps;

namespace Headroom.Assignment;

// The cover of one member's leave (docs/decisions/0029): which of their open follow-ups went to
// which colleague while they are away. Created when a manager applies a plan; the follow-ups keep
// their owner (the credit stays with them) and get a cover member until the cover returns. The
// dates are the leave's, copied so the cover still knows when to return if the leave is deleted.
public class LeaveCover : TenantEntity, IVersioned
{
    public long MemberId { get; set; }
    public long? TimeOffId { get; set; }
    public DateOnly StartDate { get; set; }
    public DateOnly EndDate { get; set; }
    public long? CreatedByMemberId { get; set; }
    public required string CreatedByName { get; set; }
    // Set when the work went back to the owner: after the leave, or ended early by a manager.
    public DateTime? ReturnedUtc { get; set; }
    public string? ReturnReason { get; set; }
    public List<LeaveCoverLine> Lines { get; set; } = [];
    // The follow-ups covered now (their LeaveCoverId); empty once returned.
    public List<FollowUp> FollowUps { get; set; } = [];
    public long Version { get; set; }

    // Derived rather than stored, so nothing has to run at the start of the leave to make a cover
    // active: returned once the work went back, active from the first day of leave, planned before.
    public LeaveCoverState StateOn(DateOnly today) =>
        ReturnedUtc is not null ? LeaveCoverState.Returned : today >= StartDate ? LeaveCoverState.Active : LeaveCoverState.Planned;
}
