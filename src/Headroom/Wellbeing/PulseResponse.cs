using Headroom.Common;
using Headroom.Organizations;

namespace Headroom.Wellbeing;

// One member's answer to the weekly pulse survey; visible only to that member. Managers see
// averages of at least PulseAggregates.MinimumAnswers answers (docs/decisions/0019).
public class PulseResponse : TenantEntity, IVersioned
{
    public long MemberId { get; set; }
    public Member? Member { get; set; }
    // The Monday of the member's local week the answer is for.
    public DateOnly WeekStart { get; set; }
    public int Energy { get; set; }
    public int Stress { get; set; }
    public string? Comment { get; set; }
    public long Version { get; set; }
}
