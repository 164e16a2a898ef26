namespace Headroom.Web.Deals;

// A page of deals plus the count and amount over every deal that matches the filter (not only
// this page), in minor units of Currency.
public sealed record DealList(IReadOnlyList<DealResponse> Items, int Total, int Page, int PageSize, long AmountMinorTotal, string Currency);
