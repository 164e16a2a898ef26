using Headroom.Data;
using Headroom.Organizations;
using Headroom.Workload;

namespace Headroom.Web.Workload;

// What the API and the workload pages share: the default range, the limits on it, and scoring
// that returns only the periods asked for (the scorer also returns the earlier periods it used
// for the trend).
public static class WorkloadView
{
    public const int MaxWeeks = 26, MaxDays = 92, MaxMonths = 12;
    // The heatmap's default: four past weeks, this week and the next seven.
    public const int PastWeeks = 4, AheadWeeks = 7;

    public static DateOnly Today(TimeProvider clock, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone).DateTime);

    public static (DateOnly From, DateOnly To) DefaultWeeks(DateOnly today)
    {
        var thisWeek = WorkloadRequest.PeriodStart(today, WorkloadPeriod.Week);
        return (thisWeek.AddDays(-7 * PastWeeks), thisWeek.AddDays(7 * AheadWeeks + 6));
    }

    public static int MaxPeriods(WorkloadPeriod period) => period switch
    {
        WorkloadPeriod.Day => MaxDays,
        WorkloadPeriod.Week => MaxWeeks,
        _ => MaxMonths,
    };

    public static int PeriodCount(DateOnly from, DateOnly to, WorkloadPeriod period)
    {
        var count = 0;
        for (var start = WorkloadRequest.PeriodStart(from, period); start <= to; start = WorkloadRequest.Step(start, period, 1))
        {
            count++;
        }
        return count;
    }

    public static async Task<WorkloadResult> ScoreAsync(
        AppDbContext db,
        AccessScope scope,
        WorkloadRequest request,
        long? teamId = null,
        IReadOnlyCollection<long>? memberIds = null,
        CancellationToken cancellationToken = default)
    {
        var inputs = await WorkloadQuery.LoadAsync(db, scope, request, teamId, memberIds, cancellationToken);
        var result = WorkloadScorer.Score(inputs, request);
        var first = request.FirstPeriodStart;
        return new WorkloadResult(
            [.. result.Members.Select(m => m with { Periods = [.. m.Periods.Where(p => p.Start >= first)] })],
            [.. result.Team.Where(t => t.Start >= first)]);
    }

    // Free hours of each member over the next two weeks from today (capacity minus planned load,
    // summed per day), most room first: who can take new work.
    public static async Task<List<MemberRoom>> RoomAsync(
        AppDbContext db,
        AccessScope scope,
        DateOnly today,
        DateTimeOffset asOf,
        long? teamId,
        int take,
        CancellationToken cancellationToken = default)
    {
        var request = new WorkloadRequest(today, today.AddDays(13), WorkloadPeriod.Day, asOf, TrendPeriods: 0);
        var result = WorkloadScorer.Score(await WorkloadQuery.LoadAsync(db, scope, request, teamId, cancellationToken: cancellationToken), request);
        return [.. result.Members
            .Select(m => new MemberRoom(
                m.MemberId,
                m.Name,
                m.Periods.Sum(p => p.CapacityHours),
                m.Periods.Sum(p => p.Load.Total)))
            .Where(m => m.CapacityHours > 0)
            .OrderByDescending(m => m.FreeHours).ThenBy(m => m.Name, StringComparer.Ordinal)
            .Take(take)];
    }
}

public sealed record MemberRoom(long MemberId, string Name, double CapacityHours, double LoadHours)
{
    public double FreeHours => CapacityHours - LoadHours;
}
