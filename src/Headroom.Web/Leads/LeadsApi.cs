using System.Security.Claims;
using Headroom.Assignment;
using Headroom.Data;
using Headroom.Leads;
using Headroom.Organizations;
using Headroom.Web.Api;
using Headroom.Web.Auth;
using Headroom.Web.Localization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Headroom.Web.Leads;

// Leads through AccessScope.Leads; the owner named in a body follows the owner rule.
public static class LeadsApi
{
    public static void MapLeadsApi(this RouteGroupBuilder api)
    {
        var leads = api.MapGroup("/leads").WithTags("Leads");
        leads.MapGet("/", ListLeads).WithSummary(
            "Leads in your scope by name or company, status, owner, source and region, sorted (name, company, value, status, owner, updated; " +
            "'-' for descending) and paged. Values are whole minor units (estimatedValueMinor) of the organization's currency.");
        leads.MapGet("/{id:long}", GetLead).WithSummary("One lead in your scope; estimatedValueMinor is in minor units of currency.");
        leads.MapPost("/", CreateLead).WithSummary("Create a new lead; estimatedValueMinor in minor units of the organization's currency. With route: true (managers, admins) the first auto-routing assignment queue that takes it picks the owner and logs why.");
        leads.MapPut("/{id:long}", UpdateLead).WithSummary("Update a lead; send the version you read (409 if it changed since). The status changes with POST /leads/{id}/status.");
        leads.MapPost("/{id:long}/status", ChangeStatus).WithSummary("Work, qualify, disqualify or reopen a lead; a converted lead stays converted.");
        leads.MapPost("/{id:long}/convert", ConvertLead).WithSummary(
            "Convert a lead into a new or existing account, optionally a contact and a deal (dealAmountMinor in minor units; default the lead's value), " +
            "owned by the lead's owner; the lead is marked converted and its activities and follow-ups move onto the account.");
        leads.MapDelete("/{id:long}", DeleteLead).WithSummary("Delete a lead nothing refers to (managers and admins); with ?version= the version you read, refused (409) if it changed since.");
    }

    public static async Task<Ok<LeadList>> ListLeads(
        [AsParameters] LeadFilter filter, [AsParameters] PageQuery paging, AppDbContext db, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var scope = await AccessScope.ForMemberAsync(db, user.GetMemberId(), cancellationToken);
        var query = scope.Leads(db);
        if (!string.IsNullOrWhiteSpace(filter.Name))
        {
            var name = filter.Name.Trim();
            query = query.Where(l => l.Name.Contains(name) || (l.Company != null && l.Company.Contains(name)));
        }
        if (filter.Status is { } status)
        {
            query = query.Where(l => l.Status == status);
        }
        if (filter.OwnerId is { } ownerId)
        {
            query = query.Where(l => l.OwnerId == ownerId);
        }
        if (!string.IsNullOrWhiteSpace(filter.Source))
        {
            var source = filter.Source.Trim();
            query = query.Where(l => l.Source == source);
        }
        if (!string.IsNullOrWhiteSpace(filter.Region))
        {
            var region = filter.Region.Trim();
            query = query.Where(l => l.Region == region);
        }
        var total = await query.CountAsync(cancellationToken);
        var value = total == 0 ? 0 : await query.SumAsync(l => l.EstimatedValueMinor, cancellationToken);
        IOrderedQueryable<Lead> ordered = (paging.SortKey, paging.Descending) switch
        {
            ("company", false) => query.OrderBy(l => l.Company),
            ("company", true) => query.OrderByDescending(l => l.Company),
            ("value", false) => query.OrderBy(l => l.EstimatedValueMinor),
            ("value", true) => query.OrderByDescending(l => l.EstimatedValueMinor),
            ("status", false) => query.OrderBy(l => l.Status),
            ("status", true) => query.OrderByDescending(l => l.Status),
            ("owner", false) => query.OrderBy(l => l.Owner!.Name),
            ("owner", true) => query.OrderByDescending(l => l.Owner!.Name),
            ("updated", false) => query.OrderBy(l => l.UpdatedUtc),
            ("updated", true) => query.OrderByDescending(l => l.UpdatedUtc),
            ("name", true) => query.OrderByDescending(l => l.Name),
            ("name", false) => query.OrderBy(l => l.Name),
            _ => query.OrderByDescending(l => l.UpdatedUtc),
        };
        var currency = await CurrencyAsync(db, user, cancellationToken);
        var items = await Project(ordered.ThenBy(l => l.Id).Skip(paging.Skip).Take(paging.Size), currency).ToListAsync(cancellationToken);
        return TypedResults.Ok(new LeadList(items, total, paging.PageNumber, paging.Size, value, currency));
    }

