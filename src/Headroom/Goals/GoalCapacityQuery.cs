using Headroom.Data;
using Headroom.Organizations;
using Headroom.Workload;
using Microsoft.EntityFrameworkCore;

namespace Headroom.Goals;

// Each member's hours in a goal's period from the capacity calendar (working week, contracted
// hours, holidays, leave, nothing before the hire date), and the same hours weighted by the
// organization's ramp-up curve, which is what a target is pro-rated by.
public static class GoalCapacityQuery
{
    public static async Task<Dictionary<long, MemberCapacity>> LoadAsync(
        AppDbContext db, IReadOnlyCollection<long> memberIds, DateOnly start, DateOnly end, CancellationToken cancellationToken = default) =>
        await LoadAsync(db, await GoalContext.LoadAsync(db, cancellationToken), memberIds, start, end, cancellationToken);

    // With the organization's settings already read (the calendar is the long part).
    public static async Task<Dictionary<long, MemberCapacity>> LoadAsync(
        AppDbContext db, GoalContext context, IReadOnlyCollection<long> memberIds, DateOnly start, DateOnly end, CancellationToken cancellationToken = default)
    {
        var ids = memberIds.ToList();
        var members = await db.Members.AsNoTracking().Where(m => ids.Contains(m.Id))
            .Select(m => new MemberInput(m.Id, m.Name, m.TeamId, m.WeeklyCapacityHours, m.TimeZoneId, m.HireDate))
            .ToListAsync(cancellationToken);
        var leave = await db.TimeOffs.AsNoTracking().Where(t => ids.Contains(t.MemberId) && t.EndDate >= start && t.StartDate <= end)
            .Select(t => new LeaveInput(t.MemberId, t.StartDate, t.EndDate)).ToListAsync(cancellationToken);
        var calendar = context.Calendar.Where(d => d.Date >= start && d.Date <= end).ToList();
        return members.ToDictionary(m => m.Id, m => Capacity(context.Policy, calendar, leave, context.Ramp, m, start, end));
    }

    public static MemberCapacity Capacity(
        WorkingTimePolicy policy, IReadOnlyList<CalendarException> calendar, IReadOnlyList<LeaveInput> leave, RampUpCurve ramp,
        MemberInput member, DateOnly start, DateOnly end)
    {
        var days = CapacityCalendar.For(policy, calendar, member, leave, start, end);
        double hours = 0, ramped = 0;
        for (var day = start; day <= end; day = day.AddDays(1))
        {
            hours += days[day];
            ramped += days[day] * ramp.Factor(member.HireDate, day);
        }
        return new MemberCapacity(member.Id, member.TeamId, Math.Round(hours, 2), Math.Round(ramped, 2));
    }
}

// Hours is plain capacity; RampedHours weights each day by the ramp-up curve of a new hire.
public sealed record MemberCapacity(long MemberId, long? TeamId, double Hours, double RampedHours);
