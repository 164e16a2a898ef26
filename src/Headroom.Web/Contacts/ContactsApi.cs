using System.Net.Mail;
using System.Security.Claims;
using Headroom.Accounts;
using Headroom.Data;
using Headroom.Organizations;
using Headroom.Web.Api;
using Headroom.Web.Auth;
using Headroom.Web.Localization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Headroom.Web.Contacts;

// Contacts through AccessScope.Contacts: visible and editable exactly when their account is
// (docs/decisions/0016). The account named in a body must be one the caller may see.
public static class ContactsApi
{
    public static void MapContactsApi(this RouteGroupBuilder api)
    {
        var contacts = api.MapGroup("/contacts").WithTags("Contacts");
        contacts.MapGet("/", ListContacts).WithSummary(
            "Contacts of the accounts in your scope, by account and search text (q: name, title, email, phone), sorted (name, account, email, updated; '-' for descending) and paged.");
        contacts.MapGet("/{id:long}", GetContact).WithSummary("One contact of an account in your scope.");
        contacts.MapPost("/", CreateContact).WithSummary("Add a contact to an account in your scope.");
        contacts.MapPut("/{id:long}", UpdateContact).WithSummary("Update a contact; send the version you read (409 if it changed since).");
        contacts.MapDelete("/{id:long}", DeleteContact).WithSummary("Delete a contact of an account in your scope.");
    }