    public static async Task<Results<Ok<LeadResponse>, NotFound>> GetLead(long id, AppDbContext db, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var scope = await AccessScope.ForMemberAsync(db, user.GetMemberId(), cancellationToken);
        var lead = await Project(scope.Leads(db).Where(l => l.Id == id), await CurrencyAsync(db, user, cancellationToken)).SingleOrDefaultAsync(cancellationToken);
        return lead is null ? TypedResults.NotFound() : TypedResults.Ok(lead);
    }

    public static async Task<Results<Created<LeadResponse>, ValidationProblem>> CreateLead(
        LeadRequest request, AppDbContext db, ClaimsPrincipal user, IStringLocalizer<Strings> l, TimeProvider clock, QueueRouterCache router,
        CancellationToken cancellationToken)
    {
        var scope = await AccessScope.ForMemberAsync(db, user.GetMemberId(), cancellationToken);
        var lead = new Lead { Name = "" };
        var errors = new FieldErrors(l);
        var route = request.Route == true;
        if (route && scope.Role == MemberRole.Rep)
        {
            errors.Add("route", l["Validation.RouteManagersOnly"]);
        }
        else if (route && request.OwnerId is not null)
        {
            errors.Add("route", l["Validation.RouteOrOwner"]);
        }
        await ApplyAsync(lead, request, scope, db, errors, current: null, cancellationToken);
        if (errors.Any)
        {
            return ApiProblems.Fields(errors);
        }
        if (route)
        {
            lead.OwnerId = null;
            var name = await db.Members.Where(m => m.Id == scope.MemberId).Select(m => m.Name).SingleAsync(cancellationToken);
            if (await QueueRouting.CreateRoutedAsync(db, router, scope, lead, new AssignmentActor(scope.MemberId, name), clock.GetUtcNow(), cancellationToken) is null)
            {
                return ApiProblems.Field("route", l["Validation.RouteNoQueue"]);
            }
        }
        else
        {
            db.Leads.Add(lead);
            await db.SaveChangesAsync(cancellationToken);
        }
        var created = await Project(db.Leads.Where(x => x.Id == lead.Id), await CurrencyAsync(db, user, cancellationToken)).SingleAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/leads/{lead.Id}", created);
    }

    public static async Task<Results<Ok<LeadResponse>, NotFound, ValidationProblem, ProblemHttpResult>> UpdateLead(
        long id, LeadRequest request, AppDbContext db, ClaimsPrincipal user, IStringLocalizer<Strings> l, CancellationToken cancellationToken)
    {
        var scope = await AccessScope.ForMemberAsync(db, user.GetMemberId(), cancellationToken);
        var lead = await scope.Leads(db).SingleOrDefaultAsync(x => x.Id == id, cancellationToken);
        if (lead is null)
        {
            return TypedResults.NotFound();
        }
        var errors = new FieldErrors(l);
        if (request.Version is not { } version)
        {
            errors.Add("version", l["Validation.Required"]);
            return ApiProblems.Fields(errors);
        }
        if (version != lead.Version)
        {
            return ApiProblems.StaleVersion(l["Problem.StaleVersion"]);
        }
        await ApplyAsync(lead, request, scope, db, errors, lead.OwnerId, cancellationToken);
        if (errors.Any)
        {
            return ApiProblems.Fields(errors);
        }
        return await SaveAsync(lead, db, user, l, cancellationToken);
    }

    public static async Task<Results<Ok<LeadResponse>, NotFound, ValidationProblem, ProblemHttpResult>> ChangeStatus(
        long id, LeadStatusRequest request, AppDbContext db, ClaimsPrincipal user, IStringLocalizer<Strings> l, CancellationToken cancellationToken)
    {
        var scope = await AccessScope.ForMemberAsync(db, user.GetMemberId(), cancellationToken);
        var lead = await scope.Leads(db).SingleOrDefaultAsync(x => x.Id == id, cancellationToken);
        if (lead is null)
        {
            return TypedResults.NotFound();
        }
        var errors = new FieldErrors(l);
        if (request.Status is not { } status || !Enum.IsDefined(status))
        {
            errors.Add("status", l["Validation.Required"]);
        }
        else if (status == LeadStatus.Converted)
        {
            // Converting makes an account and a deal of the lead; that is its own step, not a label.
            errors.Add("status", l["Validation.ConvertSeparately"]);
        }
        if (request.Version is null)
        {
            errors.Add("version", l["Validation.Required"]);
        }
        if (errors.Any)
        {
            return ApiProblems.Fields(errors);
        }
        if (request.Version != lead.Version)
        {
            return ApiProblems.StaleVersion(l["Problem.StaleVersion"]);
        }
        if (lead.Status == LeadStatus.Converted)
        {
            return ApiProblems.Conflict(l["Problem.LeadConverted"]);
        }
        lead.Status = request.Status!.Value;
        return await SaveAsync(lead, db, user, l, cancellationToken);
    }

