using System.Globalization;
using System.Security.Claims;
using Headroom.Assignment;
using Headroom.Data;
using Headroom.Organizations;
using Headroom.Web.Api;
using Headroom.Web.Auth;
using Headroom.Web.Localization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Headroom.Web.Assignment;

// Leave cover (docs/decisions/0029): the plan for a member's leave, its application, the covers
// with their lines, and ending one early. A leave whose member the caller may not see answers 404;
// planning, applying and ending are for the member's manager or an admin (a rep gets 403 for their
// own leave: the plan shows colleagues' workload, which a rep may not read). Reading covers: those
// of members the caller may see, and those in which the caller covers. Reading first returns the
// covers whose leave is over, so what a page shows is never a cover that should have ended.
public static class LeaveCoverApi
{
    public const int MaxLines = 500;

    public static void MapLeaveCoverApi(this RouteGroupBuilder api)
    {
        var cover = api.MapGroup("/leave-cover").WithTags("Leave cover");
        cover.MapGet("/plan", Plan).WithSummary(
            "Who should cover a member's open follow-ups due by the end of a leave: teammates first, one colleague per account, off leave and within the band, each line explained; nothing is changed.");
        cover.MapPost("/", Apply).WithSummary(
            "Apply a (possibly edited) cover plan in one unit of work: each follow-up gets its cover member (the owner stays) and an assignment log entry; a line whose follow-up changed since the preview answers 409 naming it and nothing is applied.");
        cover.MapGet("/", List).WithSummary("The leave covers the caller may see, newest leave first, filtered by member and state, paged.");
        cover.MapGet("/{id:long}", Get).WithSummary("One leave cover with its lines.");
        cover.MapPost("/{id:long}/end", End).WithSummary("End a cover before its leave is over: the open follow-ups go back to their owner, logged.");
    }

    public static async Task<Results<Ok<CoverPlanResponse>, NotFound, ProblemHttpResult>> Plan(
        long timeOffId, AppDbContext db, ClaimsPrincipal user, TimeProvider clock, IStringLocalizer<Strings> l, CancellationToken cancellationToken)
    {
        var scope = await AccessScope.ForMemberAsync(db, user.GetMemberId(), cancellationToken);
        var timeOff = await VisibleTimeOffAsync(db, scope, timeOffId, cancellationToken);
        if (timeOff is null)
        {
            return TypedResults.NotFound();
        }
        if (scope.Role == MemberRole.Rep)
        {
            return ApiProblems.Forbidden(l["Problem.LeaveCoverManagersOnly"]);
        }
        await ReturnDueAsync(db, clock, cancellationToken);
        var inputs = await LeaveCoverQuery.LoadAsync(db, timeOff, clock.GetUtcNow(), cancellationToken);
        var plan = LeaveCoverPlanner.Plan(inputs);
        var member = await db.Members.Where(m => m.Id == timeOff.MemberId).Select(m => m.Name).SingleAsync(cancellationToken);
        var current = await db.LeaveCovers.Where(c => c.TimeOffId == timeOff.Id && c.ReturnedUtc == null).Select(c => (long?)c.Id).FirstOrDefaultAsync(cancellationToken);
        var candidates = inputs.Candidates.OrderBy(c => c.SameTeam ? 0 : 1).ThenBy(c => c.Name, StringComparer.Ordinal)
            .Select(c => new CoverCandidateResponse(c.Id, c.Name, c.SameTeam, c.CapacityHours > 0 ? c.LoadHours / c.CapacityHours : null, c.OnLeave)).ToList();
        return TypedResults.Ok(new CoverPlanResponse(timeOff.Id, timeOff.MemberId, member, timeOff.StartDate, timeOff.EndDate, current,
            [.. plan.Lines.Select(line => new CoverPlanLineResponse(line, LeaveCoverExplanation.English(line)))], plan.Uncovered, candidates));
    }

