using Headroom.Common;

namespace Headroom.Assignment;

// One follow-up of a cover and the colleague who covers it, with the explanation shown when the
// plan was applied (the engine's, or the manager's choice when they picked someone else).
public class LeaveCoverLine : TenantEntity
{
    public long LeaveCoverId { get; set; }
    public long FollowUpId { get; set; }
    public long CoverMemberId { get; set; }
    public string? Explanation { get; set; }
}
