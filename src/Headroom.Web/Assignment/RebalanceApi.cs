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

// Rebalance proposals and their application, and the assignment log (docs/decisions/0025). A team
// the caller may not read answers 404; a rep, who may read their own team, gets 403 for the
// proposal and the apply. The log shows the entries whose giver or receiver the caller may see.
public static class RebalanceApi
{
    public const int MaxMovesLimit = 200;

    public static void MapRebalanceApi(this RouteGroupBuilder api)
    {
        var rebalance = api.MapGroup("/rebalance").WithTags("Rebalance");
        rebalance.MapPost("/proposal", Propose).WithSummary(
            "The fewest weighted moves of open work (or at most maxMoves) that bring a team's members within the healthy band over the next weeks, each explained; nothing is changed.");
        rebalance.MapPost("/apply", Apply).WithSummary(
            "Apply a (possibly edited) proposal in one unit of work: new owners and one assignment log entry per item moved; a line whose item changed owner since the preview answers 409, one whose receiver is not an active member in scope or lacks the item's territory, language or skill a validation problem on moves[i].toMemberId; then nothing is applied.");
        api.MapGet("/assignment-log", ListLog).WithTags("Rebalance").WithSummary(
            "The append-only log of changes of owner the caller may see (giver or receiver in scope), newest first, filtered by team, member and dates, paged.");
    }

    public static async Task<Results<Ok<ProposalResponse>, NotFound, ValidationProblem, ProblemHttpResult>> Propose(
        ProposalRequest request, AppDbContext db, ClaimsPrincipal user, TimeProvider clock, IStringLocalizer<Strings> l, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors(l);
        if (request.TeamId is null)
        {
            errors.Add("teamId", l["Validation.Required"]);
        }
        if (request.MaxMoves is < 0 or > MaxMovesLimit)
        {
            errors.TryAdd("maxMoves", string.Format(CultureInfo.CurrentCulture, l["Validation.RebalanceMaxMoves"], MaxMovesLimit));
        }
        if (request.Weeks is < 1 or > RebalanceQuery.MaxWeeks)
        {
            errors.TryAdd("weeks", string.Format(CultureInfo.CurrentCulture, l["Validation.RebalanceWeeks"], RebalanceQuery.MaxWeeks));
        }
        if (errors.Any)
        {
            return ApiProblems.Fields(errors);
        }
        var scope = await AccessScope.ForMemberAsync(db, user.GetMemberId(), cancellationToken);
        var team = await scope.Teams(db).Where(t => t.Id == request.TeamId).Select(t => new { t.Id, t.Name }).SingleOrDefaultAsync(cancellationToken);
        if (team is null)
        {
            return TypedResults.NotFound();
        }
        if (scope.Role == MemberRole.Rep)
        {
            return ApiProblems.Forbidden(l["Problem.RebalanceManagersOnly"]);
        }
        var (inputs, horizon) = await RebalanceQuery.LoadAsync(db, scope, team.Id, clock.GetUtcNow(), request.Weeks ?? RebalanceQuery.DefaultWeeks, cancellationToken);
        var proposal = Rebalancer.Propose(inputs, new RebalanceRequest { MaxMoves = request.MaxMoves });
        var canReceive = inputs.Members.Where(m => m.CanReceive).ToList();
        var receivers = canReceive.Select(m => new ReceiverResponse(m.Id, m.Name, m.TeamId)).ToList();
        // Per line, the receivers a manager may pick instead: those who meet the item's requirements
        // (the apply refuses anyone else).
        var items = inputs.Items.ToDictionary(i => i.Ref);
        var eligible = proposal.Moves.Select(move => new MoveReceiversResponse(move.Kind, move.ItemId, [.. canReceive
            .Where(m => m.Id != move.FromMemberId && items[new ItemRef(move.Kind, move.ItemId)].Requirements.MetBy(m.Fit ?? MemberFit.None))
            .Select(m => m.Id)])).ToList();
        return TypedResults.Ok(new ProposalResponse(
            team.Id, team.Name, horizon, proposal.Before, proposal.After, proposal.TotalWeight, proposal.Moves, proposal.Members, proposal.Unresolved, receivers,
            proposal.NotMovable, proposal.CoveredFollowUps, proposal.CoveredCarriers, eligible));
    }

