namespace Headroom.Web.Deals;

// What the create/edit page posts; the amount is typed in major units (12345.67).
public sealed class DealForm
{
    public string? Name { get; set; }
    public string? AccountId { get; set; }
    public string? Amount { get; set; }
    public string? StageId { get; set; }
    public DateOnly? ExpectedClose { get; set; }
    public string? OwnerId { get; set; }
    public long Version { get; set; }
}
