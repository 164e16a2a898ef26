using Headroom.Goals;

namespace Headroom.Analytics;

// Whose won-revenue goals the coverage is measured against: a member, a team, or the organization.
public sealed record CoverageGoalOwner(GoalOwnerKind Kind, long? Id);
