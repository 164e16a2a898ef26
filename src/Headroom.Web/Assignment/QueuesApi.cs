using System.Globalization;
using System.Security.Claims;
using Headroom.Assignment;
using Headroom.Data;
using Headroom.Organizations;
using Headroom.Web.Api;
using Headroom.Web.Auth;
using Headroom.Web.Localization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Headroom.Web.Assignment;

// Assignment queues (docs/decisions/0028): the rules, a dry run of the queue's strategy on the
// leads waiting, and its application. Admins reach every queue, managers those of the teams they
// answer for; a rep sees their own team's queues and may not change or run them (403); any other
// queue answers 404, as does another organization's.
public static class QueuesApi
{
    public const int MaxWeights = 1_000;

    public static void MapQueuesApi(this RouteGroupBuilder api)
    {
        var queues = api.MapGroup("/assignment/queues").WithTags("Assignment queues");
        queues.MapGet("/", ListQueues).WithSummary("The assignment queues the caller may see, by name, with the number of leads waiting in each; paged.");
        queues.MapGet("/{id:long}", GetQueue).WithSummary("One queue's rules.");
        queues.MapPost("/", CreateQueue).WithSummary(
            "Create a queue for a team the caller answers for: which leads it takes (source, region), strategy, hard constraints, target utilization, open-lead cap, effort per lead, auto-route, weights.");
        queues.MapPut("/{id:long}", UpdateQueue).WithSummary("Change a queue's rules; send the version you read (409 if it changed since).");
        queues.MapDelete("/{id:long}", DeleteQueue).WithSummary("Delete a queue; leads already given out keep their owners.");
        queues.MapGet("/{id:long}/preview", Preview).WithSummary(
            "Dry run: the queue's strategy on the leads waiting (at most limit, oldest first), each with the chosen rep, runner-up, eligible reps, load before and after and the rule or cost that decided; unplaced leads with the reason. Nothing is changed.");
        queues.MapPost("/{id:long}/apply", Apply).WithSummary(
            "Apply a (possibly edited) dry run in one unit of work: each lead gets its owner and a Routing entry in the assignment log; a lead taken or changed since the preview answers 409 naming it, and nothing is applied.");
    }

    public static async Task<Ok<PagedList<QueueResponse>>> ListQueues(
        [AsParameters] PageQuery paging, AppDbContext db, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var scope = await AccessScope.ForMemberAsync(db, user.GetMemberId(), cancellationToken);
        var query = QueueRouting.Visible(db, scope).AsNoTracking();
        var total = await query.CountAsync(cancellationToken);
        var page = await query.OrderBy(q => q.Name).ThenBy(q => q.Id).Skip(paging.Skip).Take(paging.Size).ToListAsync(cancellationToken);
        var items = new List<QueueResponse>(page.Count);
        foreach (var queue in page)
        {
            items.Add(await ResponseAsync(db, queue, cancellationToken));
        }
        return TypedResults.Ok(new PagedList<QueueResponse>(items, total, paging.PageNumber, paging.Size));
    }

    public static async Task<Results<Ok<QueueResponse>, NotFound>> GetQueue(long id, AppDbContext db, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var scope = await AccessScope.ForMemberAsync(db, user.GetMemberId(), cancellationToken);
        var queue = await QueueRouting.Visible(db, scope).AsNoTracking().SingleOrDefaultAsync(q => q.Id == id, cancellationToken);
        return queue is null ? TypedResults.NotFound() : TypedResults.Ok(await ResponseAsync(db, queue, cancellationToken));
    }

    public static async Task<Results<Created<QueueResponse>, ValidationProblem, ProblemHttpResult>> CreateQueue(
        QueueRequest request, AppDbContext db, ClaimsPrincipal user, IStringLocalizer<Strings> l, CancellationToken cancellationToken)
    {
        var scope = await AccessScope.ForMemberAsync(db, user.GetMemberId(), cancellationToken);
        if (scope.Role == MemberRole.Rep)
        {
            return ApiProblems.Forbidden(l["Problem.QueueManagersOnly"]);
        }
        var queue = new AssignmentQueue { Name = "" };
        var errors = new FieldErrors(l);
        await ApplyAsync(queue, request, scope, db, errors, cancellationToken);
        if (errors.Any)
        {
            return ApiProblems.Fields(errors);
        }
        db.AssignmentQueues.Add(queue);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/assignment/queues/{queue.Id}", await ResponseAsync(db, queue, cancellationToken));
    }

