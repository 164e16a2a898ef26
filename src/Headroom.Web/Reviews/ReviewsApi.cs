using System.Security.Claims;
using Headroom.Data;
using Headroom.Goals;
using Headroom.Organizations;
using Headroom.Reviews;
using Headroom.Web.Api;
using Headroom.Web.Auth;
using Headroom.Web.Localization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Headroom.Web.Reviews;

// Review cycles and reviews through ReviewScope (docs/decisions/0026): a review or cycle outside the
// caller's scope answers 404; one they can see but whose part is not theirs, 403; the wrong stage of
// the cycle, 409. Every save sends the version it read (409 when it changed since).
public static class ReviewsApi
{
    public const int MaxRatingComment = 1000;

    public static void MapReviewsApi(this RouteGroupBuilder api)
    {
        var reviews = api.MapGroup("/reviews").WithTags("Reviews");
        reviews.MapGet("/cycles", ListCycles).WithSummary("Review cycles you take part in or oversee, newest period first, paged.");
        reviews.MapPost("/cycles", CreateCycle).WithSummary(
            "Create a draft cycle for a period and teams (with sub-teams; none means the whole organization, admins only): one review per active member, the scorecard copied in.");
        reviews.MapGet("/cycles/{id:long}", GetCycle).WithSummary("One cycle with the reviews you may see, their states and scores.");
        reviews.MapPost("/cycles/{id:long}/advance", AdvanceCycle).WithSummary(
            "Move a cycle on: Draft → SelfReview → ManagerReview → Calibration (every review submitted) → Closed (admins). Send the version you read.");
        reviews.MapGet("/{id:long}", GetReview).WithSummary("One review: KPIs with actual, target and score, ratings, self-review, scores and improvement plans.");
        reviews.MapPut("/{id:long}/self", SaveSelfReview).WithSummary("The member's own self-review and ratings, while the cycle is in self-review; submit=true hands it in.");
        reviews.MapPut("/{id:long}/manager", SaveManagerReview).WithSummary(
            "The manager's ratings and comments, while the cycle is in manager review; submit=true freezes the KPIs and scores (every competency rated).");
        reviews.MapPut("/{id:long}/calibration", CalibrateReview).WithSummary("An admin's calibrated score (0–100) and note, while the cycle is in calibration.");
    }

    public static async Task<ReviewScope> ScopeAsync(AppDbContext db, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        new(await AccessScope.ForMemberAsync(db, user.GetMemberId(), cancellationToken));

    public static async Task<Ok<PagedList<ReviewCycleSummary>>> ListCycles(
        [AsParameters] PageQuery paging, AppDbContext db, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var scope = await ScopeAsync(db, user, cancellationToken);
        var cycles = scope.Cycles(db);
        var reviews = scope.Reviews(db);
        var me = scope.Access.MemberId;
        var total = await cycles.CountAsync(cancellationToken);
        var items = await cycles.OrderByDescending(c => c.PeriodStart).ThenByDescending(c => c.Id).Skip(paging.Skip).Take(paging.Size)
            .Select(c => new ReviewCycleSummary(c.Id, c.Name, c.PeriodStart, c.PeriodEnd, c.State,
                reviews.Count(r => r.CycleId == c.Id),
                reviews.Count(r => r.CycleId == c.Id && r.State >= ReviewState.ManagerSubmitted),
                db.Reviews.Where(r => r.CycleId == c.Id && r.MemberId == me).Select(r => (long?)r.Id).FirstOrDefault(),
                c.Version))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new PagedList<ReviewCycleSummary>(items, total, paging.PageNumber, paging.Size));
    }

