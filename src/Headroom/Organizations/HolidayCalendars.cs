using System.Globalization;

namespace Headroom.Organizations;

// Official calendars shipped with Headroom. "CN" is mainland China's public holidays and
// adjusted working days (调休上班) as published by the State Council, from shared reference data.
public static class HolidayCalendars
{
    public const string China = "CN";

    public static IReadOnlyList<CalendarDay> Load(string calendar, string locale)
    {
        if (calendar != China)
        {
            throw new ArgumentException($"Unknown calendar '{calendar}'. Known calendars: {China}.", nameof(calendar));
        }
        using var stream = typeof(HolidayCalendars).Assembly.GetManifestResourceStream("Headroom.Organizations.Calendars.cn-holidays.tsv")
            ?? throw new InvalidOperationException("The CN holiday calendar is missing from the assembly.");
        using var reader = new StreamReader(stream);
        var chinese = locale.StartsWith("zh", StringComparison.OrdinalIgnoreCase);
        var days = new List<CalendarDay>();
        reader.ReadLine();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0)
            {
                continue;
            }
            var cells = line.Split('\t');
            days.Add(new CalendarDay
            {
                Date = DateOnly.ParseExact(cells[0], "yyyy-MM-dd", CultureInfo.InvariantCulture),
                Kind = cells[1] == "workday" ? CalendarDayKind.Workday : CalendarDayKind.Holiday,
                Name = chinese ? cells[2] : cells[3],
                Calendar = China,
            });
        }
        return days;
    }
}