    public static async Task<Results<Ok<LeadConversionResponse>, NotFound, ValidationProblem, ProblemHttpResult>> ConvertLead(
        long id, LeadConversionRequest request, AppDbContext db, ClaimsPrincipal user, IStringLocalizer<Strings> l, CancellationToken cancellationToken)
    {
        var scope = await AccessScope.ForMemberAsync(db, user.GetMemberId(), cancellationToken);
        var lead = await scope.Leads(db).SingleOrDefaultAsync(x => x.Id == id, cancellationToken);
        if (lead is null)
        {
            return TypedResults.NotFound();
        }
        var errors = new FieldErrors(l);
        if (request.Version is not { } version)
        {
            errors.Add("version", l["Validation.Required"]);
            return ApiProblems.Fields(errors);
        }
        if (version != lead.Version)
        {
            return ApiProblems.StaleVersion(l["Problem.StaleVersion"]);
        }
        if (lead.Status == LeadStatus.Converted)
        {
            return ApiProblems.Conflict(l["Problem.LeadConverted"]);
        }
        if (lead.Status == LeadStatus.Disqualified)
        {
            return ApiProblems.Conflict(l["Problem.LeadDisqualified"]);
        }
        try
        {
            var converted = await LeadConversion.ConvertAsync(lead, request, scope, db, errors, cancellationToken);
            return converted is null ? ApiProblems.Fields(errors) : TypedResults.Ok(converted);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ApiProblems.StaleVersion(l["Problem.StaleVersion"]);
        }
    }

    public static async Task<Results<NoContent, NotFound, ProblemHttpResult>> DeleteLead(
        long id, [FromQuery] long? version, AppDbContext db, ClaimsPrincipal user, IStringLocalizer<Strings> l, CancellationToken cancellationToken)
    {
        var scope = await AccessScope.ForMemberAsync(db, user.GetMemberId(), cancellationToken);
        var lead = await scope.Leads(db).SingleOrDefaultAsync(x => x.Id == id, cancellationToken);
        if (lead is null)
        {
            return TypedResults.NotFound();
        }
        // Optional for scripts; the pages send it, so a record someone changed meanwhile is not deleted unseen.
        if (version is { } expected && expected != lead.Version)
        {
            return ApiProblems.StaleVersion(l["Problem.StaleVersion"]);
        }
        if (scope.Role == MemberRole.Rep)
        {
            return ApiProblems.Forbidden(l["Problem.ManagersOnly"]);
        }
        db.Leads.Remove(lead);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return ApiProblems.Conflict(l["Problem.LeadInUse"]);
        }
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<LeadResponse>, NotFound, ValidationProblem, ProblemHttpResult>> SaveAsync(
        Lead lead, AppDbContext db, ClaimsPrincipal user, IStringLocalizer<Strings> l, CancellationToken cancellationToken)
    {
        if (await ApiSave.ChangesAsync(db, l, cancellationToken) is { } stale)
        {
            return stale;
        }
        return TypedResults.Ok(await Project(db.Leads.Where(x => x.Id == lead.Id), await CurrencyAsync(db, user, cancellationToken)).SingleAsync(cancellationToken));
    }

    private static async Task ApplyAsync(Lead lead, LeadRequest request, AccessScope scope, AppDbContext db, FieldErrors errors, long? current, CancellationToken cancellationToken)
    {
        lead.Name = errors.Text("name", request.Name, 200, required: true) ?? lead.Name;
        lead.Company = errors.Text("company", request.Company, 300, required: false);
        lead.Source = errors.Text("source", request.Source, 100, required: false);
        lead.Region = errors.Text("region", request.Region, 100, required: false);
        lead.Language = errors.Text("language", request.Language, 16, required: false);
        if (request.EstimatedValueMinor is { } value)
        {
            if (value < 0)
            {
                errors.Add("estimatedValueMinor", errors.Localizer["Validation.NotNegative"]);
            }
            lead.EstimatedValueMinor = value;
        }
        lead.OwnerId = await OwnerField.ResolveAsync(scope, db, request.OwnerId, current, errors, cancellationToken);
    }

    private static Task<string> CurrencyAsync(AppDbContext db, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var orgId = user.GetOrgId();
        return db.Organizations.Where(o => o.Id == orgId).Select(o => o.Currency).SingleAsync(cancellationToken);
    }

    public static IQueryable<LeadResponse> Project(IQueryable<Lead> leads, string currency) => leads.Select(l => new LeadResponse(
        l.Id, l.Name, l.Company, l.Source, l.Region, l.Language, l.EstimatedValueMinor, currency, l.Status,
        l.OwnerId, l.Owner == null ? null : l.Owner.Name, l.UpdatedUtc, l.Version));
}
