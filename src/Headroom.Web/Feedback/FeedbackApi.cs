using System.Security.Claims;
using Headroom.Data;
using Headroom.Feedback;
using Headroom.Organizations;
using Headroom.Web.Api;
using Headroom.Web.Auth;
using Headroom.Web.Localization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Headroom.Web.Feedback;

// Customer feedback through AccessScope.Feedback: visible and editable exactly when its account
// is. Deleting, and changing the kind or score of an entry, is for managers and admins, so a
// bad score cannot be made to disappear by the rep it is about (docs/decisions/0016).
public static class FeedbackApi
{
    public const int CsatMin = 1, CsatMax = 5, NpsMin = 0, NpsMax = 10;

    public static void MapFeedbackApi(this RouteGroupBuilder api)
    {
        var feedback = api.MapGroup("/feedback").WithTags("Feedback");
        feedback.MapGet("/", ListFeedback).WithSummary(
            "Feedback on the accounts in your scope by account, deal, kind, score range and date range (inclusive), " +
            "sorted (date, score, kind, account; '-' for descending) and paged; summary counts every match (average CSAT, NPS).");
        feedback.MapGet("/{id:long}", GetFeedback).WithSummary("One feedback entry on an account in your scope.");
        feedback.MapPost("/", RecordFeedback).WithSummary("Record CSAT (1–5) or NPS (0–10) feedback on an account in your scope, optionally on one of its deals.");
        feedback.MapPut("/{id:long}", UpdateFeedback).WithSummary(
            "Update a feedback entry; send the version you read (409 if it changed since). Only managers and admins may change its kind or score.");
        feedback.MapDelete("/{id:long}", DeleteFeedback).WithSummary("Delete a feedback entry (managers and admins).");
    }

    public static async Task<Ok<FeedbackList>> ListFeedback(
        [AsParameters] FeedbackFilter filter, [AsParameters] PageQuery paging, AppDbContext db, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var scope = await AccessScope.ForMemberAsync(db, user.GetMemberId(), cancellationToken);
        var query = scope.Feedback(db);
        if (filter.AccountId is { } accountId)
        {
            query = query.Where(f => f.AccountId == accountId);
        }
        if (filter.DealId is { } dealId)
        {
            query = query.Where(f => f.DealId == dealId);
        }
        if (filter.Kind is { } kind)
        {
            query = query.Where(f => f.Kind == kind);
        }
        if (filter.MinScore is { } min)
        {
            query = query.Where(f => f.Score >= min);
        }
        if (filter.MaxScore is { } max)
        {
            query = query.Where(f => f.Score <= max);
        }
        if (filter.From is { } from)
        {
            query = query.Where(f => f.Date >= from);
        }
        if (filter.To is { } to)
        {
            query = query.Where(f => f.Date <= to);
        }
        var summary = await query.SummarizeAsync(cancellationToken);
        IOrderedQueryable<CustomerFeedback> ordered = (paging.SortKey, paging.Descending) switch
        {
            ("score", false) => query.OrderBy(f => f.Score).ThenByDescending(f => f.Date),
            ("score", true) => query.OrderByDescending(f => f.Score).ThenByDescending(f => f.Date),
            ("kind", false) => query.OrderBy(f => f.Kind).ThenByDescending(f => f.Date),
            ("kind", true) => query.OrderByDescending(f => f.Kind).ThenByDescending(f => f.Date),
            ("account", false) => query.OrderBy(f => db.Accounts.Where(a => a.Id == f.AccountId).Select(a => a.Name).First()).ThenByDescending(f => f.Date),
            ("account", true) => query.OrderByDescending(f => db.Accounts.Where(a => a.Id == f.AccountId).Select(a => a.Name).First()).ThenByDescending(f => f.Date),
            ("date", false) => query.OrderBy(f => f.Date),
            _ => query.OrderByDescending(f => f.Date),
        };
        var items = await Project(ordered.ThenByDescending(f => f.Id).Skip(paging.Skip).Take(paging.Size), db).ToListAsync(cancellationToken);
        return TypedResults.Ok(new FeedbackList(items, summary.Count, paging.PageNumber, paging.Size, summary));
    }

    public static async Task<Results<Ok<FeedbackResponse>, NotFound>> GetFeedback(long id, AppDbContext db, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var scope = await AccessScope.ForMemberAsync(db, user.GetMemberId(), cancellationToken);
        var feedback = await Project(scope.Feedback(db).Where(f => f.Id == id), db).SingleOrDefaultAsync(cancellationToken);
        return feedback is null ? TypedResults.NotFound() : TypedResults.Ok(feedback);
    }

    public static async Task<Results<Created<FeedbackResponse>, ValidationProblem>> RecordFeedback(
        FeedbackRequest request, AppDbContext db, ClaimsPrincipal user, TimeProvider clock, IStringLocalizer<Strings> l, CancellationToken cancellationToken)
    {
        var scope = await AccessScope.ForMemberAsync(db, user.GetMemberId(), cancellationToken);
        var feedback = new CustomerFeedback();
        var errors = new FieldErrors(l);
        await ApplyAsync(feedback, request, scope, db, user, clock, errors, isNew: true, cancellationToken);
        if (errors.Any)
        {
            return ApiProblems.Fields(errors);
        }
        db.CustomerFeedback.Add(feedback);
        await db.SaveChangesAsync(cancellationToken);
        var created = await Project(db.CustomerFeedback.Where(f => f.Id == feedback.Id), db).SingleAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/feedback/{feedback.Id}", created);
    }

