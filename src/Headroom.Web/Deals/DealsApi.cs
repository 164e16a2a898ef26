using System.Security.Claims;
using Headroom.Data;
using Headroom.Deals;
using Headroom.Organizations;
using Headroom.Web.Api;
using Headroom.Web.Auth;
using Headroom.Web.Localization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Headroom.Web.Deals;

// Deals through AccessScope.Deals; the account, owner and stage named in a body must be ones the
// caller may use, or the request is refused with a ValidationProblem naming the field.
public static class DealsApi
{
    public static void MapDealsApi(this RouteGroupBuilder api)
    {
        var deals = api.MapGroup("/deals").WithTags("Deals");
        deals.MapGet("/", ListDeals).WithSummary(
            "Deals in your scope, filtered, sorted (name, amount, close, stage, owner, updated; '-' for descending) and paged. " +
            "Amounts are whole minor units (amountMinor) of the organization's currency (currency, ISO 4217).");
        deals.MapGet("/{id:long}", GetDeal).WithSummary("One deal in your scope; amountMinor is in minor units of currency.");
        deals.MapPost("/", CreateDeal).WithSummary("Create an open deal on an account in your scope; amountMinor in minor units of the organization's currency.");
        deals.MapPut("/{id:long}", UpdateDeal).WithSummary("Update a deal; send the version you read (409 if it changed since). Win or lose it with the stage change.");
        deals.MapPost("/{id:long}/stage", ChangeStage).WithSummary("Move a deal to a stage; a closing stage wins or loses it (a lost deal needs a reason).");
        deals.MapDelete("/{id:long}", DeleteDeal).WithSummary("Delete a deal that is not won (managers and admins); with ?version= the version you read, refused (409) if it changed since.");
    }

    public static async Task<Ok<DealList>> ListDeals(
        [AsParameters] DealFilter filter, [AsParameters] PageQuery paging, AppDbContext db, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var scope = await AccessScope.ForMemberAsync(db, user.GetMemberId(), cancellationToken);
        var query = scope.Deals(db);
        if (!string.IsNullOrWhiteSpace(filter.Name))
        {
            var name = filter.Name.Trim();
            query = query.Where(d => d.Name.Contains(name));
        }
        if (filter.StageId is { } stageId)
        {
            query = query.Where(d => d.StageId == stageId);
        }
        if (filter.OwnerId is { } ownerId)
        {
            query = query.Where(d => d.OwnerId == ownerId);
        }
        if (filter.AccountId is { } accountId)
        {
            query = query.Where(d => d.AccountId == accountId);
        }
        if (filter.Outcome is { } outcome)
        {
            query = query.Where(d => d.Outcome == outcome);
        }
        var total = await query.CountAsync(cancellationToken);
        var amount = total == 0 ? 0 : await query.SumAsync(d => d.AmountMinor, cancellationToken);
        IOrderedQueryable<Deal> ordered = (paging.SortKey, paging.Descending) switch
        {
            ("amount", false) => query.OrderBy(d => d.AmountMinor),
            ("amount", true) => query.OrderByDescending(d => d.AmountMinor),
            ("close", false) => query.OrderBy(d => d.ExpectedCloseDate),
            ("close", true) => query.OrderByDescending(d => d.ExpectedCloseDate),
            ("stage", false) => query.OrderBy(d => d.Stage!.SortOrder),
            ("stage", true) => query.OrderByDescending(d => d.Stage!.SortOrder),
            ("owner", false) => query.OrderBy(d => d.Owner!.Name),
            ("owner", true) => query.OrderByDescending(d => d.Owner!.Name),
            ("updated", false) => query.OrderBy(d => d.UpdatedUtc),
            ("updated", true) => query.OrderByDescending(d => d.UpdatedUtc),
            ("name", true) => query.OrderByDescending(d => d.Name),
            ("name", false) => query.OrderBy(d => d.Name),
            _ => query.OrderByDescending(d => d.UpdatedUtc),
        };
        var currency = await CurrencyAsync(db, user, cancellationToken);
        var items = await Project(ordered.ThenBy(d => d.Id).Skip(paging.Skip).Take(paging.Size), currency).ToListAsync(cancellationToken);
        return TypedResults.Ok(new DealList(items, total, paging.PageNumber, paging.Size, amount, currency));
    }

