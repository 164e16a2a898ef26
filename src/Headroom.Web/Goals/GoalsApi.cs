using System.Security.Claims;
using Headroom.Data;
using Headroom.Goals;
using Headroom.Organizations;
using Headroom.Web.Api;
using Headroom.Web.Auth;
using Headroom.Web.Localization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Headroom.Web.Goals;

// Goals through GoalScope (docs/decisions/0022-goals.md): a goal the caller may not read answers
// 404; one they may read but not set answers 403. An approved goal is locked: a change needs a
// reason, and every change is logged in GoalChange.
public static class GoalsApi
{
    public static void MapGoalsApi(this RouteGroupBuilder api)
    {
        var goals = api.MapGroup("/goals").WithTags("Goals");
        goals.MapGet("/", ListGoals).WithSummary(
            "Goals you may see with their progress and pace, filtered by owner, status, parent and period (2026-11, 2026-Q1, FY2026 or 2026-01-01..2026-03-31; goals overlapping it), " +
            "sorted (start, name, target, updated; '-' for descending) and paged.");
        goals.MapGet("/{id:long}", GetGoal).WithSummary("One goal with progress, pace, SMART check, children with roll-up and change log.");
        goals.MapPost("/", CreateGoal).WithSummary("Create a draft goal (managers for their subtree, admins for anyone); target in the metric's unit.");
        goals.MapPost("/check", CheckGoal).WithSummary("The SMART check of a goal that is not saved yet (the same body as create).");
        goals.MapPut("/{id:long}", UpdateGoal).WithSummary("Update a goal; send the version you read (409 if it changed since); an approved goal needs a reason.");
        goals.MapPost("/{id:long}/progress", ReportProgress).WithSummary(
            "Report the value of a manual goal (its owner, or whoever may set it); allowed on a locked goal; send the version you read; logged with an optional note.");
        goals.MapPost("/{id:long}/approve", ApproveGoal).WithSummary("Approve and lock a goal; later changes need a reason and are logged.");
        goals.MapPost("/{id:long}/cascade", CascadeGoal).WithSummary(
            "Split a goal's target among its child teams or members (even, capacity, lastPeriodShare); apply=false previews, apply=true writes draft child goals.");
        goals.MapGet("/settings", GetSettings).WithSummary("The organization's fiscal year start, new-hire ramp-up curve and whether reps see teammates' goals.");
        goals.MapPut("/settings", UpdateSettings).WithSummary("Change the goal settings (admins); send the version you read.");
        goals.MapGet("/territories", TerritoryPotentialsApi.Get).WithSummary(
            "The yearly potential of each territory (minor units) that goals cascade by, with the territories members and accounts name that have none yet (managers and admins).");
        goals.MapPut("/territories", TerritoryPotentialsApi.Put).WithSummary(
            "Replace the territory potentials (admins); send the organization's version you read; territory names are unique regardless of case.");
        goals.MapDelete("/{id:long}", DeleteGoal).WithSummary("Delete a draft goal without children; with ?version= the version you read.");
    }