    public static async Task<Results<Created<CoverResponse>, NotFound, ValidationProblem, ProblemHttpResult>> Apply(
        CoverApplyRequest request, AppDbContext db, ClaimsPrincipal user, TimeProvider clock, IStringLocalizer<Strings> l, CancellationToken cancellationToken)
    {
        if (request.TimeOffId is not { } timeOffId)
        {
            return ApiProblems.Field("timeOffId", l["Validation.Required"]);
        }
        var scope = await AccessScope.ForMemberAsync(db, user.GetMemberId(), cancellationToken);
        var timeOff = await VisibleTimeOffAsync(db, scope, timeOffId, cancellationToken);
        if (timeOff is null)
        {
            return TypedResults.NotFound();
        }
        if (scope.Role == MemberRole.Rep)
        {
            return ApiProblems.Forbidden(l["Problem.LeaveCoverManagersOnly"]);
        }
        var lines = request.Lines ?? [];
        var errors = new FieldErrors(l);
        if (lines.Count == 0 || lines.Count > MaxLines)
        {
            errors.Add("lines", string.Format(CultureInfo.CurrentCulture, l["Validation.LeaveCoverLines"], MaxLines));
        }
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].FollowUpId is null)
            {
                errors.Add($"lines[{i}].followUpId", l["Validation.Required"]);
            }
            if (lines[i].CoverMemberId is null)
            {
                errors.Add($"lines[{i}].coverMemberId", l["Validation.Required"]);
            }
        }
        if (errors.Any)
        {
            return ApiProblems.Fields(errors);
        }
        var nowUtc = clock.GetUtcNow().UtcDateTime;
        var today = await TodayOfAsync(db, timeOff.MemberId, nowUtc, cancellationToken);
        if (timeOff.EndDate < today)
        {
            return ApiProblems.Field("timeOffId", l["Validation.LeaveCoverOver"]);
        }
        var name = await db.Members.Where(m => m.Id == scope.MemberId).Select(m => m.Name).SingleAsync(cancellationToken);
        var changes = lines.Select(x => new CoverChange(x.FollowUpId!.Value, x.CoverMemberId!.Value, x.Explanation)).ToList();
        var (outcome, raced) = await ApplyProblems.RunAsync(
            () => LeaveCoverService.ApplyAsync(db, scope, new AssignmentActor(scope.MemberId, name), timeOff, changes, nowUtc, cancellationToken), l);
        if (outcome is null)
        {
            return raced!;
        }
        if (outcome.Problems.Any(p => p.Problem == CoverProblemKind.AlreadyCovered))
        {
            return ApiProblems.Conflict(l["Problem.LeaveCoverExists"]);
        }
        if (ApplyProblems.Stale(outcome.Problems, p => p.Problem == CoverProblemKind.Stale, p => $"{p.Label} ({p.FollowUpId})", l["Problem.LeaveCoverStale"]) is { } conflict)
        {
            return conflict;
        }
        if (ApplyProblems.Lines(errors, outcome.Problems, "lines", p => p.Index, p => p.Problem switch
            {
                CoverProblemKind.BadCover => ("coverMemberId", "Validation.LeaveCoverMember"),
                CoverProblemKind.Duplicate => ("followUpId", "Validation.LeaveCoverDuplicate"),
                _ => ("followUpId", "Validation.LeaveCoverItem"),
            }) is { } invalid)
        {
            return invalid;
        }
        var response = await ResponseAsync(db, outcome.Cover!.Id, today, cancellationToken);
        return TypedResults.Created($"/api/v1/leave-cover/{outcome.Cover.Id}", response);
    }

    public static async Task<Results<Ok<PagedList<CoverResponse>>, NotFound>> List(
        long? memberId, LeaveCoverState? state, [AsParameters] PageQuery paging, AppDbContext db, ClaimsPrincipal user, TimeProvider clock, CancellationToken cancellationToken)
    {
        var scope = await AccessScope.ForMemberAsync(db, user.GetMemberId(), cancellationToken);
        await ReturnDueAsync(db, clock, cancellationToken);
        var query = Visible(db, scope);
        if (memberId is { } member)
        {
            if (!await scope.Members(db).AnyAsync(m => m.Id == member, cancellationToken))
            {
                return TypedResults.NotFound();
            }
            query = query.Where(c => c.MemberId == member);
        }
        var orgToday = await TodayOfAsync(db, null, clock.GetUtcNow().UtcDateTime, cancellationToken);
        query = state switch
        {
            LeaveCoverState.Returned => query.Where(c => c.ReturnedUtc != null),
            LeaveCoverState.Active => query.Where(c => c.ReturnedUtc == null && c.StartDate <= orgToday),
            LeaveCoverState.Planned => query.Where(c => c.ReturnedUtc == null && c.StartDate > orgToday),
            _ => query,
        };
        var total = await query.CountAsync(cancellationToken);
        var ids = await query.OrderByDescending(c => c.StartDate).ThenByDescending(c => c.Id).Skip(paging.Skip).Take(paging.Size)
            .Select(c => c.Id).ToListAsync(cancellationToken);
        var items = new List<CoverResponse>(ids.Count);
        foreach (var id in ids)
        {
            items.Add(await ResponseAsync(db, id, orgToday, cancellationToken));
        }
        return TypedResults.Ok(new PagedList<CoverResponse>(items, total, paging.PageNumber, paging.Size));
    }

    public static async Task<Results<Ok<CoverResponse>, NotFound>> Get(
        long id, AppDbContext db, ClaimsPrincipal user, TimeProvider clock, CancellationToken cancellationToken)
    {
        var scope = await AccessScope.ForMemberAsync(db, user.GetMemberId(), cancellationToken);
        await ReturnDueAsync(db, clock, cancellationToken);
        if (!await Visible(db, scope).AnyAsync(c => c.Id == id, cancellationToken))
        {
            return TypedResults.NotFound();
        }
        var today = await TodayOfAsync(db, null, clock.GetUtcNow().UtcDateTime, cancellationToken);
        return TypedResults.Ok(await ResponseAsync(db, id, today, cancellationToken));
    }

    public static async Task<Results<Ok<CoverResponse>, NotFound, ProblemHttpResult>> End(
        long id, AppDbContext db, ClaimsPrincipal user, TimeProvider clock, IStringLocalizer<Strings> l, CancellationToken cancellationToken)
    {
        var scope = await AccessScope.ForMemberAsync(db, user.GetMemberId(), cancellationToken);
        var members = scope.Members(db).Select(m => m.Id);
        var cover = await db.LeaveCovers.SingleOrDefaultAsync(c => c.Id == id && members.Contains(c.MemberId), cancellationToken);
        if (cover is null)
        {
            return TypedResults.NotFound();
        }
        if (scope.Role == MemberRole.Rep)
        {
            return ApiProblems.Forbidden(l["Problem.LeaveCoverManagersOnly"]);
        }
        if (cover.ReturnedUtc is not null)
        {
            return ApiProblems.Conflict(l["Problem.LeaveCoverReturned"]);
        }
        var name = await db.Members.Where(m => m.Id == scope.MemberId).Select(m => m.Name).SingleAsync(cancellationToken);
        var nowUtc = clock.GetUtcNow().UtcDateTime;
        try
        {
            await LeaveCoverService.EndAsync(db, new AssignmentActor(scope.MemberId, name), cover, nowUtc, cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ApiProblems.StaleVersion(l["Problem.StaleVersion"]);
        }
        var today = await TodayOfAsync(db, null, nowUtc, cancellationToken);
        return TypedResults.Ok(await ResponseAsync(db, id, today, cancellationToken));
    }

    // Covers of members the caller may see, and those in which the caller covers something.
    public static IQueryable<LeaveCover> Visible(AppDbContext db, AccessScope scope)
    {
        if (scope.Role == MemberRole.Admin)
        {
            return db.LeaveCovers;
        }
        var members = scope.Members(db).Select(m => m.Id);
        var me = scope.MemberId;
        return db.LeaveCovers.Where(c => members.Contains(c.MemberId) || c.Lines.Any(x => x.CoverMemberId == me));
    }

    // Returns the covers whose leave is over; idempotent, so every read may run it first. A
    // concurrent reader that returned them first wins (version tokens); this one goes on.
    public static async Task ReturnDueAsync(AppDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        try
        {
            await LeaveCoverService.ReturnDueAsync(db, AssignmentActor.System, clock.GetUtcNow().UtcDateTime, cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
        }
    }

    private static async Task<TimeOff?> VisibleTimeOffAsync(AppDbContext db, AccessScope scope, long timeOffId, CancellationToken cancellationToken)
    {
        var members = scope.Members(db).Select(m => m.Id);
        return await db.TimeOffs.AsNoTracking().SingleOrDefaultAsync(t => t.Id == timeOffId && members.Contains(t.MemberId), cancellationToken);
    }

    // Today in the member's zone (the organization's when null or the member has none).
    public static async Task<DateOnly> TodayOfAsync(AppDbContext db, long? memberId, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var orgId = db.Tenant.RequireOrgId();
        var orgZone = await db.Organizations.Where(o => o.Id == orgId).Select(o => o.TimeZoneId).SingleAsync(cancellationToken);
        var zone = memberId is { } id ? await db.Members.Where(m => m.Id == id).Select(m => m.TimeZoneId).SingleOrDefaultAsync(cancellationToken) : null;
        return Headroom.Workload.WorkloadScorer.LocalDate(nowUtc, TimeZoneInfo.FindSystemTimeZoneById(zone ?? orgZone));
    }

    private static async Task<CoverResponse> ResponseAsync(AppDbContext db, long id, DateOnly today, CancellationToken cancellationToken)
    {
        var cover = await db.LeaveCovers.AsNoTracking().Include(c => c.Lines).SingleAsync(c => c.Id == id, cancellationToken);
        var followUpIds = cover.Lines.Select(x => x.FollowUpId).ToList();
        var followUps = await db.FollowUps.AsNoTracking().Where(f => followUpIds.Contains(f.Id))
            .Select(f => new { f.Id, f.Title, f.Status }).ToDictionaryAsync(f => f.Id, cancellationToken);
        var memberIds = cover.Lines.Select(x => x.CoverMemberId).Append(cover.MemberId).Distinct().ToList();
        var names = await db.Members.Where(m => memberIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.Name, cancellationToken);
        var lines = cover.Lines.OrderBy(x => x.Id).Select(x => new CoverLineResponse(
            x.FollowUpId, followUps.TryGetValue(x.FollowUpId, out var f) ? f.Title : "", f?.Status ?? Headroom.FollowUps.FollowUpStatus.Cancelled,
            x.CoverMemberId, names.GetValueOrDefault(x.CoverMemberId, ""), x.Explanation)).ToList();
        return new CoverResponse(cover.Id, cover.MemberId, names.GetValueOrDefault(cover.MemberId, ""), cover.TimeOffId, cover.StartDate, cover.EndDate,
            cover.StateOn(today), cover.CreatedByName, cover.CreatedUtc, cover.ReturnedUtc, cover.ReturnReason, lines, cover.Version);
    }
}

public sealed record CoverCandidateResponse(long MemberId, string Name, bool SameTeam, double? Utilization, bool OnLeave);

// CurrentCoverId: the cover already applied to this leave and not returned, if any.
public sealed record CoverPlanResponse(
    long TimeOffId,
    long MemberId,
    string MemberName,
    DateOnly StartDate,
    DateOnly EndDate,
    long? CurrentCoverId,
    IReadOnlyList<CoverPlanLineResponse> Lines,
    IReadOnlyList<UncoveredItem> Uncovered,
    IReadOnlyList<CoverCandidateResponse> Candidates);

public sealed record CoverPlanLineResponse(CoverLine Line, string Explanation);

public sealed record CoverApplyRequest(long? TimeOffId, IReadOnlyList<CoverLineRequest>? Lines);

public sealed record CoverLineRequest(long? FollowUpId, long? CoverMemberId, string? Explanation);

public sealed record CoverLineResponse(long FollowUpId, string Title, Headroom.FollowUps.FollowUpStatus Status, long CoverMemberId, string CoverName, string? Explanation);

public sealed record CoverResponse(
    long Id,
    long MemberId,
    string MemberName,
    long? TimeOffId,
    DateOnly StartDate,
    DateOnly EndDate,
    LeaveCoverState State,
    string CreatedByName,
    DateTime CreatedUtc,
    DateTime? ReturnedUtc,
    string? ReturnReason,
    IReadOnlyList<CoverLineResponse> Lines,
    long Version);
