namespace Headroom.Web.Leads;

public sealed class LeadConversionForm
{
    public long Version { get; set; }
    // "new" or "existing".
    public string Into { get; set; } = "new";
    public long? AccountId { get; set; }
    public string? AccountName { get; set; }
    public string? ContactName { get; set; }
    public bool CreateDeal { get; set; } = true;
    public string? DealName { get; set; }
    public string? DealAmount { get; set; }
    public long? StageId { get; set; }
    public DateOnly? ExpectedCloseDate { get; set; }
}
