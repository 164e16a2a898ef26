namespace Headroom.Web.Leads;

// What the create/edit page posts; the estimated value is typed in major units (12345.67).
public sealed class LeadForm
{
    public string? Name { get; set; }
    public string? Company { get; set; }
    public string? Source { get; set; }
    public string? Region { get; set; }
    public string? EstimatedValue { get; set; }
    public string? OwnerId { get; set; }
    public long Version { get; set; }
}
