using Headroom.Common;
using Headroom.Organizations;

namespace Headroom.Reviews;

// A review cycle over one period for the members of some teams (with their sub-teams). It moves
// forward only: Draft → SelfReview → ManagerReview → Calibration → Closed. Items is the
// organization's scorecard as it was when the cycle was created.
public class ReviewCycle : TenantEntity, IVersioned
{
    public required string Name { get; set; }
    // Local dates of the organization, both ends included.
    public DateOnly PeriodStart { get; set; }
    public DateOnly PeriodEnd { get; set; }
    public ReviewCycleState State { get; set; } = ReviewCycleState.Draft;
    // The teams chosen (sub-teams included when the reviews were made); empty means the whole organization.
    public List<long> TeamIds { get; set; } = [];
    public List<ScorecardItem> Items { get; set; } = [];
    public long CreatedById { get; set; }
    public Member? CreatedBy { get; set; }
    public long Version { get; set; }
}

public enum ReviewCycleState
{
    Draft = 0,
    SelfReview = 1,
    ManagerReview = 2,
    Calibration = 3,
    Closed = 4,
}
