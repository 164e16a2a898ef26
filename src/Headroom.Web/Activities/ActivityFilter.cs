using Headroom.Activities;

namespace Headroom.Web.Activities;

// From and To bound StartUtc (from inclusive, to exclusive), in UTC.
public sealed record ActivityFilter(long? MemberId, ActivityType? Type, DateTime? From, DateTime? To, long? AccountId, long? DealId, long? LeadId);
