using Headroom.Data;
using Headroom.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Headroom.Workload;

// Workload alerts for the members a caller may see, over last week, this week and next week in
// the organization's zone: two overloaded weeks in a row among them count whether they are behind
// or ahead, so a manager hears of next week's overload while it can still be avoided. Only reps
// are named as having room.
public static class WorkloadAlertQuery
{
    public static async Task<IReadOnlyList<WorkloadAlert>> LoadAsync(AppDbContext db, AccessScope scope, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        var orgId = db.Tenant.RequireOrgId();
        var zoneId = await db.Organizations.Where(o => o.Id == orgId).Select(o => o.TimeZoneId).SingleAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, TimeZoneInfo.FindSystemTimeZoneById(zoneId)).DateTime);
        var thisWeek = WorkloadRequest.PeriodStart(today, WorkloadPeriod.Week);
        var request = new WorkloadRequest(thisWeek.AddDays(-7), thisWeek.AddDays(13), WorkloadPeriod.Week, now, TrendPeriods: 0);
        var inputs = await WorkloadQuery.LoadAsync(db, scope, request, cancellationToken: cancellationToken);
        var reps = await scope.Members(db).Where(m => m.Active && m.Role == MemberRole.Rep).Select(m => m.Id).ToListAsync(cancellationToken);
        return WorkloadAlerts.Find(WorkloadScorer.Score(inputs, request), thisWeek, reps.ToHashSet());
    }
}