    public static async Task<Results<Ok<DealResponse>, NotFound>> GetDeal(long id, AppDbContext db, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var scope = await AccessScope.ForMemberAsync(db, user.GetMemberId(), cancellationToken);
        var deal = await Project(scope.Deals(db).Where(d => d.Id == id), await CurrencyAsync(db, user, cancellationToken)).SingleOrDefaultAsync(cancellationToken);
        return deal is null ? TypedResults.NotFound() : TypedResults.Ok(deal);
    }

    public static async Task<Results<Created<DealResponse>, ValidationProblem>> CreateDeal(
        DealRequest request, AppDbContext db, ClaimsPrincipal user, IStringLocalizer<Strings> l, CancellationToken cancellationToken)
    {
        var scope = await AccessScope.ForMemberAsync(db, user.GetMemberId(), cancellationToken);
        var deal = new Deal { Name = "" };
        var errors = new FieldErrors(l);
        if (request.StageId is null)
        {
            // A new deal starts at the first open stage unless the caller names one.
            deal.StageId = await db.PipelineStages.Where(s => s.ClosesAs == null).OrderBy(s => s.SortOrder).Select(s => s.Id).FirstAsync(cancellationToken);
        }
        await ApplyAsync(deal, request, scope, db, errors, current: null, cancellationToken);
        if (errors.Any)
        {
            return ApiProblems.Fields(errors);
        }
        db.Deals.Add(deal);
        await db.SaveChangesAsync(cancellationToken);
        var created = await Project(db.Deals.Where(d => d.Id == deal.Id), await CurrencyAsync(db, user, cancellationToken)).SingleAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/deals/{deal.Id}", created);
    }

    public static async Task<Results<Ok<DealResponse>, NotFound, ValidationProblem, ProblemHttpResult>> UpdateDeal(
        long id, DealRequest request, AppDbContext db, ClaimsPrincipal user, IStringLocalizer<Strings> l, CancellationToken cancellationToken)
    {
        var scope = await AccessScope.ForMemberAsync(db, user.GetMemberId(), cancellationToken);
        var deal = await scope.Deals(db).SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (deal is null)
        {
            return TypedResults.NotFound();
        }
        var errors = new FieldErrors(l);
        if (request.Version is not { } version)
        {
            errors.Add("version", l["Validation.Required"]);
            return ApiProblems.Fields(errors);
        }
        if (version != deal.Version)
        {
            return ApiProblems.StaleVersion(l["Problem.StaleVersion"]);
        }
        await ApplyAsync(deal, request, scope, db, errors, deal.OwnerId, cancellationToken);
        if (errors.Any)
        {
            return ApiProblems.Fields(errors);
        }
        return await SaveAsync(deal, db, user, l, cancellationToken);
    }

    public static async Task<Results<Ok<DealResponse>, NotFound, ValidationProblem, ProblemHttpResult>> ChangeStage(
        long id, StageChangeRequest request, AppDbContext db, ClaimsPrincipal user, IStringLocalizer<Strings> l, TimeProvider clock, CancellationToken cancellationToken)
    {
        var scope = await AccessScope.ForMemberAsync(db, user.GetMemberId(), cancellationToken);
        var deal = await scope.Deals(db).SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (deal is null)
        {
            return TypedResults.NotFound();
        }
        var errors = new FieldErrors(l);
        if (request.Version is not { } version)
        {
            errors.Add("version", l["Validation.Required"]);
        }
        var stage = request.StageId is { } stageId
            ? await db.PipelineStages.Where(s => s.Id == stageId).Select(s => new { s.Id, s.ClosesAs }).SingleOrDefaultAsync(cancellationToken)
            : null;
        if (stage is null)
        {
            errors.Add("stageId", request.StageId is null ? l["Validation.Required"] : l["Validation.UnknownStage"]);
        }
        var reason = errors.Text("lostReason", request.LostReason, 500, required: stage?.ClosesAs == DealOutcome.Lost);
        if (errors.Any)
        {
            return ApiProblems.Fields(errors);
        }
        if (request.Version != deal.Version)
        {
            return ApiProblems.StaleVersion(l["Problem.StaleVersion"]);
        }
        var outcome = stage!.ClosesAs ?? DealOutcome.Open;
        if (outcome != deal.Outcome)
        {
            // Closing stamps the day it closed; reopening clears it, so cycle lengths stay true.
            deal.ClosedUtc = outcome == DealOutcome.Open ? null : clock.GetUtcNow().UtcDateTime;
        }
        deal.StageId = stage.Id;
        deal.Outcome = outcome;
        deal.LostReason = outcome == DealOutcome.Lost ? reason : null;
        return await SaveAsync(deal, db, user, l, cancellationToken);
    }