    public static async Task<Ok<PagedList<ContactResponse>>> ListContacts(
        [AsParameters] ContactFilter filter, [AsParameters] PageQuery paging, AppDbContext db, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var scope = await AccessScope.ForMemberAsync(db, user.GetMemberId(), cancellationToken);
        var query = scope.Contacts(db);
        if (filter.AccountId is { } accountId)
        {
            query = query.Where(c => c.AccountId == accountId);
        }
        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var q = filter.Q.Trim().ToLowerInvariant();
#pragma warning disable CA1862 // lower() and LIKE/strpos in SQL; the StringComparison overload has no SQL translation.
            query = query.Where(c => c.Name.ToLower().Contains(q)
                || (c.Title != null && c.Title.ToLower().Contains(q))
                || (c.Email != null && c.Email.ToLower().Contains(q))
                || (c.Phone != null && c.Phone.Contains(q)));
#pragma warning restore CA1862
        }
        var total = await query.CountAsync(cancellationToken);
        IOrderedQueryable<Contact> ordered = (paging.SortKey, paging.Descending) switch
        {
            ("account", false) => query.OrderBy(c => c.Account!.Name).ThenBy(c => c.Name),
            ("account", true) => query.OrderByDescending(c => c.Account!.Name).ThenBy(c => c.Name),
            ("email", false) => query.OrderBy(c => c.Email),
            ("email", true) => query.OrderByDescending(c => c.Email),
            ("updated", false) => query.OrderBy(c => c.UpdatedUtc),
            ("updated", true) => query.OrderByDescending(c => c.UpdatedUtc),
            (_, true) => query.OrderByDescending(c => c.Name),
            _ => query.OrderBy(c => c.Name),
        };
        var items = await Project(ordered.ThenBy(c => c.Id).Skip(paging.Skip).Take(paging.Size)).ToListAsync(cancellationToken);
        return TypedResults.Ok(new PagedList<ContactResponse>(items, total, paging.PageNumber, paging.Size));
    }

    public static async Task<Results<Ok<ContactResponse>, NotFound>> GetContact(long id, AppDbContext db, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var scope = await AccessScope.ForMemberAsync(db, user.GetMemberId(), cancellationToken);
        var contact = await Project(scope.Contacts(db).Where(c => c.Id == id)).SingleOrDefaultAsync(cancellationToken);
        return contact is null ? TypedResults.NotFound() : TypedResults.Ok(contact);
    }

    public static async Task<Results<Created<ContactResponse>, ValidationProblem>> CreateContact(
        ContactRequest request, AppDbContext db, ClaimsPrincipal user, IStringLocalizer<Strings> l, CancellationToken cancellationToken)
    {
        var scope = await AccessScope.ForMemberAsync(db, user.GetMemberId(), cancellationToken);
        var contact = new Contact { Name = "" };
        var errors = new FieldErrors(l);
        await ApplyAsync(contact, request, scope, db, errors, cancellationToken);
        if (errors.Any)
        {
            return ApiProblems.Fields(errors);
        }
        db.Contacts.Add(contact);
        await db.SaveChangesAsync(cancellationToken);
        var created = await Project(db.Contacts.Where(c => c.Id == contact.Id)).SingleAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/contacts/{contact.Id}", created);
    }

    public static async Task<Results<Ok<ContactResponse>, NotFound, ValidationProblem, ProblemHttpResult>> UpdateContact(
        long id, ContactRequest request, AppDbContext db, ClaimsPrincipal user, IStringLocalizer<Strings> l, CancellationToken cancellationToken)
    {
        var scope = await AccessScope.ForMemberAsync(db, user.GetMemberId(), cancellationToken);
        var contact = await scope.Contacts(db).SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (contact is null)
        {
            return TypedResults.NotFound();
        }
        var errors = new FieldErrors(l);
        if (request.Version is not { } version)
        {
            errors.Add("version", l["Validation.Required"]);
            return ApiProblems.Fields(errors);
        }
        if (version != contact.Version)
        {
            return ApiProblems.StaleVersion(l["Problem.StaleVersion"]);
        }
        await ApplyAsync(contact, request, scope, db, errors, cancellationToken);
        if (errors.Any)
        {
            return ApiProblems.Fields(errors);
        }
        if (await ApiSave.ChangesAsync(db, l, cancellationToken) is { } stale)
        {
            return stale;
        }
        return TypedResults.Ok(await Project(db.Contacts.Where(c => c.Id == id)).SingleAsync(cancellationToken));
    }

    public static async Task<Results<NoContent, NotFound>> DeleteContact(long id, AppDbContext db, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var scope = await AccessScope.ForMemberAsync(db, user.GetMemberId(), cancellationToken);
        var contact = await scope.Contacts(db).SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (contact is null)
        {
            return TypedResults.NotFound();
        }
        db.Contacts.Remove(contact);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task ApplyAsync(Contact contact, ContactRequest request, AccessScope scope, AppDbContext db, FieldErrors errors, CancellationToken cancellationToken)
    {
        contact.Name = errors.Text("name", request.Name, 200, required: true) ?? contact.Name;
        contact.Title = errors.Text("title", request.Title, 200, required: false);
        contact.Email = errors.Text("email", request.Email, 254, required: false);
        if (contact.Email is { } email && !IsEmail(email))
        {
            errors.Add("email", errors.Localizer["Validation.Email"]);
        }
        contact.Phone = errors.Text("phone", request.Phone, 50, required: false);
        if (request.AccountId is not { } accountId)
        {
            errors.Add("accountId", errors.Localizer["Validation.Required"]);
        }
        else if (!await scope.Accounts(db).AnyAsync(a => a.Id == accountId, cancellationToken))
        {
            errors.Add("accountId", errors.Localizer["Validation.UnknownAccount"]);
        }
        else
        {
            contact.AccountId = accountId;
        }
    }

    // One address, as typed, with a dotted domain: "Li Lei <li@x.cn>" and "li@x" are refused.
    public static bool IsEmail(string value) =>
        MailAddress.TryCreate(value, out var address) && address.Address == value && address.DisplayName.Length == 0
        && address.Host.Contains('.', StringComparison.Ordinal) && !value.Any(char.IsWhiteSpace);

    public static IQueryable<ContactResponse> Project(IQueryable<Contact> contacts) => contacts.Select(c => new ContactResponse(
        c.Id, c.Name, c.Title, c.Email, c.Phone, c.AccountId, c.Account == null ? null : c.Account.Name, c.UpdatedUtc, c.Version));
}