    public static async Task<Results<Ok<PagedList<GoalResponse>>, ValidationProblem>> ListGoals(
        [AsParameters] GoalFilter filter, [AsParameters] PageQuery paging, AppDbContext db, ClaimsPrincipal user, IStringLocalizer<Strings> l, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var scope = await ScopeAsync(db, user, cancellationToken);
        var context = await GoalContext.LoadAsync(db, cancellationToken);
        var query = scope.Readable(db);
        if (filter.OwnerKind is { } kind)
        {
            query = query.Where(g => g.OwnerKind == kind);
        }
        if (filter.TeamId is { } team)
        {
            query = query.Where(g => g.TeamId == team);
        }
        if (filter.MemberId is { } member)
        {
            query = query.Where(g => g.MemberId == member);
        }
        if (filter.Status is { } status)
        {
            query = query.Where(g => g.Status == status);
        }
        if (filter.ParentGoalId is { } parent)
        {
            query = query.Where(g => g.ParentGoalId == parent);
        }
        if (!string.IsNullOrWhiteSpace(filter.Period))
        {
            if (GoalPeriods.Parse(filter.Period, context.FiscalYearStartMonth) is not { } period)
            {
                return ApiProblems.Field("period", l["Validation.GoalPeriodFormat"]);
            }
            query = query.Where(g => g.StartDate <= period.End && g.EndDate >= period.Start);
        }
        var total = await query.CountAsync(cancellationToken);
        IOrderedQueryable<Goal> ordered = (paging.SortKey, paging.Descending) switch
        {
            ("name", false) => query.OrderBy(g => g.Name),
            ("name", true) => query.OrderByDescending(g => g.Name),
            ("target", false) => query.OrderBy(g => g.Target),
            ("target", true) => query.OrderByDescending(g => g.Target),
            ("updated", false) => query.OrderBy(g => g.UpdatedUtc),
            ("updated", true) => query.OrderByDescending(g => g.UpdatedUtc),
            ("start", true) => query.OrderByDescending(g => g.StartDate).ThenBy(g => g.OwnerKind).ThenBy(g => g.Name),
            _ => query.OrderBy(g => g.StartDate).ThenBy(g => g.OwnerKind).ThenBy(g => g.Name),
        };
        var page = await Project(ordered.ThenBy(g => g.Id).Skip(paging.Skip).Take(paging.Size), context.Currency).ToListAsync(cancellationToken);
        var items = await WithPaceAsync(db, context, page, context.Today(clock), cancellationToken);
        return TypedResults.Ok(new PagedList<GoalResponse>(items, total, paging.PageNumber, paging.Size));
    }

    public static async Task<Results<Ok<GoalDetail>, NotFound>> GetGoal(long id, AppDbContext db, ClaimsPrincipal user, TimeProvider clock, CancellationToken cancellationToken)
    {
        var scope = await ScopeAsync(db, user, cancellationToken);
        var detail = await DetailAsync(db, scope, id, clock, cancellationToken);
        return detail is null ? TypedResults.NotFound() : TypedResults.Ok(detail);
    }

    public static async Task<Results<Created<GoalDetail>, ValidationProblem, ProblemHttpResult>> CreateGoal(
        GoalRequest request, AppDbContext db, ClaimsPrincipal user, IStringLocalizer<Strings> l, TimeProvider clock, CancellationToken cancellationToken)
    {
        var scope = await ScopeAsync(db, user, cancellationToken);
        if (!scope.CanSetGoals)
        {
            return ApiProblems.Forbidden(l["Problem.GoalSettersOnly"]);
        }
        var context = await GoalContext.LoadAsync(db, cancellationToken);
        var goal = new Goal { Name = "" };
        var errors = new FieldErrors(l);
        await ApplyAsync(goal, request, scope, context, db, errors, isNew: true, cancellationToken);
        if (errors.Any)
        {
            return ApiProblems.Fields(errors);
        }
        db.Goals.Add(goal);
        db.GoalChanges.Add(new GoalChange
        {
            Goal = goal, ChangedById = scope.Access.MemberId, ChangedUtc = clock.GetUtcNow().UtcDateTime, Kind = GoalChangeKind.Created, NewTarget = goal.Target,
        });
        await db.SaveChangesAsync(cancellationToken);
        var detail = await DetailAsync(db, scope, goal.Id, clock, cancellationToken);
        return TypedResults.Created($"/api/v1/goals/{goal.Id}", detail!);
    }

    public static async Task<Results<Ok<SmartResult>, ValidationProblem>> CheckGoal(
        GoalRequest request, AppDbContext db, ClaimsPrincipal user, IStringLocalizer<Strings> l, TimeProvider clock, CancellationToken cancellationToken)
    {
        var scope = await ScopeAsync(db, user, cancellationToken);
        var context = await GoalContext.LoadAsync(db, cancellationToken);
        var goal = new Goal { Name = "" };
        var errors = new FieldErrors(l);
        await ApplyAsync(goal, request, scope, context, db, errors, isNew: true, cancellationToken);
        if (errors.Any)
        {
            return ApiProblems.Fields(errors);
        }
        return TypedResults.Ok(await GoalEvaluator.SmartAsync(db, context, GoalSubject.Of(goal), goal.Target, goal.Description, goal.StrategyNote,
            goal.ParentGoalId is not null, context.Today(clock), cancellationToken));
    }

