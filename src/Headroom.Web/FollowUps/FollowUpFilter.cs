using Headroom.FollowUps;

namespace Headroom.Web.FollowUps;

public sealed record FollowUpFilter(FollowUpView? View, long? AssigneeId, FollowUpStatus? Status, long? AccountId, long? DealId, long? LeadId);
