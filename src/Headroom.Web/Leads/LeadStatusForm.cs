namespace Headroom.Web.Leads;

public sealed class LeadStatusForm
{
    public string? Status { get; set; }
    public long Version { get; set; }
}