    public static async Task<Results<Ok<GoalDetail>, NotFound, ValidationProblem, ProblemHttpResult>> UpdateGoal(
        long id, GoalRequest request, AppDbContext db, ClaimsPrincipal user, IStringLocalizer<Strings> l, TimeProvider clock, CancellationToken cancellationToken)
    {
        var scope = await ScopeAsync(db, user, cancellationToken);
        var (goal, refusal) = await EditableAsync(db, scope, id, l, cancellationToken);
        if (goal is null)
        {
            return refusal is null ? TypedResults.NotFound() : refusal;
        }
        var errors = new FieldErrors(l);
        if (request.Version is not { } version)
        {
            errors.Add("version", l["Validation.Required"]);
            return ApiProblems.Fields(errors);
        }
        if (version != goal.Version)
        {
            return ApiProblems.StaleVersion(l["Problem.StaleVersion"]);
        }
        var reason = errors.Text("reason", request.Reason, 1000, required: false);
        if (goal.Status == GoalStatus.Approved && reason is null)
        {
            errors.Add("reason", l["Validation.GoalReasonWhenLocked"]);
        }
        var oldTarget = goal.Target;
        var context = await GoalContext.LoadAsync(db, cancellationToken);
        await ApplyAsync(goal, request, scope, context, db, errors, isNew: false, cancellationToken);
        if (errors.Any)
        {
            return ApiProblems.Fields(errors);
        }
        db.GoalChanges.Add(new GoalChange
        {
            GoalId = goal.Id, ChangedById = scope.Access.MemberId, ChangedUtc = clock.GetUtcNow().UtcDateTime, Kind = GoalChangeKind.Edited,
            Reason = reason, OldTarget = oldTarget, NewTarget = goal.Target,
        });
        return await SaveAsync(db, scope, goal.Id, l, clock, cancellationToken);
    }

    public static async Task<Results<Ok<GoalDetail>, NotFound, ValidationProblem, ProblemHttpResult>> ReportProgress(
        long id, ProgressReport request, AppDbContext db, ClaimsPrincipal user, IStringLocalizer<Strings> l, TimeProvider clock, CancellationToken cancellationToken)
    {
        var scope = await ScopeAsync(db, user, cancellationToken);
        var goal = await scope.Readable(db).SingleOrDefaultAsync(g => g.Id == id, cancellationToken);
        if (goal is null)
        {
            return TypedResults.NotFound();
        }
        if (!await scope.CanReportProgressAsync(db, goal.Id, goal.OwnerKind, goal.MemberId, cancellationToken))
        {
            return ApiProblems.Forbidden(l["Problem.GoalProgressOwnerOnly"]);
        }
        if (goal.Metric != GoalMetric.Manual)
        {
            return ApiProblems.Conflict(l["Problem.GoalNotManual"]);
        }
        var errors = new FieldErrors(l);
        if (request.Value is not { } value)
        {
            errors.Add("value", l["Validation.Required"]);
        }
        else
        {
            var (min, max) = GoalMetrics.RangeOf(GoalMetric.Manual);
            if (value < min || value > max)
            {
                errors.Add("value", string.Format(System.Globalization.CultureInfo.CurrentCulture, l["Validation.GoalTargetRange"], min, max == long.MaxValue ? "∞" : max));
            }
        }
        var note = errors.Text("note", request.Note, 1000, required: false);
        if (request.Version is null)
        {
            errors.Add("version", l["Validation.Required"]);
        }
        if (errors.Any)
        {
            return ApiProblems.Fields(errors);
        }
        if (request.Version != goal.Version)
        {
            return ApiProblems.StaleVersion(l["Problem.StaleVersion"]);
        }
        db.GoalChanges.Add(new GoalChange
        {
            GoalId = goal.Id, ChangedById = scope.Access.MemberId, ChangedUtc = clock.GetUtcNow().UtcDateTime, Kind = GoalChangeKind.ProgressReported,
            Reason = note, OldActual = goal.ManualActual, NewActual = request.Value,
        });
        goal.ManualActual = request.Value;
        return await SaveAsync(db, scope, goal.Id, l, clock, cancellationToken);
    }

