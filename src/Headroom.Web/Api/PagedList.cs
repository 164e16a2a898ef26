namespace Headroom.Web.Api;

public sealed record PagedList<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize);
