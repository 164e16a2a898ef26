namespace Headroom.Web.FollowUps;

// A page of follow-ups plus the count and effort over every follow-up that matches the filter.
public sealed record FollowUpList(IReadOnlyList<FollowUpResponse> Items, int Total, int Page, int PageSize, double EffortHoursTotal);
