using System.Globalization;
using System.Security.Claims;
using Headroom.Analytics;
using Headroom.Data;
using Headroom.Organizations;
using Headroom.Web.Api;
using Microsoft.EntityFrameworkCore;

namespace Headroom.Web.Analytics;

// The explorer's funnel view, its export and GET /api/v1/analytics/funnel-trend: the stage funnel
// of the deals created in each bucket, for the group (a team with its sub-teams, or everything
// the reader sees; a rep's own) and for the chosen rep, with the deals behind a stage's count.
// Whose figures, as for the trend (ExplorerTrend): docs/decisions/0031-analytics-explorer.md.
public static class ExplorerFunnel
{
    // Null when the team or the member is not one the reader may see.
    public static async Task<FunnelTrendResult?> LoadAsync(AppDbContext db, ClaimsPrincipal user, TrendArgs args, CancellationToken cancellationToken)
    {
        var subject = await ExplorerTrend.SubjectAsync(db, user, args, cancellationToken);
        if (subject is null)
        {
            return null;
        }
        var buckets = TrendBuckets.Cover(args.Granularity, args.From, args.To, args.FiscalYearStartMonth, args.Zone);
        var group = await FunnelTrend.LoadAsync(db, subject.Scope, buckets, subject.Group, cancellationToken);
        var member = subject.Scope.Role != MemberRole.Rep && args.Member is { } one
            ? await FunnelTrend.LoadAsync(db, subject.Scope, buckets, [one], cancellationToken)
            : null;
        return new FunnelTrendResult(
            args.Granularity, buckets.Items[0].Start, buckets.Items[^1].End, subject.TeamId, subject.TeamName, args.Member, subject.Scope.Role,
            [.. subject.Reps.Select(r => new FunnelTrendRep(r.Id, r.Name))], buckets.Items, group, member);
    }

    // A stage asked for must be one of the organization's open stages (the funnel's steps).
    public static async Task CheckStageAsync(AppDbContext db, long? stage, FieldErrors errors, CancellationToken cancellationToken)
    {
        if (stage is not { } id)
        {
            errors.Add("stage", errors.Localizer["Validation.Required"]);
        }
        else if (!await db.PipelineStages.AnyAsync(s => s.Id == id && s.ClosesAs == null, cancellationToken))
        {
            errors.Add("stage", string.Format(CultureInfo.CurrentCulture, errors.Localizer["Explorer.Validation.Stage"], id));
        }
    }

    // The deals created in the bucket that reached the stage: the member's, or the group's when no
    // member is given. Null when the team, member or stage is not one the reader may see.
    public static async Task<TrendRecordPage?> RecordsAsync(
        AppDbContext db, ClaimsPrincipal user, TrendArgs args, DateOnly bucketStart, long stageId, int page, CancellationToken cancellationToken)
    {
        var subject = await ExplorerTrend.SubjectAsync(db, user, args, cancellationToken);
        if (subject is null)
        {
            return null;
        }
        var buckets = TrendBuckets.Cover(args.Granularity, bucketStart, bucketStart, args.FiscalYearStartMonth, args.Zone);
        IReadOnlyCollection<long>? members = args.Member is { } one ? [one] : subject.Group;
        return await FunnelTrend.RecordsAsync(
            db, subject.Scope, buckets.Period(0), stageId, members, Math.Max(1, page), ExplorerTrend.RecordsPageSize, cancellationToken);
    }
}

// Group and Member hold one funnel per bucket, in bucket order; Member only when a rep was chosen
// by a manager or an admin (a rep's group is their own figures). Reps: whom the reader may choose.
public sealed record FunnelTrendResult(
    TrendGranularity Granularity, DateOnly From, DateOnly To, long? TeamId, string? TeamName, long? MemberId, MemberRole ReaderRole,
    IReadOnlyList<FunnelTrendRep> Reps, IReadOnlyList<TrendBucket> Buckets, IReadOnlyList<FunnelResult> Group, IReadOnlyList<FunnelResult>? Member);

public sealed record FunnelTrendRep(long Id, string Name);