    public static async Task<Results<Created<ReviewCycleDetail>, ValidationProblem, ProblemHttpResult>> CreateCycle(
        ReviewCycleRequest request, AppDbContext db, ClaimsPrincipal user, IStringLocalizer<Strings> l, CancellationToken cancellationToken)
    {
        var scope = await ScopeAsync(db, user, cancellationToken);
        if (!scope.CanCreateCycles)
        {
            return ApiProblems.Forbidden(l["Problem.ReviewCycleCreators"]);
        }
        var errors = new FieldErrors(l);
        var name = errors.Text("name", request.Name, 200, required: true);
        if (request.PeriodStart is null)
        {
            errors.Add("periodStart", l["Validation.Required"]);
        }
        if (request.PeriodEnd is null)
        {
            errors.Add("periodEnd", l["Validation.Required"]);
        }
        else if (request.PeriodStart is { } start && request.PeriodEnd is { } end)
        {
            if (end < start)
            {
                errors.Add("periodEnd", l["Validation.EndBeforeStart"]);
            }
            else if (end.DayNumber - start.DayNumber > 2 * 366)
            {
                errors.Add("periodEnd", l["Validation.ReviewPeriodTooLong"]);
            }
        }
        var teamIds = (request.TeamIds ?? []).Distinct().ToList();
        var allowedTeams = scope.IsAdmin
            ? await db.Teams.Where(t => teamIds.Contains(t.Id)).Select(t => t.Id).ToListAsync(cancellationToken)
            : [.. teamIds.Where(scope.Access.TeamIds.Contains)];
        if (allowedTeams.Count != teamIds.Count)
        {
            errors.Add("teamIds", l["Validation.UnknownTeam"]);
        }
        // A manager who names no team reviews every team they answer for.
        var roots = teamIds.Count > 0 ? teamIds : scope.IsAdmin ? null : scope.Access.TeamIds.ToList();
        var me = scope.Access.MemberId;
        List<long> members = [];
        if (!errors.Any)
        {
            var candidates = db.Members.Where(m => m.Active && m.Id != me);
            if (roots is not null)
            {
                var below = (await AccessScope.TeamsBelowAsync(db, roots, cancellationToken)).ToList();
                candidates = candidates.Where(m => m.TeamId != null && below.Contains(m.TeamId.Value));
            }
            members = await candidates.OrderBy(m => m.Name).Select(m => m.Id).ToListAsync(cancellationToken);
            if (members.Count == 0)
            {
                errors.Add("teamIds", l["Validation.ReviewNoMembers"]);
            }
        }
        if (errors.Any)
        {
            return ApiProblems.Fields(errors);
        }
        var (_, items, _, _) = await ScorecardApi.CurrentAsync(db, cancellationToken);
        var cycle = db.ReviewCycles.Add(new ReviewCycle
        {
            Name = name!, PeriodStart = request.PeriodStart!.Value, PeriodEnd = request.PeriodEnd!.Value, TeamIds = teamIds, Items = items, CreatedById = me,
        }).Entity;
        foreach (var memberId in members)
        {
            db.Reviews.Add(new Review { Cycle = cycle, MemberId = memberId });
        }
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/reviews/cycles/{cycle.Id}", (await CycleDetailAsync(db, scope, cycle.Id, cancellationToken))!);
    }

    public static async Task<Results<Ok<ReviewCycleDetail>, NotFound>> GetCycle(long id, AppDbContext db, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var scope = await ScopeAsync(db, user, cancellationToken);
        var detail = await CycleDetailAsync(db, scope, id, cancellationToken);
        return detail is null ? TypedResults.NotFound() : TypedResults.Ok(detail);
    }

    public static async Task<Results<Ok<ReviewCycleDetail>, NotFound, ValidationProblem, ProblemHttpResult>> AdvanceCycle(
        long id, AdvanceRequest request, AppDbContext db, ClaimsPrincipal user, IStringLocalizer<Strings> l, CancellationToken cancellationToken)
    {
        var scope = await ScopeAsync(db, user, cancellationToken);
        var cycle = await scope.Cycles(db).SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (cycle is null)
        {
            return TypedResults.NotFound();
        }
        if (cycle.State == ReviewCycleState.Closed)
        {
            return ApiProblems.Conflict(l["Problem.ReviewCycleClosed"]);
        }
        if (!scope.CanAdvance(cycle))
        {
            return ApiProblems.Forbidden(l["Problem.ReviewCycleAdvance"]);
        }
        if (request.Version is not { } version)
        {
            return ApiProblems.Field("version", l["Validation.Required"]);
        }
        if (version != cycle.Version)
        {
            return ApiProblems.StaleVersion(l["Problem.StaleVersion"]);
        }
        if (cycle.State == ReviewCycleState.ManagerReview
            && await db.Reviews.AnyAsync(r => r.CycleId == id && r.State < ReviewState.ManagerSubmitted, cancellationToken))
        {
            return ApiProblems.Conflict(l["Problem.ReviewsOutstanding"]);
        }
        cycle.State++;
        if (await ApiSave.ChangesAsync(db, l, cancellationToken) is { } stale)
        {
            return stale;
        }
        return TypedResults.Ok((await CycleDetailAsync(db, scope, id, cancellationToken))!);
    }