    public static async Task<Results<Ok<ApplyResponse>, ValidationProblem, ProblemHttpResult>> Apply(
        ApplyRequest request, AppDbContext db, ClaimsPrincipal user, TimeProvider clock, IStringLocalizer<Strings> l, CancellationToken cancellationToken)
    {
        var scope = await AccessScope.ForMemberAsync(db, user.GetMemberId(), cancellationToken);
        if (scope.Role == MemberRole.Rep)
        {
            return ApiProblems.Forbidden(l["Problem.RebalanceManagersOnly"]);
        }
        var moves = request.Moves ?? [];
        if (moves.Count == 0 || moves.Count > MaxMovesLimit)
        {
            return ApiProblems.Field("moves", string.Format(CultureInfo.CurrentCulture, l["Validation.RebalanceMoves"], MaxMovesLimit));
        }
        var errors = new FieldErrors(l);
        for (var i = 0; i < moves.Count; i++)
        {
            if (moves[i].Kind is not { } kind || !Enum.IsDefined(kind))
            {
                errors.Add($"moves[{i}].kind", l["Validation.Required"]);
            }
            if (moves[i].ItemId is null)
            {
                errors.Add($"moves[{i}].itemId", l["Validation.Required"]);
            }
            if (moves[i].FromMemberId is null)
            {
                errors.Add($"moves[{i}].fromMemberId", l["Validation.Required"]);
            }
            if (moves[i].ToMemberId is null)
            {
                errors.Add($"moves[{i}].toMemberId", l["Validation.Required"]);
            }
        }
        if (errors.Any)
        {
            return ApiProblems.Fields(errors);
        }
        var name = await db.Members.Where(m => m.Id == scope.MemberId).Select(m => m.Name).SingleAsync(cancellationToken);
        var changes = moves.Select(m => new RebalanceChange(m.Kind!.Value, m.ItemId!.Value, m.FromMemberId!.Value, m.ToMemberId!.Value, m.Reason)).ToList();
        var (outcome, raced) = await ApplyProblems.RunAsync(
            () => RebalanceApplier.ApplyAsync(db, scope, new AssignmentActor(scope.MemberId, name), changes, AssignmentSource.Rebalance, clock.GetUtcNow().UtcDateTime, cancellationToken), l);
        if (outcome is null)
        {
            return raced!;
        }
        if (ApplyProblems.Stale(outcome.Problems, p => p.Problem == ApplyProblemKind.Stale, p => $"{p.Label} ({p.Kind} {p.ItemId})", l["Problem.RebalanceStale"]) is { } conflict)
        {
            return conflict;
        }
        if (ApplyProblems.Lines(errors, outcome.Problems, "moves", p => p.Index, p => p.Problem switch
            {
                ApplyProblemKind.BadReceiver => ("toMemberId", "Validation.RebalanceReceiver"),
                ApplyProblemKind.Duplicate => ("itemId", "Validation.RebalanceDuplicate"),
                ApplyProblemKind.UnderCover => ("itemId", "Validation.RebalanceCovered"),
                ApplyProblemKind.UnmetRequirement => ("toMemberId", "Validation.RebalanceRequirement"),
                _ => ("itemId", "Validation.RebalanceItem"),
            }, p => [Unmet(p.Unmet, l)]) is { } invalid)
        {
            return invalid;
        }
        return TypedResults.Ok(new ApplyResponse(outcome.BatchId, [.. outcome.Entries.Select(LogEntryResponse.From)]));
    }

