using System.Security.Claims;
using Headroom.Data;
using Headroom.Web.Auth;
using Microsoft.EntityFrameworkCore;

namespace Headroom.Web.Localization;

// Times are stored in UTC and shown, typed and grouped into days in the member's own time zone,
// or the organization's when the member has none.
public static class UserTimeZone
{
    public static async Task<TimeZoneInfo> FindAsync(AppDbContext db, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var memberId = user.GetMemberId();
        var orgId = user.GetOrgId();
        var own = await db.Members.Where(m => m.Id == memberId).Select(m => m.TimeZoneId).SingleOrDefaultAsync(cancellationToken);
        var id = own ?? await db.Organizations.Where(o => o.Id == orgId).Select(o => o.TimeZoneId).SingleAsync(cancellationToken);
        return TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;
    }

    public static DateTime ToLocal(DateTime utc, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);

    // A wall-clock time skipped by a daylight-saving change is taken as the hour after it.
    public static DateTime ToUtc(DateTime local, TimeZoneInfo zone)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return TimeZoneInfo.ConvertTimeToUtc(zone.IsInvalidTime(local) ? local.AddHours(1) : local, zone);
    }

    // A time an API client sent: with an offset or "Z" it is converted, without one it is UTC.
    public static DateTime AsUtc(DateTime time) =>
        time.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(time, DateTimeKind.Utc) : time.ToUniversalTime();
}
