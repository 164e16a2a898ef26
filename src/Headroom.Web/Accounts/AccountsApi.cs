using System.Security.Claims;
using Headroom.Accounts;
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

namespace Headroom.Web.Accounts;

// Every read and write goes through AccessScope.Accounts, so a record outside the caller's
// scope, or of another organization, answers 404 exactly like one that does not exist.
public static class AccountsApi
{
    public static void MapAccountsApi(this RouteGroupBuilder api)
    {
        var accounts = api.MapGroup("/accounts").WithTags("Accounts");
        accounts.MapGet("/", ListAccounts).WithSummary("Accounts in your scope, filtered, sorted (name, tier, owner, updated; '-' for descending) and paged.");
        accounts.MapGet("/{id:long}", GetAccount).WithSummary("One account in your scope.");
        accounts.MapPost("/", CreateAccount).WithSummary("Create an account; only managers and admins may name another owner.");
        accounts.MapPut("/{id:long}", UpdateAccount).WithSummary("Update an account; send the version you read (409 if it changed since).");
        accounts.MapDelete("/{id:long}", DeleteAccount).WithSummary("Delete an account without deals or contacts (managers and admins); with ?version= the version you read, refused (409) if it changed since.");
    }

    public static async Task<Ok<PagedList<AccountResponse>>> ListAccounts(
        [AsParameters] AccountFilter filter, [AsParameters] PageQuery paging, AppDbContext db, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var scope = await AccessScope.ForMemberAsync(db, user.GetMemberId(), cancellationToken);
        var query = scope.Accounts(db);
        if (!string.IsNullOrWhiteSpace(filter.Name))
        {
            var name = filter.Name.Trim();
            query = query.Where(a => a.Name.Contains(name));
        }
        if (filter.Tier is { } tier)
        {
            query = query.Where(a => a.Tier == tier);
        }
        if (filter.Status is { } status)
        {
            query = query.Where(a => a.Status == status);
        }
        if (filter.OwnerId is { } ownerId)
        {
            query = query.Where(a => a.OwnerId == ownerId);
        }
        var total = await query.CountAsync(cancellationToken);
        IOrderedQueryable<Account> ordered = (paging.SortKey, paging.Descending) switch
        {
            ("tier", false) => query.OrderBy(a => a.Tier).ThenBy(a => a.Name),
            ("tier", true) => query.OrderByDescending(a => a.Tier).ThenBy(a => a.Name),
            ("owner", false) => query.OrderBy(a => a.Owner!.Name).ThenBy(a => a.Name),
            ("owner", true) => query.OrderByDescending(a => a.Owner!.Name).ThenBy(a => a.Name),
            ("updated", false) => query.OrderBy(a => a.UpdatedUtc),
            ("updated", true) => query.OrderByDescending(a => a.UpdatedUtc),
            (_, true) => query.OrderByDescending(a => a.Name),
            _ => query.OrderBy(a => a.Name),
        };
        var items = await Project(ordered.ThenBy(a => a.Id).Skip(paging.Skip).Take(paging.Size)).ToListAsync(cancellationToken);
        return TypedResults.Ok(new PagedList<AccountResponse>(items, total, paging.PageNumber, paging.Size));
    }

    public static async Task<Results<Ok<AccountResponse>, NotFound>> GetAccount(long id, AppDbContext db, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var scope = await AccessScope.ForMemberAsync(db, user.GetMemberId(), cancellationToken);
        var account = await Project(scope.Accounts(db).Where(a => a.Id == id)).SingleOrDefaultAsync(cancellationToken);
        return account is null ? TypedResults.NotFound() : TypedResults.Ok(account);
    }

    public static async Task<Results<Created<AccountResponse>, ValidationProblem>> CreateAccount(
        AccountRequest request, AppDbContext db, ClaimsPrincipal user, IStringLocalizer<Strings> l, CancellationToken cancellationToken)
    {
        var scope = await AccessScope.ForMemberAsync(db, user.GetMemberId(), cancellationToken);
        var account = new Account { Name = "" };
        var errors = new FieldErrors(l);
        await ApplyAsync(account, request, scope, db, errors, current: null, cancellationToken);
        if (errors.Any)
        {
            return ApiProblems.Fields(errors);
        }
        db.Accounts.Add(account);
        await db.SaveChangesAsync(cancellationToken);
        var created = await Project(db.Accounts.Where(a => a.Id == account.Id)).SingleAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/accounts/{account.Id}", created);
    }

