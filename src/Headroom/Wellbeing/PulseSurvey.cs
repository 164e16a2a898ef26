using Headroom.Data;
using Headroom.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Headroom.Wellbeing;

// The weekly pulse survey's rules, shared by the API and the pages: a member answers for their
// own current local week (Monday to Sunday); managers and admins see only averages over the
// members in their scope, themselves left out, for weeks with at least MinimumAnswers answers —
// never one answer, never a comment (docs/decisions/0019-burnout-risk.md).
public static class PulseSurvey
{
    public const int MinimumAnswers = 3;
    public const int CommentLength = 1000;

    public static DateOnly WeekOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    public static async Task<DateOnly> CurrentWeekAsync(AppDbContext db, long memberId, TimeProvider clock, CancellationToken cancellationToken = default) =>
        WeekOf(await TodayAsync(db, memberId, clock, cancellationToken));

    // The member's local date (their own zone, else the organization's).
    public static async Task<DateOnly> TodayAsync(AppDbContext db, long memberId, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        var orgId = db.Tenant.RequireOrgId();
        var zones = await db.Members.Where(m => m.Id == memberId)
            .Select(m => new { Own = m.TimeZoneId, Organization = db.Organizations.Where(o => o.Id == orgId).Select(o => o.TimeZoneId).Single() })
            .SingleAsync(cancellationToken);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zones.Own ?? zones.Organization);
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone).DateTime);
    }

    public static bool InRange(int score) => score is >= 1 and <= 5;

    // Weeks from `from` to `to` (week starts) with enough answers, latest first.
    public static async Task<List<PulseWeekAverage>> TeamAveragesAsync(AppDbContext db, AccessScope scope, DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        if (scope.Role == MemberRole.Rep)
        {
            return [];
        }
        var others = scope.Members(db).Where(m => m.Id != scope.MemberId).Select(m => m.Id);
        var weeks = await db.PulseResponses
            .Where(p => p.WeekStart >= from && p.WeekStart <= to && others.Contains(p.MemberId))
            .GroupBy(p => p.WeekStart)
            .Select(g => new { Week = g.Key, Answers = g.Count(), Energy = g.Sum(p => p.Energy), Stress = g.Sum(p => p.Stress) })
            .Where(g => g.Answers >= MinimumAnswers)
            .ToListAsync(cancellationToken);
        return [.. weeks.OrderByDescending(w => w.Week)
            .Select(w => new PulseWeekAverage(w.Week, w.Answers, Math.Round((double)w.Energy / w.Answers, 1), Math.Round((double)w.Stress / w.Answers, 1)))];
    }
}

public sealed record PulseWeekAverage(DateOnly WeekStart, int Answers, double Energy, double Stress);
