using System.Security.Claims;
using Headroom.Activities;
using Headroom.Data;
using Headroom.Organizations;
using Headroom.Web.Api;
using Headroom.Web.Auth;
using Headroom.Web.Localization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Headroom.Web.Activities;

// Activities through AccessScope.Activities: a rep's own, a manager's members', the admin's all.
// The member, account, deal and lead named in a body must be ones the caller may use.
public static class ActivitiesApi
{
    public const int MaxDurationMinutes = 24 * 60;

    public static void MapActivitiesApi(this RouteGroupBuilder api)
    {
        var activities = api.MapGroup("/activities").WithTags("Activities");
        activities.MapGet("/", ListActivities).WithSummary(
            "Activities in your scope by member, type, account, deal, lead and start (from inclusive, to exclusive, UTC), " +
            "sorted (start, duration, type, member; '-' for descending) and paged; totalMinutes sums every match.");
        activities.MapGet("/{id:long}", GetActivity).WithSummary("One activity in your scope.");
        activities.MapPost("/", LogActivity).WithSummary("Log an activity; memberId defaults to you (managers may name a member in their scope).");
        activities.MapPut("/{id:long}", UpdateActivity).WithSummary("Update an activity; send the version you read (409 if it changed since).");
        activities.MapDelete("/{id:long}", DeleteActivity).WithSummary("Delete an activity in your scope (a rep: their own); with ?version= the version you read, refused (409) if it changed since.");
    }

    public static async Task<Ok<ActivityList>> ListActivities(
        [AsParameters] ActivityFilter filter, [AsParameters] PageQuery paging, AppDbContext db, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var scope = await AccessScope.ForMemberAsync(db, user.GetMemberId(), cancellationToken);
        var query = scope.Activities(db);
        if (filter.MemberId is { } memberId)
        {
            query = query.Where(a => a.MemberId == memberId);
        }
        if (filter.Type is { } type)
        {
            query = query.Where(a => a.Type == type);
        }
        if (filter.From is { } from)
        {
            var fromUtc = UserTimeZone.AsUtc(from);
            query = query.Where(a => a.StartUtc >= fromUtc);
        }
        if (filter.To is { } to)
        {
            var toUtc = UserTimeZone.AsUtc(to);
            query = query.Where(a => a.StartUtc < toUtc);
        }
        if (filter.AccountId is { } accountId)
        {
            query = query.Where(a => a.AccountId == accountId);
        }
        if (filter.DealId is { } dealId)
        {
            query = query.Where(a => a.DealId == dealId);
        }
        if (filter.LeadId is { } leadId)
        {
            query = query.Where(a => a.LeadId == leadId);
        }
        var total = await query.CountAsync(cancellationToken);
        var minutes = total == 0 ? 0 : await query.SumAsync(a => (long)a.DurationMinutes, cancellationToken);
        IOrderedQueryable<SalesActivity> ordered = (paging.SortKey, paging.Descending) switch
        {
            ("duration", false) => query.OrderBy(a => a.DurationMinutes),
            ("duration", true) => query.OrderByDescending(a => a.DurationMinutes),
            ("type", false) => query.OrderBy(a => a.Type),
            ("type", true) => query.OrderByDescending(a => a.Type),
            ("member", false) => query.OrderBy(a => db.Members.Where(m => m.Id == a.MemberId).Select(m => m.Name).First()),
            ("member", true) => query.OrderByDescending(a => db.Members.Where(m => m.Id == a.MemberId).Select(m => m.Name).First()),
            ("start", false) => query.OrderBy(a => a.StartUtc),
            _ => query.OrderByDescending(a => a.StartUtc),
        };
        var items = await Project(ordered.ThenByDescending(a => a.Id).Skip(paging.Skip).Take(paging.Size), db).ToListAsync(cancellationToken);
        return TypedResults.Ok(new ActivityList(items, total, paging.PageNumber, paging.Size, minutes));
    }

    public static async Task<Results<Ok<ActivityResponse>, NotFound>> GetActivity(long id, AppDbContext db, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var scope = await AccessScope.ForMemberAsync(db, user.GetMemberId(), cancellationToken);
        var activity = await Project(scope.Activities(db).Where(a => a.Id == id), db).SingleOrDefaultAsync(cancellationToken);
        return activity is null ? TypedResults.NotFound() : TypedResults.Ok(activity);
    }

    public static async Task<Results<Created<ActivityResponse>, ValidationProblem>> LogActivity(
        ActivityRequest request, AppDbContext db, ClaimsPrincipal user, IStringLocalizer<Strings> l, CancellationToken cancellationToken)
    {
        var scope = await AccessScope.ForMemberAsync(db, user.GetMemberId(), cancellationToken);
        var activity = new SalesActivity();
        var errors = new FieldErrors(l);
        await ApplyAsync(activity, request, scope, db, errors, current: null, cancellationToken);
        if (errors.Any)
        {
            return ApiProblems.Fields(errors);
        }
        db.SalesActivities.Add(activity);
        await db.SaveChangesAsync(cancellationToken);
        var created = await Project(db.SalesActivities.Where(a => a.Id == activity.Id), db).SingleAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/activities/{activity.Id}", created);
    }