    public static async Task<Results<Ok<QueueResponse>, NotFound, ValidationProblem, ProblemHttpResult>> UpdateQueue(
        long id, QueueRequest request, AppDbContext db, ClaimsPrincipal user, IStringLocalizer<Strings> l, QueueRouterCache cache, CancellationToken cancellationToken)
    {
        var (queue, problem) = await ManagedAsync(id, db, user, l, cancellationToken);
        if (queue is null)
        {
            return problem is null ? TypedResults.NotFound() : problem;
        }
        var scope = await AccessScope.ForMemberAsync(db, user.GetMemberId(), cancellationToken);
        if (request.Version is not { } version)
        {
            return ApiProblems.Field("version", l["Validation.Required"]);
        }
        if (version != queue.Version)
        {
            return ApiProblems.StaleVersion(l["Problem.StaleVersion"]);
        }
        var errors = new FieldErrors(l);
        await ApplyAsync(queue, request, scope, db, errors, cancellationToken);
        if (errors.Any)
        {
            return ApiProblems.Fields(errors);
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ApiProblems.StaleVersion(l["Problem.StaleVersion"]);
        }
        cache.Invalidate(queue.OrgId, queue.Id);
        return TypedResults.Ok(await ResponseAsync(db, queue, cancellationToken));
    }

    public static async Task<Results<NoContent, NotFound, ProblemHttpResult>> DeleteQueue(
        long id, AppDbContext db, ClaimsPrincipal user, IStringLocalizer<Strings> l, QueueRouterCache cache, CancellationToken cancellationToken)
    {
        var (queue, problem) = await ManagedAsync(id, db, user, l, cancellationToken);
        if (queue is null)
        {
            return problem is null ? TypedResults.NotFound() : problem;
        }
        db.AssignmentQueues.Remove(queue);
        await db.SaveChangesAsync(cancellationToken);
        cache.Invalidate(queue.OrgId, queue.Id);
        return TypedResults.NoContent();
    }

    public static async Task<Results<Ok<QueuePreview>, NotFound, ValidationProblem, ProblemHttpResult>> Preview(
        long id, int? limit, AppDbContext db, ClaimsPrincipal user, TimeProvider clock, IStringLocalizer<Strings> l, CancellationToken cancellationToken)
    {
        if (limit is < 1 or > QueueQuery.MaxLimit)
        {
            return ApiProblems.Field("limit", string.Format(CultureInfo.CurrentCulture, l["Validation.QueueLimit"], QueueQuery.MaxLimit));
        }
        var (queue, problem) = await ManagedAsync(id, db, user, l, cancellationToken);
        if (queue is null)
        {
            return problem is null ? TypedResults.NotFound() : problem;
        }
        return TypedResults.Ok(await QueueQuery.PreviewAsync(db, queue, clock.GetUtcNow(), limit ?? QueueQuery.DefaultLimit, cancellationToken));
    }

