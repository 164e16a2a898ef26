using Headroom.Organizations;

namespace Headroom.Workload;

// Hours a member can work on each local day of a span: the organization's working week, scaled
// by the member's contracted hours (a 20-hour member of a 40-hour week has half of every working
// day), with public holidays and leave at 0 and extra working days (China's adjusted weekend
// workdays, 调休上班) counted as ordinary working days. Nothing before the hire date.
public sealed class CapacityCalendar
{
    private readonly double[] _hours;

    private CapacityCalendar(DateOnly first, double[] hours)
    {
        First = first;
        _hours = hours;
    }

    public DateOnly First { get; }
    public DateOnly Last => First.AddDays(_hours.Length - 1);

    public double this[DateOnly day] => day < First || day > Last ? 0 : _hours[day.DayNumber - First.DayNumber];

    public IReadOnlyList<double> Days => _hours;

    public static CapacityCalendar For(
        WorkingTimePolicy policy,
        IEnumerable<CalendarException> calendar,
        MemberInput member,
        IEnumerable<LeaveInput> leave,
        DateOnly first,
        DateOnly last)
    {
        if (last < first)
        {
            throw new ArgumentException($"The span ends ({last}) before it starts ({first}).", nameof(last));
        }
        var fullWeek = policy.FullTimeWeeklyHours;
        var daily = fullWeek > 0 ? policy.DailyHours * Math.Max(0, member.WeeklyHours) / fullWeek : 0;
        var hours = new double[last.DayNumber - first.DayNumber + 1];
        var exceptions = new Dictionary<DateOnly, CalendarDayKind>();
        foreach (var day in calendar)
        {
            if (day.Date >= first && day.Date <= last)
            {
                // A date listed as both keeps the holiday: nobody is asked to work it.
                exceptions[day.Date] = exceptions.TryGetValue(day.Date, out var kind) && kind == CalendarDayKind.Holiday
                    ? CalendarDayKind.Holiday
                    : day.Kind;
            }
        }
        for (var i = 0; i < hours.Length; i++)
        {
            var day = first.AddDays(i);
            var working = exceptions.TryGetValue(day, out var kind)
                ? kind == CalendarDayKind.Workday
                : policy.WorkingDays.Includes(day.DayOfWeek);
            var hired = member.HireDate is not { } hire || day >= hire;
            hours[i] = working && hired ? daily : 0;
        }
        foreach (var off in leave)
        {
            if (off.MemberId != member.Id)
            {
                continue;
            }
            var from = Math.Max(off.Start.DayNumber, first.DayNumber);
            var to = Math.Min(off.End.DayNumber, last.DayNumber);
            for (var n = from; n <= to; n++)
            {
                hours[n - first.DayNumber] = 0;
            }
        }
        return new CapacityCalendar(first, hours);
    }
}