    public static async Task<Results<Ok<PagedList<LogEntryResponse>>, NotFound, ValidationProblem>> ListLog(
        long? teamId, long? memberId, DateOnly? from, DateOnly? to, [AsParameters] PageQuery paging,
        AppDbContext db, ClaimsPrincipal user, IStringLocalizer<Strings> l, CancellationToken cancellationToken)
    {
        if (from is { } first && to is { } last && last < first)
        {
            return ApiProblems.Field("to", l["Validation.EndBeforeStart"]);
        }
        var scope = await AccessScope.ForMemberAsync(db, user.GetMemberId(), cancellationToken);
        var query = Visible(db, scope);
        if (teamId is { } team)
        {
            if (!await scope.Teams(db).AnyAsync(t => t.Id == team, cancellationToken))
            {
                return TypedResults.NotFound();
            }
            var teams = await AccessScope.TeamsBelowAsync(db, [team], cancellationToken);
            var members = db.Members.Where(m => m.TeamId != null && teams.Contains(m.TeamId.Value)).Select(m => (long?)m.Id);
            query = query.Where(e => members.Contains(e.FromMemberId) || members.Contains(e.ToMemberId));
        }
        if (memberId is { } member)
        {
            if (!await scope.Members(db).AnyAsync(m => m.Id == member, cancellationToken))
            {
                return TypedResults.NotFound();
            }
            query = query.Where(e => e.FromMemberId == member || e.ToMemberId == member);
        }
        if (from is { } start)
        {
            var startUtc = await LocalMidnightUtcAsync(db, start, cancellationToken);
            query = query.Where(e => e.AtUtc >= startUtc);
        }
        if (to is { } end)
        {
            var endUtc = await LocalMidnightUtcAsync(db, end.AddDays(1), cancellationToken);
            query = query.Where(e => e.AtUtc < endUtc);
        }
        var total = await query.CountAsync(cancellationToken);
        var page = await query.OrderByDescending(e => e.AtUtc).ThenByDescending(e => e.Id).Skip(paging.Skip).Take(paging.Size)
            .Select(e => new LogEntryResponse(e.Id, e.AtUtc, e.ActorMemberId, e.ActorName, e.ItemKind, e.ItemId, e.ItemLabel,
                e.FromMemberId, db.Members.Where(m => m.Id == e.FromMemberId).Select(m => m.Name).FirstOrDefault(),
                e.ToMemberId, db.Members.Where(m => m.Id == e.ToMemberId).Select(m => m.Name).FirstOrDefault(),
                e.Reason, e.Source, e.BatchId))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new PagedList<LogEntryResponse>(page, total, paging.PageNumber, paging.Size));
    }

    // The requirements a receiver lacks, as the line's error names them ("territory 苏州, language fr-FR").
    private static string Unmet(IReadOnlyList<UnmetRequirement>? unmet, IStringLocalizer<Strings> l) =>
        string.Join(CultureInfo.CurrentCulture.TwoLetterISOLanguageName == "zh" ? "，" : ", ",
            (unmet ?? []).Select(u => string.Format(CultureInfo.CurrentCulture, l["Rebalance.Requirement." + u.Rule], u.Value)));

    // Entries whose giver or receiver the caller may see: an admin all of them.
    public static IQueryable<AssignmentLogEntry> Visible(AppDbContext db, AccessScope scope)
    {
        if (scope.Role == MemberRole.Admin)
        {
            return db.AssignmentLog;
        }
        var members = scope.Members(db).Select(m => (long?)m.Id);
        return db.AssignmentLog.Where(e => members.Contains(e.FromMemberId) || members.Contains(e.ToMemberId));
    }

    private static async Task<DateTime> LocalMidnightUtcAsync(AppDbContext db, DateOnly date, CancellationToken cancellationToken)
    {
        var orgId = db.Tenant.RequireOrgId();
        var zoneId = await db.Organizations.Where(o => o.Id == orgId).Select(o => o.TimeZoneId).SingleAsync(cancellationToken);
        return TimeZoneInfo.ConvertTimeToUtc(date.ToDateTime(TimeOnly.MinValue), TimeZoneInfo.FindSystemTimeZoneById(zoneId));
    }
}

// MaxMoves null: the fewest moves that bring everyone within the band. Weeks: the horizon (default 2).
public sealed record ProposalRequest(long? TeamId, int? MaxMoves, int? Weeks);

public sealed record ReceiverResponse(long MemberId, string Name, long? TeamId);

public sealed record ProposalResponse(
    long TeamId,
    string TeamName,
    RebalanceHorizon Horizon,
    BandSummary Before,
    BandSummary After,
    double TotalWeight,
    IReadOnlyList<RebalanceMove> Moves,
    IReadOnlyList<MemberRebalance> Members,
    IReadOnlyList<UnresolvedMember> Unresolved,
    IReadOnlyList<ReceiverResponse> Receivers,
    IReadOnlyList<NotMovableItem> NotMovable,
    int CoveredFollowUps,
    int CoveredCarriers,
    IReadOnlyList<MoveReceiversResponse> EligibleReceivers);

// The receivers who meet the requirements of a proposed line's item, other than its giver.
public sealed record MoveReceiversResponse(RebalanceItemKind Kind, long ItemId, IReadOnlyList<long> MemberIds);

public sealed record ApplyRequest(IReadOnlyList<MoveRequest>? Moves);

// A line of the proposal as previewed, with the receiver possibly changed; Reason goes to the log.
public sealed record MoveRequest(RebalanceItemKind? Kind, long? ItemId, long? FromMemberId, long? ToMemberId, string? Reason);

public sealed record ApplyResponse(Guid BatchId, IReadOnlyList<LogEntryResponse> Entries);

public sealed record LogEntryResponse(
    long Id,
    DateTime AtUtc,
    long? ActorMemberId,
    string ActorName,
    RebalanceItemKind ItemKind,
    long ItemId,
    string ItemLabel,
    long? FromMemberId,
    string? FromName,
    long? ToMemberId,
    string? ToName,
    string? Reason,
    AssignmentSource Source,
    Guid BatchId)
{
    public static LogEntryResponse From(AssignmentLogEntry e) =>
        new(e.Id, e.AtUtc, e.ActorMemberId, e.ActorName, e.ItemKind, e.ItemId, e.ItemLabel, e.FromMemberId, null, e.ToMemberId, null, e.Reason, e.Source, e.BatchId);
}