    public static async Task<Results<Ok<ReviewDetail>, NotFound>> GetReview(
        long id, AppDbContext db, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var scope = await ScopeAsync(db, user, cancellationToken);
        var detail = await ReviewDetailAsync(db, scope, id, cancellationToken);
        return detail is null ? TypedResults.NotFound() : TypedResults.Ok(detail);
    }

    public static async Task<Results<Ok<ReviewDetail>, NotFound, ValidationProblem, ProblemHttpResult>> SaveSelfReview(
        long id, SelfReviewRequest request, AppDbContext db, ClaimsPrincipal user, IStringLocalizer<Strings> l, TimeProvider clock, CancellationToken cancellationToken)
    {
        var scope = await ScopeAsync(db, user, cancellationToken);
        var (review, cycle) = await LoadAsync(db, scope.Reviews(db), id, cancellationToken);
        if (review is null || cycle is null)
        {
            return TypedResults.NotFound();
        }
        if (review.MemberId != scope.Access.MemberId)
        {
            return ApiProblems.Forbidden(l["Problem.ReviewSelfOnly"]);
        }
        if (cycle.State != ReviewCycleState.SelfReview || review.State != ReviewState.NotStarted)
        {
            return ApiProblems.Conflict(l["Problem.ReviewSelfStage"]);
        }
        if (request.Version is not { } version)
        {
            return ApiProblems.Field("version", l["Validation.Required"]);
        }
        if (version != review.Version)
        {
            return ApiProblems.StaleVersion(l["Problem.StaleVersion"]);
        }
        var errors = new FieldErrors(l);
        review.SelfReview = errors.Text("selfReview", request.SelfReview, 4000, required: request.Submit);
        review.SelfRatings = Ratings(request.Ratings, cycle, errors, requireAll: false);
        if (errors.Any)
        {
            return ApiProblems.Fields(errors);
        }
        if (request.Submit)
        {
            review.State = ReviewState.SelfSubmitted;
            review.SelfSubmittedUtc = clock.GetUtcNow().UtcDateTime;
        }
        return await SaveAsync(db, scope, id, l, cancellationToken);
    }

    public static async Task<Results<Ok<ReviewDetail>, NotFound, ValidationProblem, ProblemHttpResult>> SaveManagerReview(
        long id, ManagerReviewRequest request, AppDbContext db, ClaimsPrincipal user, IStringLocalizer<Strings> l, TimeProvider clock, CancellationToken cancellationToken)
    {
        var scope = await ScopeAsync(db, user, cancellationToken);
        var (review, cycle) = await LoadAsync(db, scope.Reviews(db), id, cancellationToken);
        if (review is null || cycle is null)
        {
            return TypedResults.NotFound();
        }
        if (!await scope.Rateable(db).AnyAsync(r => r.Id == id, cancellationToken))
        {
            return ApiProblems.Forbidden(l["Problem.ReviewManagersOnly"]);
        }
        if (cycle.State != ReviewCycleState.ManagerReview || review.State >= ReviewState.ManagerSubmitted)
        {
            return ApiProblems.Conflict(l["Problem.ReviewManagerStage"]);
        }
        if (request.Version is not { } version)
        {
            return ApiProblems.Field("version", l["Validation.Required"]);
        }
        if (version != review.Version)
        {
            return ApiProblems.StaleVersion(l["Problem.StaleVersion"]);
        }
        var errors = new FieldErrors(l);
        review.ManagerComment = errors.Text("comment", request.Comment, 4000, required: false);
        review.ManagerRatings = Ratings(request.Ratings, cycle, errors, requireAll: request.Submit);
        if (errors.Any)
        {
            return ApiProblems.Fields(errors);
        }
        review.ReviewerId = scope.Access.MemberId;
        if (request.Submit)
        {
            // The KPI part is frozen as the data says now, so later corrections do not move a submitted score.
            var zone = await ZoneAsync(db, cancellationToken);
            var measures = await ReviewKpis.MeasureAsync(db, zone, cycle.Items, review.MemberId, cycle.PeriodStart, cycle.PeriodEnd, cancellationToken);
            var score = ScorecardCalculator.Score(cycle.Items, measures, review.ManagerRatings.ToDictionary(r => r.ItemId, r => r.Rating));
            review.Kpis = [.. score.Kpis];
            (review.KpiScore, review.CompetencyScore, review.OverallScore) = (score.KpiScore, score.CompetencyScore, score.OverallScore);
            review.State = ReviewState.ManagerSubmitted;
            review.ManagerSubmittedUtc = clock.GetUtcNow().UtcDateTime;
        }
        return await SaveAsync(db, scope, id, l, cancellationToken);
    }

