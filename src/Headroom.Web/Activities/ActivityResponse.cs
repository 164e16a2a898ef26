using Headroom.Activities;

namespace Headroom.Web.Activities;

public sealed record ActivityResponse(
    long Id, ActivityType Type, DateTime StartUtc, int DurationMinutes, ActivityOutcome Outcome, string? Notes,
    long MemberId, string MemberName, long? AccountId, string? AccountName, long? DealId, string? DealName,
    long? LeadId, string? LeadName, long Version);
