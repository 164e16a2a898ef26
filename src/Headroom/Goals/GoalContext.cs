using Headroom.Data;
using Headroom.Organizations;
using Headroom.Workload;
using Microsoft.EntityFrameworkCore;

namespace Headroom.Goals;

// The organization settings every goal calculation needs, read once per request.
public sealed record GoalContext(
    TimeZoneInfo Zone, WorkingTimePolicy Policy, IReadOnlyList<CalendarException> Calendar, RampUpCurve Ramp, int FiscalYearStartMonth, string Currency)
{
    public static async Task<GoalContext> LoadAsync(AppDbContext db, CancellationToken cancellationToken = default)
    {
        var orgId = db.Tenant.RequireOrgId();
        var organization = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == orgId, cancellationToken);
        return await LoadAsync(db, organization, cancellationToken);
    }

    // For a caller that has read the organization already.
    public static async Task<GoalContext> LoadAsync(AppDbContext db, Organization organization, CancellationToken cancellationToken = default)
    {
        var calendar = await db.CalendarDays.AsNoTracking().Select(d => new CalendarException(d.Date, d.Kind)).ToListAsync(cancellationToken);
        RampUpCurve ramp;
        try
        {
            ramp = RampUpCurve.Parse(organization.RampUpCurve);
        }
        catch (FormatException)
        {
            ramp = RampUpCurve.Default;
        }
        return new GoalContext(
            TimeZoneInfo.FindSystemTimeZoneById(organization.TimeZoneId),
            new WorkingTimePolicy(organization.WorkingDays, organization.DailyHours, organization.TimeZoneId),
            calendar, ramp, organization.FiscalYearStartMonth, organization.Currency);
    }

    public DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Zone).DateTime);

    // Which days of the span are the organization's working days (a full-time day has hours).
    public IReadOnlyList<bool> WorkingDays(DateOnly start, DateOnly end)
    {
        var days = CapacityCalendar.For(Policy, Calendar, new MemberInput(0, "", null, Policy.FullTimeWeeklyHours), [], start, end);
        return [.. days.Days.Select(h => h > 0)];
    }
}
