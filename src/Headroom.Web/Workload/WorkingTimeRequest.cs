using Headroom.Organizations;

namespace Headroom.Web.Workload;

// Days by English name (monday … sunday); times as HH:mm in the organization's zone.
public sealed record WorkingTimeRequest(IReadOnlyList<string>? WorkingDays, double? DailyHours, string? WorkdayStart, string? WorkdayEnd, string? TimeZoneId, long? Version);

public sealed record WorkingTimeResponse(IReadOnlyList<string> WorkingDays, double DailyHours, string WorkdayStart, string WorkdayEnd, string TimeZoneId, long Version)
{
    public static WorkingTimeResponse From(Organization organization) => new(
        [.. Week.Where(d => organization.WorkingDays.Includes(d)).Select(d => d.ToString().ToLowerInvariant())],
        organization.DailyHours,
        organization.WorkdayStart.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture),
        organization.WorkdayEnd.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture),
        organization.TimeZoneId,
        organization.Version);

    // Monday first, as calendars in China and most of Europe show it.
    public static IReadOnlyList<DayOfWeek> Week { get; } =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];
}
