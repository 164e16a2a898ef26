using System.Security.Claims;
using Headroom.Data;
using Headroom.Organizations;
using Headroom.Web.Auth;
using Headroom.Web.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Headroom.Web.Analytics;

// What the explorer's funnel and coverage pages share besides their filters: the teams a manager
// or an admin may choose, and the names of the query's fields in an error.
public static class ExplorerViewText
{
    public static async Task<List<(long Id, string Name)>> TeamsAsync(AppDbContext db, ClaimsPrincipal user, MemberRole reader, CancellationToken cancellationToken)
    {
        if (reader == MemberRole.Rep)
        {
            return [];
        }
        var scope = await AccessScope.ForMemberAsync(db, user.GetMemberId(), cancellationToken);
        return [.. (await scope.Teams(db).OrderBy(t => t.Name).Select(t => new { t.Id, t.Name }).ToListAsync(cancellationToken)).Select(t => (t.Id, t.Name))];
    }

    public static string FieldName(IStringLocalizer<Strings> l, string field) => field switch
    {
        "granularity" => l["Explorer.Granularity"],
        "from" => l["Analytics.From"],
        "to" => l["Analytics.To"],
        "bucket" => l["Explorer.Bucket"],
        "stage" => l["Explorer.Stage"],
        _ => field,
    };
}
