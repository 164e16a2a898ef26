namespace Headroom.Web.Deals;

public sealed class StageForm
{
    public string? StageId { get; set; }
    public string? LostReason { get; set; }
    public long Version { get; set; }
}
