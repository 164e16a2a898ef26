using Headroom.Common;

namespace Headroom.Organizations;

// An exception to the organization's ordinary working week: a public holiday, or an extra
// working day (China's adjusted workdays, 调休上班, fall on weekends).
public class CalendarDay : TenantEntity
{
    public DateOnly Date { get; set; }
    public CalendarDayKind Kind { get; set; }
    public required string Name { get; set; }
    // Which calendar the day came from, e.g. "CN"; lets a calendar be replaced as a whole.
    public required string Calendar { get; set; }
}

public enum CalendarDayKind
{
    Holiday = 0,
    Workday = 1,
}