    public static async Task<Results<Ok<ApplyResponse>, NotFound, ValidationProblem, ProblemHttpResult>> Apply(
        long id, QueueApplyRequest request, AppDbContext db, ClaimsPrincipal user, TimeProvider clock, IStringLocalizer<Strings> l, QueueRouterCache cache,
        CancellationToken cancellationToken)
    {
        var (queue, problem) = await ManagedAsync(id, db, user, l, cancellationToken);
        if (queue is null)
        {
            return problem is null ? TypedResults.NotFound() : problem;
        }
        var lines = request.Lines ?? [];
        if (lines.Count == 0 || lines.Count > QueueQuery.MaxLimit)
        {
            return ApiProblems.Field("lines", string.Format(CultureInfo.CurrentCulture, l["Validation.QueueLines"], QueueQuery.MaxLimit));
        }
        var errors = new FieldErrors(l);
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].LeadId is null)
            {
                errors.Add($"lines[{i}].leadId", l["Validation.Required"]);
            }
            if (lines[i].LeadVersion is null)
            {
                errors.Add($"lines[{i}].leadVersion", l["Validation.Required"]);
            }
            if (lines[i].ToMemberId is null)
            {
                errors.Add($"lines[{i}].toMemberId", l["Validation.Required"]);
            }
        }
        if (errors.Any)
        {
            return ApiProblems.Fields(errors);
        }
        var memberId = user.GetMemberId();
        var name = await db.Members.Where(m => m.Id == memberId).Select(m => m.Name).SingleAsync(cancellationToken);
        var (outcome, raced) = await ApplyProblems.RunAsync(
            () => QueueApplier.ApplyAsync(db, queue, new AssignmentActor(memberId, name),
                [.. lines.Select(x => new QueueLine(x.LeadId!.Value, x.LeadVersion!.Value, x.ToMemberId!.Value, x.Reason))], clock.GetUtcNow(), cancellationToken), l);
        if (outcome is null)
        {
            return raced!;
        }
        if (ApplyProblems.Stale(outcome.Problems, p => p.Problem == ApplyProblemKind.Stale, p => $"{p.Label} ({p.ItemId})", l["Problem.QueueStale"]) is { } conflict)
        {
            return conflict;
        }
        if (ApplyProblems.Lines(errors, outcome.Problems, "lines", p => p.Index, p => p.Problem switch
            {
                ApplyProblemKind.BadReceiver => ("toMemberId", "Validation.QueueReceiver"),
                ApplyProblemKind.Duplicate => ("leadId", "Validation.RebalanceDuplicate"),
                _ => ("leadId", "Validation.QueueLead"),
            }) is { } invalid)
        {
            return invalid;
        }
        cache.Invalidate(queue.OrgId, queue.Id);
        return TypedResults.Ok(new ApplyResponse(outcome.BatchId, [.. outcome.Entries.Select(LogEntryResponse.From)]));
    }

    // A queue the caller may change or run: visible (else 404) and not as a rep (403).
    private static async Task<(AssignmentQueue? Queue, ProblemHttpResult? Problem)> ManagedAsync(
        long id, AppDbContext db, ClaimsPrincipal user, IStringLocalizer<Strings> l, CancellationToken cancellationToken)
    {
        var scope = await AccessScope.ForMemberAsync(db, user.GetMemberId(), cancellationToken);
        var queue = await QueueRouting.Visible(db, scope).SingleOrDefaultAsync(q => q.Id == id, cancellationToken);
        if (queue is null)
        {
            return (null, null);
        }
        return scope.Role == MemberRole.Rep ? (null, ApiProblems.Forbidden(l["Problem.QueueManagersOnly"])) : (queue, null);
    }

    private static async Task ApplyAsync(AssignmentQueue queue, QueueRequest request, AccessScope scope, AppDbContext db, FieldErrors errors, CancellationToken cancellationToken)
    {
        var l = errors.Localizer;
        queue.Name = errors.Text("name", request.Name, 200, required: true) ?? queue.Name;
        if (!errors.ContainsKey("name") && await db.AssignmentQueues.AnyAsync(q => q.Name == queue.Name && q.Id != queue.Id, cancellationToken))
        {
            errors.Add("name", l["Validation.QueueNameTaken"]);
        }
        if (request.TeamId is not { } teamId)
        {
            errors.Add("teamId", l["Validation.Required"]);
        }
        else if (!await scope.Teams(db).AnyAsync(t => t.Id == teamId, cancellationToken))
        {
            errors.Add("teamId", l["Validation.UnknownTeam"]);
        }
        else
        {
            queue.TeamId = teamId;
        }
        if (request.Strategy is not { } strategy || !Enum.IsDefined(strategy))
        {
            errors.Add("strategy", l["Validation.Required"]);
        }
        else
        {
            queue.Strategy = strategy;
        }
        queue.LeadSource = errors.Text("leadSource", request.LeadSource, 100, required: false);
        queue.LeadRegion = errors.Text("leadRegion", request.LeadRegion, 100, required: false);
        queue.MatchSkill = request.MatchSkill ?? queue.MatchSkill;
        queue.MatchLanguage = request.MatchLanguage ?? queue.MatchLanguage;
        queue.MatchRegion = request.MatchRegion ?? queue.MatchRegion;
        queue.AutoRoute = request.AutoRoute ?? queue.AutoRoute;
        if (request.TargetUtilization is { } target)
        {
            if (!(target is >= 0.1 and <= 2))
            {
                errors.Add("targetUtilization", l["Validation.QueueTarget"]);
            }
            queue.TargetUtilization = target;
        }
        if (request.MaxOpenLeadsPerRep is < 1 or > 100_000)
        {
            errors.Add("maxOpenLeadsPerRep", l["Validation.QueueMaxOpen"]);
        }
        queue.MaxOpenLeadsPerRep = request.MaxOpenLeadsPerRep;
        if (request.EffortHoursPerLead is { } effort)
        {
            if (!(effort is >= 0.05 and <= 40))
            {
                errors.Add("effortHoursPerLead", l["Validation.QueueEffort"]);
            }
            queue.EffortHoursPerLead = effort;
        }
        var weights = request.Weights ?? [];
        if (weights.Count > MaxWeights)
        {
            errors.Add("weights", string.Format(CultureInfo.CurrentCulture, l["Validation.TooMany"], MaxWeights));
            return;
        }
        if (errors.ContainsKey("teamId") || weights.Count == 0)
        {
            queue.WriteWeights(new Dictionary<long, int>());
            return;
        }
        var teams = await AccessScope.TeamsBelowAsync(db, [queue.TeamId], cancellationToken);
        var ids = weights.Where(w => w.MemberId is not null).Select(w => w.MemberId!.Value).ToList();
        var members = await db.Members.Where(m => ids.Contains(m.Id) && m.TeamId != null && teams.Contains(m.TeamId.Value)).Select(m => m.Id).ToListAsync(cancellationToken);
        var read = new Dictionary<long, int>();
        for (var i = 0; i < weights.Count; i++)
        {
            if (weights[i].MemberId is not { } member || !members.Contains(member))
            {
                errors.Add($"weights[{i}].memberId", l["Validation.QueueWeightMember"]);
            }
            else if (!read.TryAdd(member, weights[i].Weight ?? 1))
            {
                errors.Add($"weights[{i}].memberId", l["Validation.RebalanceDuplicate"]);
            }
            if (weights[i].Weight is < 0 or > AssignmentQueue.MaxWeight)
            {
                errors.Add($"weights[{i}].weight", string.Format(CultureInfo.CurrentCulture, l["Validation.QueueWeight"], AssignmentQueue.MaxWeight));
            }
        }
        queue.WriteWeights(read);
    }

    private static async Task<QueueResponse> ResponseAsync(AppDbContext db, AssignmentQueue queue, CancellationToken cancellationToken)
    {
        var teamName = await db.Teams.Where(t => t.Id == queue.TeamId).Select(t => t.Name).SingleAsync(cancellationToken);
        var teams = await AccessScope.TeamsBelowAsync(db, [queue.TeamId], cancellationToken);
        var waiting = await QueueQuery.MatchingLeads(db, queue, teams).CountAsync(cancellationToken);
        return new QueueResponse(
            queue.Id, queue.Name, queue.TeamId, teamName, queue.Strategy, queue.LeadSource, queue.LeadRegion, queue.MatchSkill, queue.MatchLanguage,
            queue.MatchRegion, queue.TargetUtilization, queue.MaxOpenLeadsPerRep, queue.EffortHoursPerLead, queue.AutoRoute,
            [.. queue.ReadWeights().Select(w => new QueueWeight(w.Key, w.Value))], waiting, queue.Version);
    }
}

