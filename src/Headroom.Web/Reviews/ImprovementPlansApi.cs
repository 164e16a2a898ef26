using System.Security.Claims;
using Headroom.Data;
using Headroom.Organizations;
using Headroom.Reviews;
using Headroom.Web.Api;
using Headroom.Web.Auth;
using Headroom.Web.Localization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Headroom.Web.Reviews;

// Improvement plans (docs/decisions/0026): read by the member and whoever sees them
// (AccessScope.Members); written by an admin or the member's manager, never by the member alone.
// A plan made in a review comes back in the member's next reviews.
public static class ImprovementPlansApi
{
    public const int MaxItems = 20;

    public static void MapImprovementPlansApi(this RouteGroupBuilder api)
    {
        var plans = api.MapGroup("/improvement-plans").WithTags("Reviews");
        plans.MapGet("/", ListPlans).WithSummary("Improvement plans of the members you may see (optionally one member's), newest first, paged.");
        plans.MapGet("/{id:long}", GetPlan).WithSummary("One improvement plan with its items (text, owner, due date, status).");
        plans.MapPost("/", CreatePlan).WithSummary("Create a plan for a member (their manager or an admin), optionally in one of their reviews.");
        plans.MapPut("/{id:long}", UpdatePlan).WithSummary("Replace a plan's items (their manager or an admin); send the version you read.");
    }

    public static async Task<Ok<PagedList<ImprovementPlanResponse>>> ListPlans(
        [AsParameters] ImprovementPlanFilter filter, [AsParameters] PageQuery paging, AppDbContext db, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var query = await ReadableAsync(db, user, cancellationToken);
        if (filter.MemberId is { } member)
        {
            query = query.Where(p => p.MemberId == member);
        }
        var total = await query.CountAsync(cancellationToken);
        var items = await Project(db, query.OrderByDescending(p => p.CreatedUtc).ThenByDescending(p => p.Id).Skip(paging.Skip).Take(paging.Size), cancellationToken);
        return TypedResults.Ok(new PagedList<ImprovementPlanResponse>(items, total, paging.PageNumber, paging.Size));
    }

    public static async Task<Results<Ok<ImprovementPlanResponse>, NotFound>> GetPlan(long id, AppDbContext db, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var query = await ReadableAsync(db, user, cancellationToken);
        var plan = (await Project(db, query.Where(p => p.Id == id), cancellationToken)).SingleOrDefault();
        return plan is null ? TypedResults.NotFound() : TypedResults.Ok(plan);
    }

    public static async Task<Results<Created<ImprovementPlanResponse>, ValidationProblem, ProblemHttpResult>> CreatePlan(
        ImprovementPlanRequest request, AppDbContext db, ClaimsPrincipal user, IStringLocalizer<Strings> l, CancellationToken cancellationToken)
    {
        var access = await AccessScope.ForMemberAsync(db, user.GetMemberId(), cancellationToken);
        if (access.Role == MemberRole.Rep)
        {
            return ApiProblems.Forbidden(l["Problem.PlanWriters"]);
        }
        var errors = new FieldErrors(l);
        if (request.MemberId is not { } memberId || memberId == access.MemberId
            || !await access.Members(db).AnyAsync(m => m.Id == memberId, cancellationToken))
        {
            errors.Add("memberId", l[request.MemberId is null ? "Validation.Required" : "Validation.UnknownOwner"]);
            return ApiProblems.Fields(errors);
        }
        if (request.ReviewId is { } reviewId && !await db.Reviews.AnyAsync(r => r.Id == reviewId && r.MemberId == memberId, cancellationToken))
        {
            errors.Add("reviewId", l["Validation.UnknownReview"]);
        }
        var items = await ItemsAsync(request.Items, memberId, access, db, errors, cancellationToken);
        if (errors.Any)
        {
            return ApiProblems.Fields(errors);
        }
        var plan = db.ImprovementPlans.Add(new ImprovementPlan { MemberId = memberId, ReviewId = request.ReviewId, Items = items }).Entity;
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/improvement-plans/{plan.Id}", (await Project(db, db.ImprovementPlans.Where(p => p.Id == plan.Id), cancellationToken)).Single());
    }

