namespace Headroom.Web.Activities;

// A page of activities plus the count and minutes over every activity that matches the filter.
public sealed record ActivityList(IReadOnlyList<ActivityResponse> Items, int Total, int Page, int PageSize, long TotalMinutes);
