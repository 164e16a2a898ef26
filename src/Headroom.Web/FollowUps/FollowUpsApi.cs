using System.Security.Claims;
using Headroom.Data;
using Headroom.FollowUps;
using Headroom.Organizations;
using Headroom.Web.Api;
using Headroom.Web.Auth;
using Headroom.Web.Localization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Headroom.Web.FollowUps;

// Follow-ups through AccessScope.FollowUps (by assignee). The assignee, account, deal and lead
// named in a body must be ones the caller may use.
public static class FollowUpsApi
{
    public const double MaxEffortHours = 1000;

    public static void MapFollowUpsApi(this RouteGroupBuilder api)
    {
        var followUps = api.MapGroup("/followups").WithTags("Follow-ups");
        followUps.MapGet("/", ListFollowUps).WithSummary(
            "Follow-ups in your scope: view mine, due (open, due from now to the end of today in your time zone) or overdue (open, due before now); " +
            "by assignee, status, account, deal or lead; sorted (due, priority, title, assignee; '-' for descending) and paged.");
        followUps.MapGet("/{id:long}", GetFollowUp).WithSummary("One follow-up in your scope.");
        followUps.MapPost("/", CreateFollowUp).WithSummary("Create an open follow-up; assigneeId defaults to you (managers may name a member in their scope).");
        followUps.MapPut("/{id:long}", UpdateFollowUp).WithSummary("Update a follow-up; send the version you read (409 if it changed since).");
        followUps.MapPost("/{id:long}/done", MarkDone).WithSummary("Mark a follow-up done; send the version you read.");
        followUps.MapDelete("/{id:long}", DeleteFollowUp).WithSummary("Delete a follow-up in your scope; with ?version= the version you read, refused (409) if it changed since.");
    }

    public static async Task<Ok<FollowUpList>> ListFollowUps(
        [AsParameters] FollowUpFilter filter, [AsParameters] PageQuery paging, AppDbContext db, ClaimsPrincipal user, TimeProvider clock, CancellationToken cancellationToken)
    {
        var scope = await AccessScope.ForMemberAsync(db, user.GetMemberId(), cancellationToken);
        var query = scope.FollowUps(db);
        var now = clock.GetUtcNow().UtcDateTime;
        switch (filter.View)
        {
            case FollowUpView.Mine:
                // With what the caller covers for a colleague on leave: theirs to do for now.
                query = query.Where(f => f.AssigneeId == scope.MemberId || f.CoverMemberId == scope.MemberId);
                break;
            case FollowUpView.Overdue:
                query = query.Where(f => f.Status == FollowUpStatus.Open && f.DueUtc < now);
                break;
            case FollowUpView.Due:
                var zone = await UserTimeZone.FindAsync(db, user, cancellationToken);
                var endOfToday = UserTimeZone.ToUtc(UserTimeZone.ToLocal(now, zone).Date.AddDays(1), zone);
                query = query.Where(f => f.Status == FollowUpStatus.Open && f.DueUtc >= now && f.DueUtc < endOfToday);
                break;
        }
        if (filter.AssigneeId is { } assigneeId)
        {
            query = query.Where(f => f.AssigneeId == assigneeId);
        }
        if (filter.Status is { } status)
        {
            query = query.Where(f => f.Status == status);
        }
        if (filter.AccountId is { } accountId)
        {
            query = query.Where(f => f.AccountId == accountId);
        }
        if (filter.DealId is { } dealId)
        {
            query = query.Where(f => f.DealId == dealId);
        }
        if (filter.LeadId is { } leadId)
        {
            query = query.Where(f => f.LeadId == leadId);
        }
        var total = await query.CountAsync(cancellationToken);
        var effort = total == 0 ? 0 : await query.SumAsync(f => f.EffortHours, cancellationToken);
        IOrderedQueryable<FollowUp> ordered = (paging.SortKey, paging.Descending) switch
        {
            ("priority", false) => query.OrderBy(f => f.Priority),
            ("priority", true) => query.OrderByDescending(f => f.Priority),
            ("title", false) => query.OrderBy(f => f.Title),
            ("title", true) => query.OrderByDescending(f => f.Title),
            ("assignee", false) => query.OrderBy(f => db.Members.Where(m => m.Id == f.AssigneeId).Select(m => m.Name).FirstOrDefault()),
            ("assignee", true) => query.OrderByDescending(f => db.Members.Where(m => m.Id == f.AssigneeId).Select(m => m.Name).FirstOrDefault()),
            ("due", true) => query.OrderByDescending(f => f.DueUtc),
            _ => query.OrderBy(f => f.DueUtc),
        };
        var items = await Project(ordered.ThenBy(f => f.Id).Skip(paging.Skip).Take(paging.Size), db).ToListAsync(cancellationToken);
        return TypedResults.Ok(new FollowUpList(items, total, paging.PageNumber, paging.Size, effort));
    }