    public static async Task<Results<Ok<GoalDetail>, NotFound, ValidationProblem, ProblemHttpResult>> ApproveGoal(
        long id, ApproveRequest request, AppDbContext db, ClaimsPrincipal user, IStringLocalizer<Strings> l, TimeProvider clock, CancellationToken cancellationToken)
    {
        var scope = await ScopeAsync(db, user, cancellationToken);
        var (goal, refusal) = await EditableAsync(db, scope, id, l, cancellationToken);
        if (goal is null)
        {
            return refusal is null ? TypedResults.NotFound() : refusal;
        }
        if (request.Version is not { } version)
        {
            return ApiProblems.Field("version", l["Validation.Required"]);
        }
        if (version != goal.Version)
        {
            return ApiProblems.StaleVersion(l["Problem.StaleVersion"]);
        }
        if (goal.Status != GoalStatus.Approved)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            goal.Status = GoalStatus.Approved;
            goal.ApprovedUtc = now;
            goal.ApprovedById = scope.Access.MemberId;
            db.GoalChanges.Add(new GoalChange { GoalId = goal.Id, ChangedById = scope.Access.MemberId, ChangedUtc = now, Kind = GoalChangeKind.Approved, NewTarget = goal.Target });
        }
        return await SaveAsync(db, scope, goal.Id, l, clock, cancellationToken);
    }

    public static async Task<Results<Ok<CascadePlan>, NotFound, ValidationProblem, ProblemHttpResult>> CascadeGoal(
        long id, CascadeRequest request, AppDbContext db, ClaimsPrincipal user, IStringLocalizer<Strings> l, TimeProvider clock, CancellationToken cancellationToken)
    {
        var scope = await ScopeAsync(db, user, cancellationToken);
        var (goal, refusal) = await EditableAsync(db, scope, id, l, cancellationToken);
        if (goal is null)
        {
            return refusal is null ? TypedResults.NotFound() : refusal;
        }
        var errors = new FieldErrors(l);
        if (request.Method is null)
        {
            errors.Add("method", l["Validation.Required"]);
        }
        var childKind = request.ChildKind ?? (goal.OwnerKind == GoalOwnerKind.Organization ? GoalOwnerKind.Team : GoalOwnerKind.Member);
        if (childKind == GoalOwnerKind.Organization || goal.OwnerKind == GoalOwnerKind.Member)
        {
            errors.Add("childKind", l["Validation.GoalChildKind"]);
        }
        if (request.Apply && request.Version is null)
        {
            errors.Add("version", l["Validation.Required"]);
        }
        if (errors.Any)
        {
            return ApiProblems.Fields(errors);
        }
        var context = await GoalContext.LoadAsync(db, cancellationToken);
        var plan = await GoalCascadePlanner.PlanAsync(db, context, goal, childKind, request.Method!.Value, cancellationToken);
        if (!request.Apply)
        {
            return TypedResults.Ok(plan);
        }
        if (request.Version != goal.Version)
        {
            return ApiProblems.StaleVersion(l["Problem.StaleVersion"]);
        }
        if (plan.Lines.Any(line => line.ExistingStatus == GoalStatus.Approved && line.ExistingTarget != line.Target))
        {
            return ApiProblems.Conflict(l["Problem.ChildGoalLocked"]);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var line in plan.Lines)
        {
            if (line.ExistingGoalId is { } existingId)
            {
                if (line.ExistingTarget == line.Target)
                {
                    continue;
                }
                var child = await db.Goals.SingleAsync(g => g.Id == existingId, cancellationToken);
                child.Target = line.Target;
                db.GoalChanges.Add(new GoalChange
                {
                    GoalId = child.Id, ChangedById = scope.Access.MemberId, ChangedUtc = now, Kind = GoalChangeKind.Cascaded, OldTarget = line.ExistingTarget, NewTarget = line.Target,
                });
                continue;
            }
            var created = db.Goals.Add(new Goal
            {
                Name = Truncate($"{goal.Name} · {line.OwnerName}", 200), Description = goal.Description, StrategyNote = goal.StrategyNote,
                OwnerKind = line.OwnerKind, TeamId = line.TeamId, MemberId = line.MemberId, Metric = goal.Metric, ActivityType = goal.ActivityType,
                PeriodKind = goal.PeriodKind, StartDate = goal.StartDate, EndDate = goal.EndDate, Target = line.Target, ParentGoalId = goal.Id,
            }).Entity;
            db.GoalChanges.Add(new GoalChange { Goal = created, ChangedById = scope.Access.MemberId, ChangedUtc = now, Kind = GoalChangeKind.Cascaded, NewTarget = line.Target });
        }
        // The parent's version moves too, so a second apply from the same preview is refused.
        goal.UpdatedUtc = now;
        db.Entry(goal).Property(g => g.UpdatedUtc).IsModified = true;
        if (await ApiSave.ChangesAsync(db, l, cancellationToken) is { } stale)
        {
            return stale;
        }
        return TypedResults.Ok(await GoalCascadePlanner.PlanAsync(db, context, goal, childKind, request.Method!.Value, cancellationToken));
    }

    public static async Task<Results<NoContent, NotFound, ProblemHttpResult>> DeleteGoal(
        long id, [FromQuery] long? version, AppDbContext db, ClaimsPrincipal user, IStringLocalizer<Strings> l, CancellationToken cancellationToken)
    {
        var scope = await ScopeAsync(db, user, cancellationToken);
        var (goal, refusal) = await EditableAsync(db, scope, id, l, cancellationToken);
        if (goal is null)
        {
            return refusal is null ? TypedResults.NotFound() : refusal;
        }
        if (version is { } expected && expected != goal.Version)
        {
            return ApiProblems.StaleVersion(l["Problem.StaleVersion"]);
        }
        if (goal.Status == GoalStatus.Approved)
        {
            return ApiProblems.Conflict(l["Problem.GoalLocked"]);
        }
        if (await db.Goals.AnyAsync(g => g.ParentGoalId == goal.Id, cancellationToken))
        {
            return ApiProblems.Conflict(l["Problem.GoalHasChildren"]);
        }
        db.Goals.Remove(goal);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<GoalSettings>> GetSettings(AppDbContext db, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var orgId = user.GetOrgId();
        var settings = await db.Organizations.Where(o => o.Id == orgId)
            .Select(o => new { o.FiscalYearStartMonth, o.RampUpCurve, o.RepsSeeTeammateGoals, o.Version }).SingleAsync(cancellationToken);
        return TypedResults.Ok(new GoalSettings(settings.FiscalYearStartMonth, settings.RampUpCurve ?? RampUpCurve.Default.ToString(), settings.RepsSeeTeammateGoals, settings.Version));
    }

    public static async Task<Results<Ok<GoalSettings>, ValidationProblem, ProblemHttpResult>> UpdateSettings(
        GoalSettings request, AppDbContext db, ClaimsPrincipal user, IStringLocalizer<Strings> l, CancellationToken cancellationToken)
    {
        if (user.GetRole() != MemberRole.Admin)
        {
            return ApiProblems.Forbidden(l["Problem.AdminsOnly"]);
        }
        var orgId = user.GetOrgId();
        var organization = await db.Organizations.SingleAsync(o => o.Id == orgId, cancellationToken);
        var errors = new FieldErrors(l);
        if (request.Version is null)
        {
            errors.Add("version", l["Validation.Required"]);
        }
        if (request.FiscalYearStartMonth is { } month)
        {
            if (month is < 1 or > 12)
            {
                errors.Add("fiscalYearStartMonth", l["Validation.GoalFiscalMonth"]);
            }
            organization.FiscalYearStartMonth = month;
        }
        var curve = errors.Text("rampUpCurve", request.RampUpCurve, 200, required: false);
        try
        {
            organization.RampUpCurve = curve is null ? null : RampUpCurve.Parse(curve).ToString();
        }
        catch (FormatException)
        {
            errors.Add("rampUpCurve", l["Validation.GoalRampUpCurve"]);
        }
        if (request.RepsSeeTeammateGoals is { } see)
        {
            organization.RepsSeeTeammateGoals = see;
        }
        if (errors.Any)
        {
            return ApiProblems.Fields(errors);
        }
        if (request.Version != organization.Version)
        {
            return ApiProblems.StaleVersion(l["Problem.StaleVersion"]);
        }
        if (await ApiSave.ChangesAsync(db, l, cancellationToken) is { } stale)
        {
            return stale;
        }
        return TypedResults.Ok(new GoalSettings(organization.FiscalYearStartMonth, organization.RampUpCurve ?? RampUpCurve.Default.ToString(),
            organization.RepsSeeTeammateGoals, organization.Version));
    }

    public static async Task<GoalScope> ScopeAsync(AppDbContext db, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        await GoalScope.ForAsync(db, await AccessScope.ForMemberAsync(db, user.GetMemberId(), cancellationToken), cancellationToken);

    public static async Task<GoalDetail?> DetailAsync(AppDbContext db, GoalScope scope, long id, TimeProvider clock, CancellationToken cancellationToken)
    {
        var context = await GoalContext.LoadAsync(db, cancellationToken);
        var goal = await Project(scope.Readable(db).Where(g => g.Id == id), context.Currency).SingleOrDefaultAsync(cancellationToken);
        if (goal is null)
        {
            return null;
        }
        var today = context.Today(clock);
        var withPace = (await WithPaceAsync(db, context, [goal], today, cancellationToken))[0];
        var subject = goal.ToSubject();
        var smart = await GoalEvaluator.SmartAsync(db, context, subject, goal.Target, goal.Description, goal.StrategyNote, goal.ParentGoalId is not null, today, cancellationToken);
        var childTargets = await db.Goals.Where(g => g.ParentGoalId == id).Select(g => g.Target).ToListAsync(cancellationToken);
        var children = await Project(scope.Readable(db).Where(g => g.ParentGoalId == id).OrderBy(g => g.Name).ThenBy(g => g.Id), context.Currency).ToListAsync(cancellationToken);
        children = await WithPaceAsync(db, context, children, today, cancellationToken);
        var changes = await db.GoalChanges.Where(c => c.GoalId == id).OrderBy(c => c.ChangedUtc).ThenBy(c => c.Id)
            .Select(c => new GoalChangeResponse(c.Id, c.Kind, c.ChangedById,
                db.Members.Where(m => m.Id == c.ChangedById).Select(m => m.Name).FirstOrDefault(), c.ChangedUtc, c.Reason, c.OldTarget, c.NewTarget, c.OldActual, c.NewActual))
            .ToListAsync(cancellationToken);
        var rollUp = childTargets.Count == 0 ? null : GoalCascade.RollUp(goal.Target, childTargets, GoalMetrics.Of(goal.Metric));
        return new GoalDetail(withPace, smart, children, rollUp, changes);
    }

    public static async Task<List<GoalResponse>> WithPaceAsync(AppDbContext db, GoalContext context, IReadOnlyList<GoalResponse> goals, DateOnly today, CancellationToken cancellationToken)
    {
        var result = new List<GoalResponse>(goals.Count);
        foreach (var goal in goals)
        {
            var subject = goal.ToSubject();
            var standing = await GoalEvaluator.StandingAsync(db, context, subject, goal.Target, today, cancellationToken);
            result.Add(goal with { Pace = standing.Pace });
        }
        return result;
    }

    private static async Task<(Goal? Goal, ProblemHttpResult? Refusal)> EditableAsync(AppDbContext db, GoalScope scope, long id, IStringLocalizer<Strings> l, CancellationToken cancellationToken)
    {
        var goal = await scope.Editable(db).SingleOrDefaultAsync(g => g.Id == id, cancellationToken);
        if (goal is not null)
        {
            return (goal, null);
        }
        // Readable but not the caller's to set: 403; not readable at all: 404.
        return await scope.Readable(db).AnyAsync(g => g.Id == id, cancellationToken)
            ? (null, ApiProblems.Forbidden(l["Problem.GoalSettersOnly"]))
            : (null, null);
    }

    private static async Task<Results<Ok<GoalDetail>, NotFound, ValidationProblem, ProblemHttpResult>> SaveAsync(
        AppDbContext db, GoalScope scope, long id, IStringLocalizer<Strings> l, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await ApiSave.ChangesAsync(db, l, cancellationToken) is { } stale)
        {
            return stale;
        }
        return TypedResults.Ok((await DetailAsync(db, scope, id, clock, cancellationToken))!);
    }

    private static async Task ApplyAsync(
        Goal goal, GoalRequest request, GoalScope scope, GoalContext context, AppDbContext db, FieldErrors errors, bool isNew, CancellationToken cancellationToken)
    {
        var l = errors.Localizer;
        goal.Name = errors.Text("name", request.Name, 200, required: true) ?? goal.Name;
        goal.Description = errors.Text("description", request.Description, 2000, required: false);
        goal.StrategyNote = errors.Text("strategyNote", request.StrategyNote, 2000, required: false);

        // On update, no owner kind keeps the owner as it is.
        if (isNew || request.OwnerKind is not null)
        {
            await ApplyOwnerAsync(goal, request, scope, db, errors, isNew, cancellationToken);
        }

        if (request.Metric is not { } metric || !Enum.IsDefined(metric))
        {
            errors.Add("metric", l["Validation.Required"]);
        }
        else
        {
            goal.Metric = metric;
            if (request.ActivityType is not null && metric != GoalMetric.Activities)
            {
                errors.Add("activityType", l["Validation.GoalActivityTypeOnly"]);
            }
            goal.ActivityType = metric == GoalMetric.Activities ? request.ActivityType : null;
            if (request.ManualActual is not null && metric != GoalMetric.Manual)
            {
                errors.Add("manualActual", l["Validation.GoalManualOnly"]);
            }
            goal.ManualActual = metric == GoalMetric.Manual ? request.ManualActual : null;
            if (request.Target is not { } target)
            {
                errors.Add("target", l["Validation.Required"]);
            }
            else
            {
                var (min, max) = GoalMetrics.RangeOf(metric);
                if (target < min || target > max)
                {
                    errors.Add("target", string.Format(System.Globalization.CultureInfo.CurrentCulture, l["Validation.GoalTargetRange"], min, max == long.MaxValue ? "∞" : max));
                }
                goal.Target = target;
            }
        }

        if (request.PeriodKind is not { } periodKind || !Enum.IsDefined(periodKind))
        {
            errors.Add("periodKind", l["Validation.Required"]);
        }
        else if (request.StartDate is not { } start)
        {
            errors.Add("startDate", l["Validation.Required"]);
        }
        else if (periodKind == GoalPeriodKind.Custom)
        {
            if (request.EndDate is not { } end)
            {
                errors.Add("endDate", l["Validation.Required"]);
            }
            else if (end < start)
            {
                errors.Add("endDate", l["Validation.EndBeforeStart"]);
            }
            else if (end.DayNumber - start.DayNumber > 5 * 366)
            {
                errors.Add("endDate", l["Validation.GoalPeriodTooLong"]);
            }
            else
            {
                (goal.PeriodKind, goal.StartDate, goal.EndDate) = (periodKind, start, end);
            }
        }
        else
        {
            var (first, last) = GoalPeriods.Containing(periodKind, start, context.FiscalYearStartMonth);
            (goal.PeriodKind, goal.StartDate, goal.EndDate) = (periodKind, first, last);
        }

        if (request.ParentGoalId is { } parentId)
        {
            if (parentId == goal.Id || !await scope.Readable(db).AnyAsync(g => g.Id == parentId, cancellationToken) || await IsBelowAsync(db, parentId, goal.Id, cancellationToken))
            {
                errors.Add("parentGoalId", l["Validation.UnknownGoal"]);
            }
        }
        goal.ParentGoalId = request.ParentGoalId;
    }

    private static async Task ApplyOwnerAsync(Goal goal, GoalRequest request, GoalScope scope, AppDbContext db, FieldErrors errors, bool isNew, CancellationToken cancellationToken)
    {
        var l = errors.Localizer;
        if (request.OwnerKind is not { } ownerKind || !Enum.IsDefined(ownerKind))
        {
            errors.Add("ownerKind", l["Validation.Required"]);
            return;
        }
        var teamId = ownerKind == GoalOwnerKind.Team ? request.TeamId : null;
        var memberId = ownerKind == GoalOwnerKind.Member ? request.MemberId : null;
        var unchanged = !isNew && ownerKind == goal.OwnerKind && teamId == goal.TeamId && memberId == goal.MemberId;
        if (!unchanged && !await scope.CanOwnAsync(db, ownerKind, teamId, memberId, cancellationToken))
        {
            var (field, message) = ownerKind switch
            {
                GoalOwnerKind.Team => ("teamId", request.TeamId is null ? "Validation.Required" : "Validation.UnknownTeam"),
                GoalOwnerKind.Member => ("memberId", request.MemberId is null ? "Validation.Required" : "Validation.UnknownOwner"),
                _ => ("ownerKind", "Validation.GoalOrganizationAdminsOnly"),
            };
            errors.Add(field, l[message]);
        }
        (goal.OwnerKind, goal.TeamId, goal.MemberId) = (ownerKind, teamId, memberId);
    }

    // Is `candidate` the goal itself or one of its descendants (which would make a cycle)?
    private static async Task<bool> IsBelowAsync(AppDbContext db, long candidate, long goalId, CancellationToken cancellationToken)
    {
        if (goalId == 0)
        {
            return false;
        }
        long? current = candidate;
        for (var steps = 0; current is { } id && steps < 100; steps++)
        {
            if (id == goalId)
            {
                return true;
            }
            current = await db.Goals.Where(g => g.Id == id).Select(g => g.ParentGoalId).SingleOrDefaultAsync(cancellationToken);
        }
        return false;
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];

    public static IQueryable<GoalResponse> Project(IQueryable<Goal> goals, string currency) => goals.Select(g => new GoalResponse(
        g.Id, g.Name, g.Description, g.StrategyNote, g.OwnerKind, g.TeamId, g.MemberId,
        g.OwnerKind == GoalOwnerKind.Team ? g.Team!.Name : g.OwnerKind == GoalOwnerKind.Member ? g.Member!.Name : "",
        g.Metric, g.ActivityType,
        g.Metric == GoalMetric.WonRevenue || g.Metric == GoalMetric.PipelineCreated ? GoalUnit.MinorUnits
            : g.Metric == GoalMetric.WinRate ? GoalUnit.BasisPoints
            : g.Metric == GoalMetric.AverageSalesCycle ? GoalUnit.TenthsOfDay
            : g.Metric == GoalMetric.AverageCsat ? GoalUnit.Hundredths
            : g.Metric == GoalMetric.Nps ? GoalUnit.Tenths
            : g.Metric == GoalMetric.Manual ? GoalUnit.Number : GoalUnit.Count,
        g.PeriodKind, g.StartDate, g.EndDate, g.Target, g.ManualActual, g.ParentGoalId, g.Status, g.ApprovedUtc, currency, g.UpdatedUtc, g.Version, null));
}