    public static async Task<Results<Ok<FeedbackResponse>, NotFound, ValidationProblem, ProblemHttpResult>> UpdateFeedback(
        long id, FeedbackRequest request, AppDbContext db, ClaimsPrincipal user, TimeProvider clock, IStringLocalizer<Strings> l, CancellationToken cancellationToken)
    {
        var scope = await AccessScope.ForMemberAsync(db, user.GetMemberId(), cancellationToken);
        var feedback = await scope.Feedback(db).SingleOrDefaultAsync(f => f.Id == id, cancellationToken);
        if (feedback is null)
        {
            return TypedResults.NotFound();
        }
        var errors = new FieldErrors(l);
        if (request.Version is not { } version)
        {
            errors.Add("version", l["Validation.Required"]);
            return ApiProblems.Fields(errors);
        }
        if (version != feedback.Version)
        {
            return ApiProblems.StaleVersion(l["Problem.StaleVersion"]);
        }
        await ApplyAsync(feedback, request, scope, db, user, clock, errors, isNew: false, cancellationToken);
        if (errors.Any)
        {
            return ApiProblems.Fields(errors);
        }
        if (await ApiSave.ChangesAsync(db, l, cancellationToken) is { } stale)
        {
            return stale;
        }
        return TypedResults.Ok(await Project(db.CustomerFeedback.Where(f => f.Id == id), db).SingleAsync(cancellationToken));
    }

    public static async Task<Results<NoContent, NotFound, ProblemHttpResult>> DeleteFeedback(
        long id, AppDbContext db, ClaimsPrincipal user, IStringLocalizer<Strings> l, CancellationToken cancellationToken)
    {
        var scope = await AccessScope.ForMemberAsync(db, user.GetMemberId(), cancellationToken);
        var feedback = await scope.Feedback(db).SingleOrDefaultAsync(f => f.Id == id, cancellationToken);
        if (feedback is null)
        {
            return TypedResults.NotFound();
        }
        if (scope.Role == MemberRole.Rep)
        {
            return ApiProblems.Forbidden(l["Problem.ManagersOnly"]);
        }
        db.CustomerFeedback.Remove(feedback);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task ApplyAsync(
        CustomerFeedback feedback, FeedbackRequest request, AccessScope scope, AppDbContext db, ClaimsPrincipal user, TimeProvider clock,
        FieldErrors errors, bool isNew, CancellationToken cancellationToken)
    {
        var kind = request.Kind is { } k && Enum.IsDefined(k) ? k : (FeedbackKind?)null;
        if (kind is null)
        {
            errors.Add("kind", errors.Localizer["Validation.Required"]);
        }
        if (request.Score is not { } score)
        {
            errors.Add("score", errors.Localizer["Validation.Required"]);
        }
        else if (kind is { } known && !InRange(known, score))
        {
            errors.Add("score", string.Format(System.Globalization.CultureInfo.CurrentCulture, errors.Localizer["Validation.ScoreRange"],
                known == FeedbackKind.Csat ? CsatMin : NpsMin, known == FeedbackKind.Csat ? CsatMax : NpsMax));
        }
        else if (kind is { } given && !isNew && scope.Role == MemberRole.Rep && (given != feedback.Kind || score != feedback.Score))
        {
            errors.Add("score", errors.Localizer["Validation.ScoreManagersOnly"]);
        }
        else if (kind is { } valid)
        {
            (feedback.Kind, feedback.Score) = (valid, score);
        }

        if (request.Date is not { } date)
        {
            errors.Add("date", errors.Localizer["Validation.Required"]);
        }
        else
        {
            var zone = await UserTimeZone.FindAsync(db, user, cancellationToken);
            var today = DateOnly.FromDateTime(UserTimeZone.ToLocal(clock.GetUtcNow().UtcDateTime, zone));
            if (date > today)
            {
                errors.Add("date", errors.Localizer["Validation.FutureDate"]);
            }
            feedback.Date = date;
        }
        feedback.Comment = errors.Text("comment", request.Comment, 4000, required: false);

        if (request.AccountId is not { } accountId)
        {
            errors.Add("accountId", errors.Localizer["Validation.Required"]);
            return;
        }
        if (!await scope.Accounts(db).AnyAsync(a => a.Id == accountId, cancellationToken))
        {
            errors.Add("accountId", errors.Localizer["Validation.UnknownAccount"]);
            return;
        }
        feedback.AccountId = accountId;
        feedback.DealId = null;
        if (request.DealId is { } dealId)
        {
            // A deal of the account that the caller may see; another account's deal is named as such.
            var dealAccount = await scope.Deals(db).Where(d => d.Id == dealId).Select(d => (long?)d.AccountId).SingleOrDefaultAsync(cancellationToken);
            if (dealAccount is null)
            {
                errors.Add("dealId", errors.Localizer["Validation.UnknownDeal"]);
            }
            else if (dealAccount != accountId)
            {
                errors.Add("dealId", errors.Localizer["Validation.DealOfOtherAccount"]);
            }
            else
            {
                feedback.DealId = dealId;
            }
        }
    }

    public static bool InRange(FeedbackKind kind, int score) => kind == FeedbackKind.Csat
        ? score is >= CsatMin and <= CsatMax
        : score is >= NpsMin and <= NpsMax;

    public static IQueryable<FeedbackResponse> Project(IQueryable<CustomerFeedback> feedback, AppDbContext db) => feedback.Select(f => new FeedbackResponse(
        f.Id, f.Kind, f.Score, f.AccountId, db.Accounts.Where(a => a.Id == f.AccountId).Select(a => a.Name).First(),
        f.DealId, db.Deals.Where(d => d.Id == f.DealId).Select(d => d.Name).FirstOrDefault(),
        f.Date, f.Comment, f.UpdatedUtc, f.Version));
}
