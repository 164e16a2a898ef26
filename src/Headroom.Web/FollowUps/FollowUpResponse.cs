using Headroom.FollowUps;

namespace Headroom.Web.FollowUps;

public sealed record FollowUpResponse(
    long Id, string Title, DateTime DueUtc, double EffortHours, FollowUpStatus Status, FollowUpPriority Priority,
    long? AssigneeId, string? AssigneeName, long? AccountId, string? AccountName, long? DealId, string? DealName,
    long? LeadId, string? LeadName, DateTime? CompletedUtc, long Version,
    // While the assignee is on leave: the colleague who covers it (docs/decisions/0029).
    long? CoverMemberId = null, string? CoverMemberName = null);
