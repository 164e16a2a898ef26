namespace Headroom.Organizations;

[Flags]
public enum WorkingDays
{
    None = 0,
    Monday = 1,
    Tuesday = 2,
    Wednesday = 4,
    Thursday = 8,
    Friday = 16,
    Saturday = 32,
    Sunday = 64,
    MondayToFriday = Monday | Tuesday | Wednesday | Thursday | Friday,
}

public static class WorkingDaysExtensions
{
    public static bool Includes(this WorkingDays days, DayOfWeek day) => day switch
    {
        DayOfWeek.Monday => days.HasFlag(WorkingDays.Monday),
        DayOfWeek.Tuesday => days.HasFlag(WorkingDays.Tuesday),
        DayOfWeek.Wednesday => days.HasFlag(WorkingDays.Wednesday),
        DayOfWeek.Thursday => days.HasFlag(WorkingDays.Thursday),
        DayOfWeek.Friday => days.HasFlag(WorkingDays.Friday),
        DayOfWeek.Saturday => days.HasFlag(WorkingDays.Saturday),
        _ => days.HasFlag(WorkingDays.Sunday),
    };
}
