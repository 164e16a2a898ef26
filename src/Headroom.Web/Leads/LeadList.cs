namespace Headroom.Web.Leads;

// A page of leads plus the count and estimated value over every lead that matches the filter.
public sealed record LeadList(IReadOnlyList<LeadResponse> Items, int Total, int Page, int PageSize, long EstimatedValueMinorTotal, string Currency);
