using System.Globalization;
using System.Security.Claims;
using Headroom.Activities;
using Headroom.Analytics;
using Headroom.Data;
using Headroom.Organizations;
using Headroom.Web.Api;
using Headroom.Web.Auth;
using Headroom.Web.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Headroom.Web.Analytics;

// What the analytics explorer, its export and GET /api/v1/analytics/trend share: one metric over
// weeks, months or fiscal quarters for a team with its sub-teams (or everything the reader sees),
// each of its active reps and their median, and the records behind one value. Access as on the
// team performance page: a manager their teams, an admin the organization, a rep only their own
// figures (no teammates, so no median) — docs/decisions/0031-analytics-explorer.md.
public static class ExplorerTrend
{
    public const int RecordsPageSize = 25;

    // Parses and checks the query; errors are keyed by the query parameter's name.
    public static async Task<(TrendArgs Args, FieldErrors Errors)> ParseAsync(
        string? metric, string? activityType, string? granularity, string? from, string? to, long? team, long? member,
        AppDbContext db, TimeProvider clock, IStringLocalizer<Strings> l, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors(l);
        var chosenMetric = Choice(metric, TrendMetric.WonRevenue, "metric", errors, l);
        var chosenType = string.IsNullOrWhiteSpace(activityType) ? (ActivityType?)null : Choice(activityType, ActivityType.Call, "activityType", errors, l);
        if (chosenType is not null && chosenMetric != TrendMetric.Activities)
        {
            errors.Add("activityType", l["Explorer.Validation.TypeOnlyForActivities"]);
        }
        var chosenGranularity = Choice(granularity, TrendGranularity.Month, "granularity", errors, l);
        var organization = await db.Organizations.AsNoTracking().Where(o => o.Id == db.Tenant.RequireOrgId())
            .Select(o => new { o.TimeZoneId, o.FiscalYearStartMonth, o.Currency }).SingleAsync(cancellationToken);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(organization.TimeZoneId);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone).DateTime);
        var last = AnalyticsApi.Date(to, "to", errors) ?? today;
        // Without a start: the twelve months (or 13 weeks, or four quarters) up to the last day.
        var first = AnalyticsApi.Date(from, "from", errors) ?? chosenGranularity switch
        {
            TrendGranularity.Week => last.AddDays(-7 * 12),
            TrendGranularity.Quarter => last.AddMonths(-9),
            _ => new DateOnly(last.Year, last.Month, 1).AddMonths(-11),
        };
        if (!errors.ContainsKey("from") && !errors.ContainsKey("to"))
        {
            if (last < first)
            {
                errors.Add("to", l["Validation.EndBeforeStart"]);
            }
            else if (last.DayNumber - first.DayNumber >= TeamPerformance.MaxDays)
            {
                errors.Add("to", string.Format(CultureInfo.CurrentCulture, l["Analytics.Validation.TooLong"], TeamPerformance.MaxDays));
            }
        }
        return (new TrendArgs(chosenMetric, chosenType, chosenGranularity, first, last, team, member, zone, organization.FiscalYearStartMonth, organization.Currency), errors);
    }

    // Null when the team or the member is not one the reader may see.
    public static async Task<TrendResult?> LoadAsync(AppDbContext db, ClaimsPrincipal user, TrendArgs args, CancellationToken cancellationToken)
    {
        var subject = await SubjectAsync(db, user, args, cancellationToken);
        if (subject is null)
        {
            return null;
        }
        var buckets = TrendBuckets.Cover(args.Granularity, args.From, args.To, args.FiscalYearStartMonth, args.Zone);
        var values = await MetricTrend.LoadAsync(
            db, subject.Scope, buckets, args.Metric, args.ActivityType, subject.Group, [.. subject.Reps.Select(r => r.Id)], cancellationToken);
        var rows = subject.Reps.Select(r => new TrendRow(r.Id, r.Name, r.TeamName, values.ByMember[r.Id])).ToList();
        return new TrendResult(
            args.Metric, args.ActivityType, args.Granularity, buckets.Items[0].Start, buckets.Items[^1].End, subject.TeamId, subject.TeamName, args.Member,
            subject.Scope.Role, args.Currency, buckets.Items, values.Group, subject.Scope.Role == MemberRole.Rep ? null : values.Median, rows);
    }

    // The records behind one value: of the member, or of the group when no member is given.
    public static async Task<TrendRecordPage?> RecordsAsync(
        AppDbContext db, ClaimsPrincipal user, TrendArgs args, DateOnly bucketStart, int page, CancellationToken cancellationToken)
    {
        var subject = await SubjectAsync(db, user, args, cancellationToken);
        if (subject is null)
        {
            return null;
        }
        var buckets = TrendBuckets.Cover(args.Granularity, bucketStart, bucketStart, args.FiscalYearStartMonth, args.Zone);
        IReadOnlyCollection<long>? members = args.Member is { } one ? [one] : subject.Group;
        return await TrendRecords.LoadAsync(
            db, subject.Scope, buckets.Period(0), args.Metric, args.ActivityType, members, Math.Max(1, page), RecordsPageSize, cancellationToken);
    }

    // Checks a bucket named by its first day: one of the granularity's starts.
    public static DateOnly? Bucket(string? bucket, TrendArgs args, FieldErrors errors)
    {
        var l = errors.Localizer;
        if (AnalyticsApi.Date(bucket, "bucket", errors) is not { } day)
        {
            if (!errors.ContainsKey("bucket"))
            {
                errors.Add("bucket", l["Validation.Required"]);
            }
            return null;
        }
        var (start, _) = TrendBuckets.Containing(args.Granularity, day, args.FiscalYearStartMonth);
        if (start != day)
        {
            errors.Add("bucket", string.Format(CultureInfo.CurrentCulture, l["Explorer.Validation.Bucket"], day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
            return null;
        }
        return day;
    }

    // Whose figures: a rep only their own; a manager or admin a team they may read (with every
    // sub-team, former members' records included) or their whole scope, and its active reps.
    internal static async Task<TrendSubject?> SubjectAsync(AppDbContext db, ClaimsPrincipal user, TrendArgs args, CancellationToken cancellationToken)
    {
        var scope = await AccessScope.ForMemberAsync(db, user.GetMemberId(), cancellationToken);
        string? teamName = null;
        if (args.Team is { } team)
        {
            teamName = await scope.Teams(db).Where(t => t.Id == team).Select(t => t.Name).SingleOrDefaultAsync(cancellationToken);
            if (teamName is null)
            {
                return null;
            }
        }
        if (scope.Role == MemberRole.Rep)
        {
            if (args.Member is { } asked && asked != scope.MemberId)
            {
                return null;
            }
            var me = await db.Members.Where(m => m.Id == scope.MemberId).Select(m => new TrendRep(m.Id, m.Name, m.Team == null ? null : m.Team.Name)).SingleAsync(cancellationToken);
            return new TrendSubject(scope, args.Team, teamName, [scope.MemberId], [me]);
        }
        IReadOnlyCollection<long>? group = null;
        var reps = scope.Members(db).Where(m => m.Active && m.Role == MemberRole.Rep);
        if (args.Team is { } chosen)
        {
            var subtree = await AccessScope.TeamsBelowAsync(db, [chosen], cancellationToken);
            group = await scope.Members(db).Where(m => m.TeamId != null && subtree.Contains(m.TeamId.Value)).Select(m => m.Id).ToListAsync(cancellationToken);
            reps = reps.Where(m => m.TeamId != null && subtree.Contains(m.TeamId.Value));
        }
        var people = await reps.OrderBy(m => m.Name).ThenBy(m => m.Id)
            .Select(m => new TrendRep(m.Id, m.Name, m.Team == null ? null : m.Team.Name)).ToListAsync(cancellationToken);
        if (args.Member is { } member && !people.Any(p => p.Id == member))
        {
            return null;
        }
        return new TrendSubject(scope, args.Team, teamName, group, people);
    }

    private static T Choice<T>(string? text, T fallback, string field, FieldErrors errors, IStringLocalizer<Strings> l) where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }
        var trimmed = text.Trim();
        if (!char.IsDigit(trimmed[0]) && Enum.TryParse<T>(trimmed, ignoreCase: true, out var value) && Enum.IsDefined(value))
        {
            return value;
        }
        errors.Add(field, string.Format(CultureInfo.CurrentCulture, l["Explorer.Validation.OneOf"], trimmed, string.Join(", ", Enum.GetNames<T>())));
        return fallback;
    }

    internal sealed record TrendRep(long Id, string Name, string? TeamName);

    internal sealed record TrendSubject(AccessScope Scope, long? TeamId, string? TeamName, IReadOnlyCollection<long>? Group, IReadOnlyList<TrendRep> Reps);
}

// A checked request: the range as asked (the result widens it to whole buckets).
public sealed record TrendArgs(
    TrendMetric Metric, ActivityType? ActivityType, TrendGranularity Granularity, DateOnly From, DateOnly To, long? Team, long? Member,
    TimeZoneInfo Zone, int FiscalYearStartMonth, string Currency);

// Values are in the metric's unit (money in minor units, win rate a fraction), one per bucket;
// null where a ratio has nothing to divide. Median is null for a rep (they see no teammates).
public sealed record TrendResult(
    TrendMetric Metric, ActivityType? ActivityType, TrendGranularity Granularity, DateOnly From, DateOnly To, long? TeamId, string? TeamName, long? MemberId,
    MemberRole ReaderRole, string Currency, IReadOnlyList<TrendBucket> Buckets, IReadOnlyList<decimal?> Group, IReadOnlyList<decimal?>? Median,
    IReadOnlyList<TrendRow> Rows);

public sealed record TrendRow(long MemberId, string Name, string? TeamName, IReadOnlyList<decimal?> Values);