    public static async Task<Results<Ok<ReviewDetail>, NotFound, ValidationProblem, ProblemHttpResult>> CalibrateReview(
        long id, CalibrationRequest request, AppDbContext db, ClaimsPrincipal user, IStringLocalizer<Strings> l, TimeProvider clock, CancellationToken cancellationToken)
    {
        var scope = await ScopeAsync(db, user, cancellationToken);
        var (review, cycle) = await LoadAsync(db, scope.Reviews(db), id, cancellationToken);
        if (review is null || cycle is null)
        {
            return TypedResults.NotFound();
        }
        if (!scope.IsAdmin)
        {
            return ApiProblems.Forbidden(l["Problem.AdminsOnly"]);
        }
        if (cycle.State != ReviewCycleState.Calibration)
        {
            return ApiProblems.Conflict(l["Problem.ReviewCalibrationStage"]);
        }
        if (request.Version is not { } version)
        {
            return ApiProblems.Field("version", l["Validation.Required"]);
        }
        if (version != review.Version)
        {
            return ApiProblems.StaleVersion(l["Problem.StaleVersion"]);
        }
        var errors = new FieldErrors(l);
        var note = errors.Text("note", request.Note, 1000, required: false);
        if (request.Score is not { } calibrated || calibrated < 0 || calibrated > 100 || decimal.Round(calibrated, 1) != calibrated)
        {
            errors.Add("score", l["Validation.CalibratedScore"]);
        }
        else if (calibrated != review.OverallScore && note is null)
        {
            errors.Add("note", l["Validation.CalibrationNote"]);
        }
        if (errors.Any)
        {
            return ApiProblems.Fields(errors);
        }
        review.CalibratedScore = request.Score;
        review.CalibrationNote = note;
        review.CalibratedById = scope.Access.MemberId;
        review.CalibratedUtc = clock.GetUtcNow().UtcDateTime;
        review.State = ReviewState.Calibrated;
        return await SaveAsync(db, scope, id, l, cancellationToken);
    }

    public static async Task<ReviewCycleDetail?> CycleDetailAsync(AppDbContext db, ReviewScope scope, long id, CancellationToken cancellationToken)
    {
        var cycle = await scope.Cycles(db).AsNoTracking().Where(c => c.Id == id)
            .Select(c => new { Cycle = c, CreatedByName = c.CreatedBy!.Name }).SingleOrDefaultAsync(cancellationToken);
        if (cycle is null)
        {
            return null;
        }
        var c = cycle.Cycle;
        var rows = await scope.Reviews(db).AsNoTracking().Where(r => r.CycleId == id).OrderBy(r => r.Member!.Name).ThenBy(r => r.Id)
            .Select(r => new { Review = r, MemberName = r.Member!.Name, TeamName = r.Member.Team != null ? r.Member.Team.Name : null })
            .ToListAsync(cancellationToken);
        var reviews = rows.Select(row =>
        {
            var r = row.Review;
            var sees = scope.SeesManagerPart(r, c.State);
            return new ReviewSummary(r.Id, r.MemberId, row.MemberName, row.TeamName, r.State,
                sees ? r.KpiScore : null, sees ? r.CompetencyScore : null, sees ? r.OverallScore : null,
                sees ? r.CalibratedScore : null, sees ? r.CalibrationNote : null, r.Version);
        }).ToList();
        ReviewCycleState? next = c.State == ReviewCycleState.Closed ? null : c.State + 1;
        return new ReviewCycleDetail(c.Id, c.Name, c.PeriodStart, c.PeriodEnd, c.State, c.TeamIds, ScorecardApi.Describe(c.Items),
            c.CreatedById, cycle.CreatedByName, next, next is not null && scope.CanAdvance(c), scope.IsAdmin && c.State == ReviewCycleState.Calibration,
            reviews, c.Version);
    }

