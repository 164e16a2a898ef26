using System.Security.Claims;
using Headroom.Analytics;
using Headroom.Data;
using Headroom.Goals;
using Headroom.Organizations;

namespace Headroom.Web.Analytics;

// The explorer's pipeline-coverage view, its export and GET /api/v1/analytics/coverage-trend:
// coverage at each bucket's end for the group against its goal (a team's, or the organization's
// for an admin who chose no team; a rep's own) and for the chosen rep against theirs. A manager
// who chose no team sees several teams at once, which no one goal covers: no group line then.
public static class ExplorerCoverage
{
    public static async Task<CoverageTrendResult?> LoadAsync(AppDbContext db, ClaimsPrincipal user, TrendArgs args, CancellationToken cancellationToken)
    {
        var subject = await ExplorerTrend.SubjectAsync(db, user, args, cancellationToken);
        if (subject is null)
        {
            return null;
        }
        var scope = subject.Scope;
        var buckets = TrendBuckets.Cover(args.Granularity, args.From, args.To, args.FiscalYearStartMonth, args.Zone);
        CoverageGoalOwner? groupOwner = scope.Role == MemberRole.Rep ? new(GoalOwnerKind.Member, scope.MemberId)
            : subject.TeamId is { } team ? new(GoalOwnerKind.Team, team)
            : scope.Role == MemberRole.Admin ? new(GoalOwnerKind.Organization, null)
            : null;
        var group = groupOwner is null ? null : await CoverageTrend.LoadAsync(db, scope, buckets, subject.Group, groupOwner, cancellationToken);
        var member = scope.Role != MemberRole.Rep && args.Member is { } one
            ? await CoverageTrend.LoadAsync(db, scope, buckets, [one], new CoverageGoalOwner(GoalOwnerKind.Member, one), cancellationToken)
            : null;
        return new CoverageTrendResult(
            args.Granularity, buckets.Items[0].Start, buckets.Items[^1].End, subject.TeamId, subject.TeamName, args.Member, scope.Role, args.Currency,
            [.. subject.Reps.Select(r => new FunnelTrendRep(r.Id, r.Name))], buckets.Items, group, member);
    }
}

// One point per bucket, in bucket order. Group is null for a manager who chose no team (no one
// goal covers several teams); Member only when a rep was chosen by a manager or an admin.
public sealed record CoverageTrendResult(
    TrendGranularity Granularity, DateOnly From, DateOnly To, long? TeamId, string? TeamName, long? MemberId, MemberRole ReaderRole, string Currency,
    IReadOnlyList<FunnelTrendRep> Reps, IReadOnlyList<TrendBucket> Buckets, IReadOnlyList<CoveragePoint>? Group, IReadOnlyList<CoveragePoint>? Member);
