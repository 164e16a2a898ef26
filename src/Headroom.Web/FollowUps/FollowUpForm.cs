namespace Headroom.Web.FollowUps;

// What the create/edit page posts; Due is wall-clock time in the member's time zone.
public sealed class FollowUpForm
{
    public string? Title { get; set; }
    public DateTime? Due { get; set; }
    public double? EffortHours { get; set; }
    public string? Priority { get; set; }
    public string? AccountId { get; set; }
    public string? AssigneeId { get; set; }
    public long Version { get; set; }
}
