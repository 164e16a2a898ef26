using Headroom.FollowUps;

namespace Headroom.Web.FollowUps;

// Create and update take the same body; Version is required on update. AssigneeId defaults to
// you; only a manager may name someone else in their scope (no mass assignment). Mark a
// follow-up done with POST /followups/{id}/done rather than by its status here.
public sealed record FollowUpRequest(
    string? Title, DateTime? DueUtc, double? EffortHours, FollowUpPriority? Priority,
    long? AccountId, long? DealId, long? LeadId, long? AssigneeId = null, long? Version = null);