// Create and update take the same body; Version is required on update. TargetUtilization is a
// share (1 = 100 %, 0.1 to 2). A weight of 0 leaves the member out of the queue.
public sealed record QueueRequest(
    string? Name,
    long? TeamId,
    AssignmentStrategy? Strategy,
    string? LeadSource = null,
    string? LeadRegion = null,
    bool? MatchSkill = null,
    bool? MatchLanguage = null,
    bool? MatchRegion = null,
    double? TargetUtilization = null,
    int? MaxOpenLeadsPerRep = null,
    double? EffortHoursPerLead = null,
    bool? AutoRoute = null,
    IReadOnlyList<QueueWeightRequest>? Weights = null,
    long? Version = null);

public sealed record QueueWeightRequest(long? MemberId, int? Weight);

public sealed record QueueWeight(long MemberId, int Weight);

// Waiting: the leads the queue would take now.
public sealed record QueueResponse(
    long Id,
    string Name,
    long TeamId,
    string TeamName,
    AssignmentStrategy Strategy,
    string? LeadSource,
    string? LeadRegion,
    bool MatchSkill,
    bool MatchLanguage,
    bool MatchRegion,
    double TargetUtilization,
    int? MaxOpenLeadsPerRep,
    double EffortHoursPerLead,
    bool AutoRoute,
    IReadOnlyList<QueueWeight> Weights,
    int Waiting,
    long Version);

public sealed record QueueApplyRequest(IReadOnlyList<QueueLineRequest>? Lines);

// A line of the dry run as previewed (the lead's version then), with the rep possibly changed.
public sealed record QueueLineRequest(long? LeadId, long? LeadVersion, long? ToMemberId, string? Reason = null);
