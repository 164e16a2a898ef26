using Headroom.Organizations;

namespace Headroom.Demo;

// The organization's working days: its ordinary week, minus public holidays, plus adjusted
// working days (China's 调休上班 Saturdays and Sundays).
internal sealed class DemoCalendar(WorkingDays week, IEnumerable<CalendarDay> exceptions)
{
    private readonly Dictionary<DateOnly, CalendarDayKind> _exceptions = exceptions.ToDictionary(d => d.Date, d => d.Kind);

    public bool IsHoliday(DateOnly day) => _exceptions.TryGetValue(day, out var kind) && kind == CalendarDayKind.Holiday;

    public bool IsWorkday(DateOnly day) => _exceptions.TryGetValue(day, out var kind)
        ? kind == CalendarDayKind.Workday
        : week.Includes(day.DayOfWeek);

    public DateOnly NextWorkday(DateOnly day)
    {
        while (!IsWorkday(day))
        {
            day = day.AddDays(1);
        }
        return day;
    }
}