    public static async Task<Results<Ok<ImprovementPlanResponse>, NotFound, ValidationProblem, ProblemHttpResult>> UpdatePlan(
        long id, ImprovementPlanRequest request, AppDbContext db, ClaimsPrincipal user, IStringLocalizer<Strings> l, CancellationToken cancellationToken)
    {
        var access = await AccessScope.ForMemberAsync(db, user.GetMemberId(), cancellationToken);
        var members = access.Members(db).Select(m => m.Id);
        var plan = await db.ImprovementPlans.Where(p => members.Contains(p.MemberId)).SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (plan is null)
        {
            return TypedResults.NotFound();
        }
        if (access.Role == MemberRole.Rep || plan.MemberId == access.MemberId)
        {
            return ApiProblems.Forbidden(l["Problem.PlanWriters"]);
        }
        var errors = new FieldErrors(l);
        if (request.Version is not { } version)
        {
            errors.Add("version", l["Validation.Required"]);
            return ApiProblems.Fields(errors);
        }
        if (version != plan.Version)
        {
            return ApiProblems.StaleVersion(l["Problem.StaleVersion"]);
        }
        var items = await ItemsAsync(request.Items, plan.MemberId, access, db, errors, cancellationToken);
        if (errors.Any)
        {
            return ApiProblems.Fields(errors);
        }
        plan.Items = items;
        if (await ApiSave.ChangesAsync(db, l, cancellationToken) is { } stale)
        {
            return stale;
        }
        return TypedResults.Ok((await Project(db, db.ImprovementPlans.Where(p => p.Id == id), cancellationToken)).Single());
    }

    public static async Task<List<ImprovementPlanResponse>> Project(AppDbContext db, IQueryable<ImprovementPlan> plans, CancellationToken cancellationToken)
    {
        var rows = await plans.Select(p => new
        {
            p.Id, p.MemberId, MemberName = p.Member!.Name, p.ReviewId, CycleName = p.Review != null ? p.Review.Cycle!.Name : null, p.Items, p.CreatedUtc, p.Version,
        }).ToListAsync(cancellationToken);
        var owners = rows.SelectMany(r => r.Items.Select(i => i.OwnerId)).Distinct().ToList();
        var names = await db.Members.Where(m => owners.Contains(m.Id)).Select(m => new { m.Id, m.Name }).ToDictionaryAsync(m => m.Id, m => m.Name, cancellationToken);
        return [.. rows.Select(r => new ImprovementPlanResponse(r.Id, r.MemberId, r.MemberName, r.ReviewId, r.CycleName,
            [.. r.Items.Select(i => new ImprovementItemResponse(i.Text, i.OwnerId, names.GetValueOrDefault(i.OwnerId), i.DueDate, i.Status))],
            r.CreatedUtc, r.Version))];
    }

    private static async Task<IQueryable<ImprovementPlan>> ReadableAsync(AppDbContext db, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var access = await AccessScope.ForMemberAsync(db, user.GetMemberId(), cancellationToken);
        if (access.Role == MemberRole.Admin)
        {
            return db.ImprovementPlans;
        }
        var members = access.Members(db).Select(m => m.Id);
        return db.ImprovementPlans.Where(p => members.Contains(p.MemberId));
    }

    // 1–20 items: a text, an owner (the member or someone the writer may see), a due date, a status.
    private static async Task<List<ImprovementItem>> ItemsAsync(
        List<ImprovementItemRequest>? requests, long memberId, AccessScope access, AppDbContext db, FieldErrors errors, CancellationToken cancellationToken)
    {
        var l = errors.Localizer;
        var items = new List<ImprovementItem>();
        if (requests is null || requests.Count == 0 || requests.Count > MaxItems)
        {
            errors.Add("items", l["Validation.PlanItems"]);
            return items;
        }
        var ownerIds = requests.Where(r => r.OwnerId is not null).Select(r => r.OwnerId!.Value).Distinct().ToList();
        var allowed = (await access.Members(db).Where(m => ownerIds.Contains(m.Id) && m.Active).Select(m => m.Id).ToListAsync(cancellationToken)).ToHashSet();
        allowed.Add(memberId);
        for (var i = 0; i < requests.Count; i++)
        {
            var request = requests[i];
            var text = errors.Text($"items[{i}].text", request.Text, 500, required: true);
            if (request.OwnerId is not { } owner || !allowed.Contains(owner))
            {
                errors.Add($"items[{i}].ownerId", l[request.OwnerId is null ? "Validation.Required" : "Validation.UnknownOwner"]);
            }
            if (request.DueDate is null)
            {
                errors.Add($"items[{i}].dueDate", l["Validation.Required"]);
            }
            if (request.Status is { } status && !Enum.IsDefined(status))
            {
                errors.Add($"items[{i}].status", l["Validation.Required"]);
            }
            if (text is not null && request.OwnerId is { } ownerId && request.DueDate is { } due)
            {
                items.Add(new ImprovementItem { Text = text, OwnerId = ownerId, DueDate = due, Status = request.Status ?? ImprovementStatus.Open });
            }
        }
        return items;
    }
}