    public static async Task<Results<Ok<FollowUpResponse>, NotFound>> GetFollowUp(long id, AppDbContext db, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var scope = await AccessScope.ForMemberAsync(db, user.GetMemberId(), cancellationToken);
        var followUp = await Project(scope.FollowUps(db).Where(f => f.Id == id), db).SingleOrDefaultAsync(cancellationToken);
        return followUp is null ? TypedResults.NotFound() : TypedResults.Ok(followUp);
    }

    public static async Task<Results<Created<FollowUpResponse>, ValidationProblem>> CreateFollowUp(
        FollowUpRequest request, AppDbContext db, ClaimsPrincipal user, IStringLocalizer<Strings> l, CancellationToken cancellationToken)
    {
        var scope = await AccessScope.ForMemberAsync(db, user.GetMemberId(), cancellationToken);
        var followUp = new FollowUp { Title = "" };
        var errors = new FieldErrors(l);
        await ApplyAsync(followUp, request, scope, db, errors, current: null, cancellationToken);
        if (errors.Any)
        {
            return ApiProblems.Fields(errors);
        }
        db.FollowUps.Add(followUp);
        await db.SaveChangesAsync(cancellationToken);
        var created = await Project(db.FollowUps.Where(f => f.Id == followUp.Id), db).SingleAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/followups/{followUp.Id}", created);
    }

    public static async Task<Results<Ok<FollowUpResponse>, NotFound, ValidationProblem, ProblemHttpResult>> UpdateFollowUp(
        long id, FollowUpRequest request, AppDbContext db, ClaimsPrincipal user, IStringLocalizer<Strings> l, CancellationToken cancellationToken)
    {
        var scope = await AccessScope.ForMemberAsync(db, user.GetMemberId(), cancellationToken);
        var followUp = await scope.FollowUps(db).SingleOrDefaultAsync(f => f.Id == id, cancellationToken);
        if (followUp is null)
        {
            return TypedResults.NotFound();
        }
        var errors = new FieldErrors(l);
        if (request.Version is not { } version)
        {
            errors.Add("version", l["Validation.Required"]);
            return ApiProblems.Fields(errors);
        }
        if (version != followUp.Version)
        {
            return ApiProblems.StaleVersion(l["Problem.StaleVersion"]);
        }
        await ApplyAsync(followUp, request, scope, db, errors, followUp.AssigneeId, cancellationToken);
        if (errors.Any)
        {
            return ApiProblems.Fields(errors);
        }
        return await SaveAsync(followUp, db, l, cancellationToken);
    }

    public static async Task<Results<Ok<FollowUpResponse>, NotFound, ValidationProblem, ProblemHttpResult>> MarkDone(
        long id, MarkDoneRequest request, AppDbContext db, ClaimsPrincipal user, IStringLocalizer<Strings> l, TimeProvider clock, CancellationToken cancellationToken)
    {
        var scope = await AccessScope.ForMemberAsync(db, user.GetMemberId(), cancellationToken);
        var followUp = await scope.FollowUps(db).SingleOrDefaultAsync(f => f.Id == id, cancellationToken);
        if (followUp is null)
        {
            return TypedResults.NotFound();
        }
        if (request.Version is not { } version)
        {
            return ApiProblems.Field("version", l["Validation.Required"]);
        }
        if (version != followUp.Version)
        {
            return ApiProblems.StaleVersion(l["Problem.StaleVersion"]);
        }
        // Done twice is still done, and keeps the first completion time.
        if (followUp.Status != FollowUpStatus.Done)
        {
            followUp.Status = FollowUpStatus.Done;
            followUp.CompletedUtc = clock.GetUtcNow().UtcDateTime;
        }
        return await SaveAsync(followUp, db, l, cancellationToken);
    }

