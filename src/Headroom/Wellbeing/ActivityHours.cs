using Headroom.Workload;

namespace Headroom.Wellbeing;

// Logged activity into (member, local date, local hour) buckets in each member's own zone (else
// the organization's), the whole duration on the hour it started. WellbeingQuery does the same
// in SQL; this in-memory form is for tests and small imports.
public static class ActivityHours
{
    public static IReadOnlyList<ActivityHour> FromLog(
        IEnumerable<(long MemberId, DateTime StartUtc, int Minutes)> log,
        IReadOnlyList<MemberInput> members,
        string organizationZone)
    {
        var zones = members.ToDictionary(m => m.Id, m => TimeZoneInfo.FindSystemTimeZoneById(m.TimeZoneId ?? organizationZone));
        return [.. log.Where(a => zones.ContainsKey(a.MemberId))
            .Select(a => (a.MemberId, Local: TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(a.StartUtc, DateTimeKind.Utc), zones[a.MemberId]), a.Minutes))
            .GroupBy(a => (a.MemberId, Date: DateOnly.FromDateTime(a.Local), a.Local.Hour))
            .Select(g => new ActivityHour(g.Key.MemberId, g.Key.Date, g.Key.Hour, g.Sum(a => a.Minutes)))
            .OrderBy(a => a.MemberId).ThenBy(a => a.Date).ThenBy(a => a.Hour)];
    }
}
