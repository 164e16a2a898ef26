namespace Headroom.Web.Goals;

// What the "report progress" form on a manual goal posts; the value is typed in the metric's unit.
public sealed class ProgressForm
{
    public string? Value { get; set; }
    public string? Note { get; set; }
    public long Version { get; set; }
}