    public static async Task<Results<NoContent, NotFound, ProblemHttpResult>> DeleteFollowUp(long id, [FromQuery] long? version, AppDbContext db, ClaimsPrincipal user, IStringLocalizer<Strings> l, CancellationToken cancellationToken)
    {
        var scope = await AccessScope.ForMemberAsync(db, user.GetMemberId(), cancellationToken);
        var followUp = await scope.FollowUps(db).SingleOrDefaultAsync(f => f.Id == id, cancellationToken);
        if (followUp is null)
        {
            return TypedResults.NotFound();
        }
        // Optional for scripts; the pages send it, so a record someone changed meanwhile is not deleted unseen.
        if (version is { } expected && expected != followUp.Version)
        {
            return ApiProblems.StaleVersion(l["Problem.StaleVersion"]);
        }
        db.FollowUps.Remove(followUp);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<FollowUpResponse>, NotFound, ValidationProblem, ProblemHttpResult>> SaveAsync(
        FollowUp followUp, AppDbContext db, IStringLocalizer<Strings> l, CancellationToken cancellationToken)
    {
        if (await ApiSave.ChangesAsync(db, l, cancellationToken) is { } stale)
        {
            return stale;
        }
        return TypedResults.Ok(await Project(db.FollowUps.Where(f => f.Id == followUp.Id), db).SingleAsync(cancellationToken));
    }

    private static async Task ApplyAsync(
        FollowUp followUp, FollowUpRequest request, AccessScope scope, AppDbContext db, FieldErrors errors, long? current, CancellationToken cancellationToken)
    {
        followUp.Title = errors.Text("title", request.Title, 300, required: true) ?? followUp.Title;
        if (request.DueUtc is { } due)
        {
            followUp.DueUtc = UserTimeZone.AsUtc(due);
        }
        else
        {
            errors.Add("dueUtc", errors.Localizer["Validation.Required"]);
        }
        if (request.EffortHours is { } effort)
        {
            if (!double.IsFinite(effort) || effort is < 0 or > MaxEffortHours)
            {
                errors.Add("effortHours", errors.Localizer["Validation.Effort"]);
            }
            followUp.EffortHours = effort;
        }
        if (request.Priority is { } priority)
        {
            if (Enum.IsDefined(priority))
            {
                followUp.Priority = priority;
            }
            else
            {
                errors.Add("priority", errors.Localizer["Validation.Required"]);
            }
        }
        followUp.AccountId = await RelatedRecords.CheckAsync(scope, db, request.AccountId, request.DealId, request.LeadId, errors, cancellationToken);
        followUp.DealId = request.DealId;
        followUp.LeadId = request.LeadId;
        followUp.AssigneeId = await OwnerField.ResolveAsync(scope, db, request.AssigneeId, current, errors, "assigneeId", cancellationToken);
    }

    public static IQueryable<FollowUpResponse> Project(IQueryable<FollowUp> followUps, AppDbContext db) => followUps.Select(f => new FollowUpResponse(
        f.Id, f.Title, f.DueUtc, f.EffortHours, f.Status, f.Priority,
        f.AssigneeId, db.Members.Where(m => m.Id == f.AssigneeId).Select(m => m.Name).FirstOrDefault(),
        f.AccountId, db.Accounts.Where(c => c.Id == f.AccountId).Select(c => c.Name).FirstOrDefault(),
        f.DealId, db.Deals.Where(d => d.Id == f.DealId).Select(d => d.Name).FirstOrDefault(),
        f.LeadId, db.Leads.Where(x => x.Id == f.LeadId).Select(x => x.Name).FirstOrDefault(),
        f.CompletedUtc, f.Version,
        f.CoverMemberId, db.Members.Where(m => m.Id == f.CoverMemberId).Select(m => m.Name).FirstOrDefault()));
}
