using Headroom.Activities;

namespace Headroom.Web.Activities;

// Create and update take the same body; Version is required on update. MemberId is who did it:
// yourself unless you are a manager logging for a member in your scope (no mass assignment).
public sealed record ActivityRequest(
    ActivityType? Type, DateTime? StartUtc, int? DurationMinutes, ActivityOutcome? Outcome, string? Notes,
    long? AccountId, long? DealId, long? LeadId, long? MemberId = null, long? Version = null);
