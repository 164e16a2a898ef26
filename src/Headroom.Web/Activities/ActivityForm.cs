namespace Headroom.Web.Activities;

// What the log-an-activity page posts; Start is wall-clock time in the member's time zone.
public sealed class ActivityForm
{
    public string? Type { get; set; }
    public string? AccountId { get; set; }
    public string? DealId { get; set; }
    public string? LeadId { get; set; }
    public DateTime? Start { get; set; }
    public string? Duration { get; set; }
    public string? Outcome { get; set; }
    public string? Notes { get; set; }
    public long Version { get; set; }
}
