namespace Headroom.Web.Api;

// Paging and sorting as every list takes them: ?page=1&pageSize=25&sort=-amount (a leading minus
// sorts descending). Bound with [AsParameters].
public sealed record PageQuery(int? Page, int? PageSize, string? Sort)
{
    public const int DefaultPageSize = 25;
    public const int MaxPageSize = 200;

    public int PageNumber => Math.Max(1, Page ?? 1);
    public int Size => Math.Clamp(PageSize ?? DefaultPageSize, 1, MaxPageSize);
    public int Skip => (PageNumber - 1) * Size;
    public bool Descending => Sort?.StartsWith('-') == true;
    public string SortKey => (Sort ?? "").TrimStart('-').Trim().ToLowerInvariant();
}