    public static async Task<Results<Ok<AccountResponse>, NotFound, ValidationProblem, ProblemHttpResult>> UpdateAccount(
        long id, AccountRequest request, AppDbContext db, ClaimsPrincipal user, IStringLocalizer<Strings> l, CancellationToken cancellationToken)
    {
        var scope = await AccessScope.ForMemberAsync(db, user.GetMemberId(), cancellationToken);
        var account = await scope.Accounts(db).SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (account is null)
        {
            return TypedResults.NotFound();
        }
        var errors = new FieldErrors(l);
        if (request.Version is not { } version)
        {
            errors.Add("version", l["Validation.Required"]);
            return ApiProblems.Fields(errors);
        }
        if (version != account.Version)
        {
            return ApiProblems.StaleVersion(l["Problem.StaleVersion"]);
        }
        await ApplyAsync(account, request, scope, db, errors, account.OwnerId, cancellationToken);
        if (errors.Any)
        {
            return ApiProblems.Fields(errors);
        }
        if (await ApiSave.ChangesAsync(db, l, cancellationToken) is { } stale)
        {
            return stale;
        }
        return TypedResults.Ok(await Project(db.Accounts.Where(a => a.Id == id)).SingleAsync(cancellationToken));
    }

    public static async Task<Results<NoContent, NotFound, ProblemHttpResult>> DeleteAccount(
        long id, [FromQuery] long? version, AppDbContext db, ClaimsPrincipal user, IStringLocalizer<Strings> l, CancellationToken cancellationToken)
    {
        var scope = await AccessScope.ForMemberAsync(db, user.GetMemberId(), cancellationToken);
        var account = await scope.Accounts(db).SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (account is null)
        {
            return TypedResults.NotFound();
        }
        // Optional for scripts; the pages send it, so a record someone changed meanwhile is not deleted unseen.
        if (version is { } expected && expected != account.Version)
        {
            return ApiProblems.StaleVersion(l["Problem.StaleVersion"]);
        }
        if (scope.Role == MemberRole.Rep)
        {
            return ApiProblems.Forbidden(l["Problem.ManagersOnly"]);
        }
        // Deals and contacts are business history; they are moved or deleted first, on purpose.
        if (await db.Deals.AnyAsync(d => d.AccountId == id, cancellationToken) || await db.Contacts.AnyAsync(c => c.AccountId == id, cancellationToken))
        {
            return ApiProblems.Conflict(l["Problem.AccountInUse"]);
        }
        db.Accounts.Remove(account);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return ApiProblems.Conflict(l["Problem.AccountInUse"]);
        }
        return TypedResults.NoContent();
    }

    private static async Task ApplyAsync(Account account, AccountRequest request, AccessScope scope, AppDbContext db, FieldErrors errors, long? current, CancellationToken cancellationToken)
    {
        account.Name = errors.Text("name", request.Name, 300, required: true) ?? account.Name;
        account.Industry = errors.Text("industry", request.Industry, 100, required: false);
        account.Region = errors.Text("region", request.Region, 100, required: false);
        account.Territory = errors.Text("territory", request.Territory, 100, required: false);
        if (request.Tier is { } tier)
        {
            account.Tier = tier;
        }
        if (request.Status is { } status)
        {
            account.Status = status;
        }
        account.OwnerId = await OwnerField.ResolveAsync(scope, db, request.OwnerId, current, errors, cancellationToken);
    }

    public static IQueryable<AccountResponse> Project(IQueryable<Account> accounts) => accounts.Select(a => new AccountResponse(
        a.Id, a.Name, a.Tier, a.Status, a.Industry, a.Region, a.Territory, a.OwnerId, a.Owner == null ? null : a.Owner.Name, a.UpdatedUtc, a.Version));
}
