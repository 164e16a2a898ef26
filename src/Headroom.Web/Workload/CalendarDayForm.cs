using Headroom.Organizations;

namespace Headroom.Web.Workload;

public sealed class CalendarDayForm
{
    public string? Date { get; set; }
    public CalendarDayKind Kind { get; set; } = CalendarDayKind.Holiday;
    public string? Name { get; set; }
}
