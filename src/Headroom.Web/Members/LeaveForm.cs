using Headroom.Organizations;

namespace Headroom.Web.Members;

public sealed class LeaveForm
{
    public string? StartDate { get; set; }
    public string? EndDate { get; set; }
    public TimeOffKind Kind { get; set; } = TimeOffKind.Vacation;
    public string? Note { get; set; }
}