    public static async Task<Results<NoContent, NotFound, ProblemHttpResult>> DeleteDeal(
        long id, [FromQuery] long? version, AppDbContext db, ClaimsPrincipal user, IStringLocalizer<Strings> l, CancellationToken cancellationToken)
    {
        var scope = await AccessScope.ForMemberAsync(db, user.GetMemberId(), cancellationToken);
        var deal = await scope.Deals(db).SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (deal is null)
        {
            return TypedResults.NotFound();
        }
        // Optional for scripts; the pages send it, so a record someone changed meanwhile is not deleted unseen.
        if (version is { } expected && expected != deal.Version)
        {
            return ApiProblems.StaleVersion(l["Problem.StaleVersion"]);
        }
        if (scope.Role == MemberRole.Rep)
        {
            return ApiProblems.Forbidden(l["Problem.ManagersOnly"]);
        }
        // Won deals are revenue that commissions and goals are calculated from.
        if (deal.Outcome == DealOutcome.Won)
        {
            return ApiProblems.Conflict(l["Problem.WonDeal"]);
        }
        db.Deals.Remove(deal);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return ApiProblems.Conflict(l["Problem.DealInUse"]);
        }
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<DealResponse>, NotFound, ValidationProblem, ProblemHttpResult>> SaveAsync(
        Deal deal, AppDbContext db, ClaimsPrincipal user, IStringLocalizer<Strings> l, CancellationToken cancellationToken)
    {
        if (await ApiSave.ChangesAsync(db, l, cancellationToken) is { } stale)
        {
            return stale;
        }
        return TypedResults.Ok(await Project(db.Deals.Where(d => d.Id == deal.Id), await CurrencyAsync(db, user, cancellationToken)).SingleAsync(cancellationToken));
    }

    private static async Task ApplyAsync(Deal deal, DealRequest request, AccessScope scope, AppDbContext db, FieldErrors errors, long? current, CancellationToken cancellationToken)
    {
        deal.Name = errors.Text("name", request.Name, 300, required: true) ?? deal.Name;
        if (request.AmountMinor is { } amount)
        {
            if (amount < 0)
            {
                errors.Add("amountMinor", errors.Localizer["Validation.NotNegative"]);
            }
            deal.AmountMinor = amount;
        }
        deal.ExpectedCloseDate = request.ExpectedCloseDate;
        if (request.AccountId is not { } accountId)
        {
            if (current is null)
            {
                errors.Add("accountId", errors.Localizer["Validation.Required"]);
            }
        }
        else if (accountId != deal.AccountId)
        {
            // Any account the caller may see; another organization's id is simply not among them.
            if (await scope.Accounts(db).AnyAsync(a => a.Id == accountId, cancellationToken))
            {
                deal.AccountId = accountId;
            }
            else
            {
                errors.Add("accountId", errors.Localizer["Validation.UnknownAccount"]);
            }
        }
        if (request.StageId is { } stageId && stageId != deal.StageId)
        {
            var stage = await db.PipelineStages.Where(s => s.Id == stageId).Select(s => new { s.ClosesAs }).SingleOrDefaultAsync(cancellationToken);
            if (stage is null)
            {
                errors.Add("stageId", errors.Localizer["Validation.UnknownStage"]);
            }
            else if (stage.ClosesAs is not null || deal.Outcome != DealOutcome.Open)
            {
                errors.Add("stageId", errors.Localizer["Validation.UseStageChange"]);
            }
            else
            {
                deal.StageId = stageId;
            }
        }
        deal.OwnerId = await OwnerField.ResolveAsync(scope, db, request.OwnerId, current, errors, cancellationToken);
    }

    private static Task<string> CurrencyAsync(AppDbContext db, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var orgId = user.GetOrgId();
        return db.Organizations.Where(o => o.Id == orgId).Select(o => o.Currency).SingleAsync(cancellationToken);
    }

    public static IQueryable<DealResponse> Project(IQueryable<Deal> deals, string currency) => deals.Select(d => new DealResponse(
        d.Id, d.Name, d.AccountId, d.Account!.Name, d.OwnerId, d.Owner == null ? null : d.Owner.Name,
        d.AmountMinor, currency, d.StageId, d.Stage!.Name, d.Outcome, d.ExpectedCloseDate, d.ClosedUtc, d.LostReason, d.UpdatedUtc, d.Version));
}