    public static async Task<Results<Ok<ActivityResponse>, NotFound, ValidationProblem, ProblemHttpResult>> UpdateActivity(
        long id, ActivityRequest request, AppDbContext db, ClaimsPrincipal user, IStringLocalizer<Strings> l, CancellationToken cancellationToken)
    {
        var scope = await AccessScope.ForMemberAsync(db, user.GetMemberId(), cancellationToken);
        var activity = await scope.Activities(db).SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (activity is null)
        {
            return TypedResults.NotFound();
        }
        var errors = new FieldErrors(l);
        if (request.Version is not { } version)
        {
            errors.Add("version", l["Validation.Required"]);
            return ApiProblems.Fields(errors);
        }
        if (version != activity.Version)
        {
            return ApiProblems.StaleVersion(l["Problem.StaleVersion"]);
        }
        await ApplyAsync(activity, request, scope, db, errors, activity.MemberId, cancellationToken);
        if (errors.Any)
        {
            return ApiProblems.Fields(errors);
        }
        if (await ApiSave.ChangesAsync(db, l, cancellationToken) is { } stale)
        {
            return stale;
        }
        return TypedResults.Ok(await Project(db.SalesActivities.Where(a => a.Id == id), db).SingleAsync(cancellationToken));
    }

    public static async Task<Results<NoContent, NotFound, ProblemHttpResult>> DeleteActivity(long id, [FromQuery] long? version, AppDbContext db, ClaimsPrincipal user, IStringLocalizer<Strings> l, CancellationToken cancellationToken)
    {
        var scope = await AccessScope.ForMemberAsync(db, user.GetMemberId(), cancellationToken);
        var activity = await scope.Activities(db).SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (activity is null)
        {
            return TypedResults.NotFound();
        }
        // Optional for scripts; the pages send it, so a record someone changed meanwhile is not deleted unseen.
        if (version is { } expected && expected != activity.Version)
        {
            return ApiProblems.StaleVersion(l["Problem.StaleVersion"]);
        }
        db.SalesActivities.Remove(activity);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task ApplyAsync(
        SalesActivity activity, ActivityRequest request, AccessScope scope, AppDbContext db, FieldErrors errors, long? current, CancellationToken cancellationToken)
    {
        if (request.Type is { } type && Enum.IsDefined(type))
        {
            activity.Type = type;
        }
        else
        {
            errors.Add("type", errors.Localizer["Validation.Required"]);
        }
        if (request.StartUtc is { } start)
        {
            activity.StartUtc = UserTimeZone.AsUtc(start);
        }
        else
        {
            errors.Add("startUtc", errors.Localizer["Validation.Required"]);
        }
        if (request.DurationMinutes is { } duration)
        {
            if (duration is < 0 or > MaxDurationMinutes)
            {
                errors.Add("durationMinutes", errors.Localizer["Validation.Duration"]);
            }
            activity.DurationMinutes = duration;
        }
        else
        {
            errors.Add("durationMinutes", errors.Localizer["Validation.Required"]);
        }
        activity.Outcome = request.Outcome is { } outcome && Enum.IsDefined(outcome) ? outcome : ActivityOutcome.Completed;
        activity.Notes = errors.Text("notes", request.Notes, 4000, required: false);
        activity.AccountId = await RelatedRecords.CheckAsync(scope, db, request.AccountId, request.DealId, request.LeadId, errors, cancellationToken);
        activity.DealId = request.DealId;
        activity.LeadId = request.LeadId;
        activity.MemberId = await OwnerField.ResolveAsync(scope, db, request.MemberId, current, errors, "memberId", cancellationToken) ?? scope.MemberId;
    }

    public static IQueryable<ActivityResponse> Project(IQueryable<SalesActivity> activities, AppDbContext db) => activities.Select(a => new ActivityResponse(
        a.Id, a.Type, a.StartUtc, a.DurationMinutes, a.Outcome, a.Notes,
        a.MemberId, db.Members.Where(m => m.Id == a.MemberId).Select(m => m.Name).First(),
        a.AccountId, db.Accounts.Where(c => c.Id == a.AccountId).Select(c => c.Name).FirstOrDefault(),
        a.DealId, db.Deals.Where(d => d.Id == a.DealId).Select(d => d.Name).FirstOrDefault(),
        a.LeadId, db.Leads.Where(x => x.Id == a.LeadId).Select(x => x.Name).FirstOrDefault(),
        a.Version));
}