    public static async Task<ReviewDetail?> ReviewDetailAsync(AppDbContext db, ReviewScope scope, long id, CancellationToken cancellationToken)
    {
        var row = await scope.Reviews(db).AsNoTracking().Where(r => r.Id == id)
            .Select(r => new
            {
                Review = r, r.Cycle, MemberName = r.Member!.Name, ReviewerName = r.Reviewer != null ? r.Reviewer.Name : null,
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return null;
        }
        var rateable = await scope.Rateable(db).AnyAsync(r => r.Id == id, cancellationToken);
        var (review, cycle) = (row.Review, row.Cycle!);
        var currency = await ScorecardApi.CurrencyAsync(db, cancellationToken);
        var seesManager = scope.SeesManagerPart(review, cycle.State);
        var seesSelf = scope.SeesSelfPart(review);

        List<KpiLine>? kpis = null;
        decimal? kpiScore = null, competencyScore = null, overall = null;
        var frozen = review.State >= ReviewState.ManagerSubmitted;
        if (seesManager)
        {
            IReadOnlyList<KpiResult> results;
            if (frozen)
            {
                results = review.Kpis;
                (kpiScore, competencyScore, overall) = (review.KpiScore, review.CompetencyScore, review.OverallScore);
            }
            else
            {
                // Not submitted yet: the KPIs as the data says now, and a preview of the scores with the ratings so far.
                var zone = await ZoneAsync(db, cancellationToken);
                var measures = await ReviewKpis.MeasureAsync(db, zone, cycle.Items, review.MemberId, cycle.PeriodStart, cycle.PeriodEnd, cancellationToken);
                var score = ScorecardCalculator.Score(cycle.Items, measures, review.ManagerRatings.ToDictionary(r => r.ItemId, r => r.Rating));
                results = score.Kpis;
                (kpiScore, competencyScore, overall) = (score.KpiScore, score.CompetencyScore, score.OverallScore);
            }
            var byId = cycle.Items.ToDictionary(i => i.Id);
            kpis = [.. results.Where(k => byId.TryGetValue(k.ItemId, out var item) && item.Metric is not null).Select(k =>
            {
                var item = byId[k.ItemId];
                return new KpiLine(k.ItemId, item.Metric!.Value, GoalMetrics.Of(item.Metric.Value).Unit, item.Name, item.Weight, k.Actual, k.Target, k.TargetFromGoal, k.Score);
            })];
        }

        var plans = await PlansOfMemberAsync(db, review.MemberId, cancellationToken);
        var current = plans.Where(p => p.ReviewId == review.Id).Select(p => p.Plan).FirstOrDefault();
        var earlier = plans.Where(p => p.ReviewId != review.Id && (p.CyclePeriodStart is null || p.CyclePeriodStart < cycle.PeriodStart))
            .Select(p => p.Plan).ToList();
        var me = scope.Access.MemberId;
        return new ReviewDetail(review.Id, cycle.Id, cycle.Name, cycle.State, cycle.PeriodStart, cycle.PeriodEnd,
            review.MemberId, row.MemberName, review.State, ScorecardApi.Describe(cycle.Items), currency,
            seesSelf ? review.SelfReview : null, seesSelf ? Describe(review.SelfRatings) : null, review.SelfSubmittedUtc,
            seesManager ? Describe(review.ManagerRatings) : null, seesManager ? review.ManagerComment : null, seesManager ? row.ReviewerName : null,
            seesManager ? review.ManagerSubmittedUtc : null,
            kpis, frozen && seesManager, kpiScore, competencyScore, overall,
            seesManager ? review.CalibratedScore : null, seesManager ? review.CalibrationNote : null,
            CanEditSelf: review.MemberId == me && cycle.State == ReviewCycleState.SelfReview && review.State == ReviewState.NotStarted,
            CanRate: rateable && cycle.State == ReviewCycleState.ManagerReview && review.State < ReviewState.ManagerSubmitted,
            CanCalibrate: scope.IsAdmin && cycle.State == ReviewCycleState.Calibration,
            CanPlan: rateable && cycle.State != ReviewCycleState.Closed,
            Plan: seesManager ? current : null, EarlierPlans: earlier, review.Version);
    }

    private static async Task<List<(long? ReviewId, DateOnly? CyclePeriodStart, ImprovementPlanResponse Plan)>> PlansOfMemberAsync(
        AppDbContext db, long memberId, CancellationToken cancellationToken)
    {
        var plans = await ImprovementPlansApi.Project(db, db.ImprovementPlans.Where(p => p.MemberId == memberId), cancellationToken);
        var reviewIds = plans.Where(p => p.ReviewId is not null).Select(p => p.ReviewId!.Value).ToList();
        var starts = await db.Reviews.Where(r => reviewIds.Contains(r.Id)).Select(r => new { r.Id, r.Cycle!.PeriodStart }).ToDictionaryAsync(r => r.Id, r => r.PeriodStart, cancellationToken);
        return [.. plans.Select(p => (p.ReviewId, p.ReviewId is { } rid && starts.TryGetValue(rid, out var start) ? start : (DateOnly?)null, p))
            .OrderByDescending(p => p.Item3.CreatedUtc)];
    }

    private static List<RatingResponse> Describe(IEnumerable<ReviewRating> ratings) => [.. ratings.Select(r => new RatingResponse(r.ItemId, r.Rating, r.Comment))];

    // Ratings of the cycle's competencies: a known item, a rating of 1–5 (or none yet), a comment.
    private static List<ReviewRating> Ratings(List<RatingRequest>? requests, ReviewCycle cycle, FieldErrors errors, bool requireAll)
    {
        var l = errors.Localizer;
        var competencies = cycle.Items.Where(i => i.Kind == ScorecardItemKind.Competency).Select(i => i.Id).ToHashSet();
        var ratings = new List<ReviewRating>();
        var seen = new HashSet<int>();
        requests ??= [];
        for (var i = 0; i < requests.Count; i++)
        {
            var request = requests[i];
            if (request.ItemId is not { } itemId || !competencies.Contains(itemId) || !seen.Add(itemId))
            {
                errors.Add($"ratings[{i}].itemId", l["Validation.ReviewUnknownItem"]);
                continue;
            }
            if (request.Rating is { } rating && (rating < ScorecardCalculator.MinRating || rating > ScorecardCalculator.MaxRating))
            {
                errors.Add($"ratings[{i}].rating", l["Validation.ReviewRating"]);
            }
            var comment = errors.Text($"ratings[{i}].comment", request.Comment, MaxRatingComment, required: false);
            ratings.Add(new ReviewRating { ItemId = itemId, Rating = request.Rating, Comment = comment });
        }
        if (requireAll && !errors.Any && competencies.Any(c => !ratings.Any(r => r.ItemId == c && r.Rating is not null)))
        {
            errors.Add("ratings", l["Validation.ReviewRateAll"]);
        }
        return ratings;
    }

    private static async Task<(Review? Review, ReviewCycle? Cycle)> LoadAsync(AppDbContext db, IQueryable<Review> readable, long id, CancellationToken cancellationToken)
    {
        var review = await readable.SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (review is null)
        {
            return (null, null);
        }
        return (review, await db.ReviewCycles.SingleAsync(c => c.Id == review.CycleId, cancellationToken));
    }

    private static async Task<TimeZoneInfo> ZoneAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var orgId = db.Tenant.RequireOrgId();
        var zone = await db.Organizations.Where(o => o.Id == orgId).Select(o => o.TimeZoneId).SingleAsync(cancellationToken);
        return TimeZoneInfo.FindSystemTimeZoneById(zone);
    }

    private static async Task<Results<Ok<ReviewDetail>, NotFound, ValidationProblem, ProblemHttpResult>> SaveAsync(
        AppDbContext db, ReviewScope scope, long id, IStringLocalizer<Strings> l, CancellationToken cancellationToken)
    {
        if (await ApiSave.ChangesAsync(db, l, cancellationToken) is { } stale)
        {
            return stale;
        }
        return TypedResults.Ok((await ReviewDetailAsync(db, scope, id, cancellationToken))!);
    }
}
