using System.Globalization;
using System.Security.Claims;
using Headroom.Accounts;
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

// The customer pool (公海, docs/decisions/0027). A member sees the organization's pool and the
// pools of the teams they may read (a rep their own team's); claims are for the caller and follow
// the organization's pool rules, a refusal naming the rule. Records outside the pool the caller
// may see answer 404.
public static class PoolApi
{
    public static void MapPoolApi(this RouteGroupBuilder api)
    {
        var pool = api.MapGroup("/pool").WithTags("Pool");
        pool.MapGet("/", List).WithSummary("The unowned accounts or open leads the caller may claim (kind=accounts|leads), optionally of one team's pool, paged.");
        pool.MapPost("/claim", Claim).WithSummary("Claim a record from the pool for yourself; refused (409) with the rule that stops it: the daily claim limit, the retention cap or the cool-down.");
        pool.MapPost("/release", Release).WithSummary("Put a record you may see back into the pool (its own team's, else its owner's team's); logged.");
        pool.MapGet("/returning", Returning).WithSummary("The claimed records in the caller's scope that go back to the pool within the reminder days (or are due), soonest first.");
        pool.MapPost("/return-due", ReturnDue).WithSummary("Return every record held without activity for the organization's number of days to its pool (admins); the command line runs it daily.");
        var settings = api.MapGroup("/settings").WithTags("Settings");
        settings.MapGet("/pool", GetSettings).WithSummary("The pool rules: daily claim limit, retention caps by tier and for leads, days without activity before return, reminder and cool-down days (managers and admins).");
        settings.MapPut("/pool", UpdateSettings).WithSummary("Change the pool rules (admins); a null limit means none. Send the version you read (none before the first change).");
    }

    public static async Task<Results<Ok<PagedList<PoolItemResponse>>, NotFound, ValidationProblem>> List(
        long? teamId, string? kind, [AsParameters] PageQuery paging, AppDbContext db, ClaimsPrincipal user, IStringLocalizer<Strings> l, CancellationToken cancellationToken)
    {
        if (ParseKind(kind) is not { } itemKind)
        {
            return ApiProblems.Field("kind", l["Validation.PoolKind"]);
        }
        var scope = await AccessScope.ForMemberAsync(db, user.GetMemberId(), cancellationToken);
        if (teamId is { } team && !await scope.Teams(db).AnyAsync(t => t.Id == team, cancellationToken))
        {
            return TypedResults.NotFound();
        }
        IQueryable<PoolItemResponse> query;
        if (itemKind == RebalanceItemKind.Account)
        {
            var accounts = scope.PoolAccounts(db);
            if (teamId is { } t)
            {
                accounts = accounts.Where(a => a.PoolTeamId == t);
            }
            query = accounts.OrderBy(a => a.Name).ThenBy(a => a.Id).Select(a => new PoolItemResponse(
                RebalanceItemKind.Account, a.Id, a.Name, a.Tier, a.Industry, a.Region, a.PoolTeamId,
                db.Teams.Where(x => x.Id == a.PoolTeamId).Select(x => x.Name).FirstOrDefault()));
        }
        else
        {
            var leads = scope.PoolLeads(db);
            if (teamId is { } t)
            {
                leads = leads.Where(x => x.PoolTeamId == t);
            }
            query = leads.OrderBy(x => x.Name).ThenBy(x => x.Id).Select(x => new PoolItemResponse(
                RebalanceItemKind.Lead, x.Id, x.Name, null, x.Company, x.Region, x.PoolTeamId,
                db.Teams.Where(y => y.Id == x.PoolTeamId).Select(y => y.Name).FirstOrDefault()));
        }
        var total = await query.CountAsync(cancellationToken);
        var items = await query.Skip(paging.Skip).Take(paging.Size).ToListAsync(cancellationToken);
        return TypedResults.Ok(new PagedList<PoolItemResponse>(items, total, paging.PageNumber, paging.Size));
    }

    public static async Task<Results<Ok<LogEntryResponse>, NotFound, ValidationProblem, ProblemHttpResult>> Claim(
        PoolItemRequest request, AppDbContext db, ClaimsPrincipal user, TimeProvider clock, IStringLocalizer<Strings> l, CancellationToken cancellationToken)
    {
        if (Validate(request, l) is { } invalid)
        {
            return invalid;
        }
        var scope = await AccessScope.ForMemberAsync(db, user.GetMemberId(), cancellationToken);
        var name = await db.Members.Where(m => m.Id == scope.MemberId).Select(m => m.Name).SingleAsync(cancellationToken);
        ClaimOutcome outcome;
        try
        {
            outcome = await PoolService.ClaimAsync(db, scope, new AssignmentActor(scope.MemberId, name), request.Kind!.Value, request.ItemId!.Value,
                clock.GetUtcNow().UtcDateTime, cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ApiProblems.StaleVersion(l["Problem.StaleVersion"]);
        }
        if (outcome.Claimed)
        {
            return TypedResults.Ok(LogEntryResponse.From(outcome.Entry!));
        }
        if (outcome.Decision.CanClaim)
        {
            return TypedResults.NotFound();
        }
        return ApiProblems.Conflict(RefusalMessage(outcome.Decision, l));
    }

    public static string RefusalMessage(ClaimDecision decision, IStringLocalizer<Strings> l) => decision.Refusal switch
    {
        ClaimRefusal.DailyLimit => string.Format(CultureInfo.CurrentCulture, l["Pool.Refused.DailyLimit"], decision.Limit),
        ClaimRefusal.RetentionCap => string.Format(CultureInfo.CurrentCulture, l["Pool.Refused.RetentionCap"], decision.Limit),
        _ => string.Format(CultureInfo.CurrentCulture, l["Pool.Refused.Cooldown"], decision.Limit, decision.Until?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
    };

    public static async Task<Results<Ok<LogEntryResponse>, NotFound, ValidationProblem, ProblemHttpResult>> Release(
        PoolItemRequest request, AppDbContext db, ClaimsPrincipal user, TimeProvider clock, IStringLocalizer<Strings> l, CancellationToken cancellationToken)
    {
        if (Validate(request, l) is { } invalid)
        {
            return invalid;
        }
        var scope = await AccessScope.ForMemberAsync(db, user.GetMemberId(), cancellationToken);
        var name = await db.Members.Where(m => m.Id == scope.MemberId).Select(m => m.Name).SingleAsync(cancellationToken);
        try
        {
            var entry = await PoolService.ReleaseAsync(db, scope, new AssignmentActor(scope.MemberId, name), request.Kind!.Value, request.ItemId!.Value,
                request.Reason, clock.GetUtcNow().UtcDateTime, cancellationToken);
            return entry is null ? TypedResults.NotFound() : TypedResults.Ok(LogEntryResponse.From(entry));
        }
        catch (DbUpdateConcurrencyException)
        {
            return ApiProblems.StaleVersion(l["Problem.StaleVersion"]);
        }
    }

    public static async Task<Ok<IReadOnlyList<ReturningResponse>>> Returning(AppDbContext db, ClaimsPrincipal user, TimeProvider clock, CancellationToken cancellationToken)
    {
        var scope = await AccessScope.ForMemberAsync(db, user.GetMemberId(), cancellationToken);
        var statuses = await PoolService.ReturningSoonAsync(db, scope, clock.GetUtcNow().UtcDateTime, cancellationToken);
        var ownerIds = statuses.Select(s => s.Holding.OwnerId).Distinct().ToList();
        var names = await db.Members.Where(m => ownerIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.Name, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<ReturningResponse>>([.. statuses.Select(s => new ReturningResponse(
            s.Holding.Kind, s.Holding.ItemId, s.Holding.Label, s.Holding.OwnerId, names.GetValueOrDefault(s.Holding.OwnerId), s.Holding.LastActivity, s.ReturnOn, s.DaysLeft, s.Due))]);
    }

    public static async Task<Results<Ok<IReadOnlyList<LogEntryResponse>>, ProblemHttpResult>> ReturnDue(
        AppDbContext db, ClaimsPrincipal user, TimeProvider clock, IStringLocalizer<Strings> l, CancellationToken cancellationToken)
    {
        if (user.GetRole() != MemberRole.Admin)
        {
            return ApiProblems.Forbidden(l["Problem.AdminsOnly"]);
        }
        var memberId = user.GetMemberId();
        var name = await db.Members.Where(m => m.Id == memberId).Select(m => m.Name).SingleAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var today = PoolService.LocalDate(now, await PoolService.ZoneAsync(db, cancellationToken));
        var entries = await PoolService.ReturnDueAsync(db, new AssignmentActor(memberId, name), today, now, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<LogEntryResponse>>([.. entries.Select(LogEntryResponse.From)]);
    }

    public static async Task<Results<Ok<PoolSettingsResponse>, ProblemHttpResult>> GetSettings(
        AppDbContext db, ClaimsPrincipal user, IStringLocalizer<Strings> l, CancellationToken cancellationToken)
    {
        if (user.GetRole() == MemberRole.Rep)
        {
            return ApiProblems.Forbidden(l["Problem.PoolSettingsManagersOnly"]);
        }
        var row = await db.OrganizationPoolSettings.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        return TypedResults.Ok(PoolSettingsResponse.From(row?.Read() ?? PoolSettings.Default, row?.Version ?? 0));
    }

    public static async Task<Results<Ok<PoolSettingsResponse>, ValidationProblem, ProblemHttpResult>> UpdateSettings(
        PoolSettingsRequest request, AppDbContext db, ClaimsPrincipal user, IStringLocalizer<Strings> l, CancellationToken cancellationToken)
    {
        if (user.GetRole() != MemberRole.Admin)
        {
            return ApiProblems.Forbidden(l["Problem.AdminsOnly"]);
        }
        var row = await db.OrganizationPoolSettings.SingleOrDefaultAsync(cancellationToken);
        if (row is not null && request.Version is null)
        {
            return ApiProblems.Field("version", l["Validation.Required"]);
        }
        if (request.Version is { } version && version != (row?.Version ?? 0))
        {
            return ApiProblems.StaleVersion(l["Problem.StaleVersion"]);
        }
        var errors = new FieldErrors(l);
        void Range(string field, int? value, int min, int max)
        {
            if (value is < 0 || value < min || value > max)
            {
                errors.TryAdd(field, string.Format(CultureInfo.CurrentCulture, l["Settings.Validation.Range"], min, max));
            }
        }
        Range("dailyClaimLimit", request.DailyClaimLimit, 0, 10_000);
        Range("capA", request.CapA, 0, 100_000);
        Range("capB", request.CapB, 0, 100_000);
        Range("capC", request.CapC, 0, 100_000);
        Range("capD", request.CapD, 0, 100_000);
        Range("leadCap", request.LeadCap, 0, 100_000);
        Range("returnAfterDays", request.ReturnAfterDays, 1, 3650);
        Range("reminderDays", request.ReminderDays, 0, 365);
        Range("cooldownDays", request.CooldownDays, 0, 365);
        if (errors.Any)
        {
            return ApiProblems.Fields(errors);
        }
        var settings = new PoolSettings
        {
            DailyClaimLimit = request.DailyClaimLimit, CapA = request.CapA, CapB = request.CapB, CapC = request.CapC, CapD = request.CapD,
            LeadCap = request.LeadCap, ReturnAfterDays = request.ReturnAfterDays,
            ReminderDays = request.ReminderDays ?? PoolSettings.Default.ReminderDays, CooldownDays = request.CooldownDays ?? PoolSettings.Default.CooldownDays,
        };
        if (row is null)
        {
            row = new OrganizationPoolSettings();
            db.OrganizationPoolSettings.Add(row);
        }
        row.Write(settings);
        if (await ApiSave.ChangesAsync(db, l, cancellationToken) is { } stale)
        {
            return stale;
        }
        return TypedResults.Ok(PoolSettingsResponse.From(settings, row.Version));
    }

    public static RebalanceItemKind? ParseKind(string? kind) => kind?.Trim().ToLowerInvariant() switch
    {
        null or "" or "accounts" or "account" => RebalanceItemKind.Account,
        "leads" or "lead" => RebalanceItemKind.Lead,
        _ => null,
    };

    private static ValidationProblem? Validate(PoolItemRequest request, IStringLocalizer<Strings> l)
    {
        var errors = new FieldErrors(l);
        if (request.Kind is not (RebalanceItemKind.Account or RebalanceItemKind.Lead))
        {
            errors.Add("kind", l["Validation.PoolKind"]);
        }
        if (request.ItemId is null)
        {
            errors.Add("itemId", l["Validation.Required"]);
        }
        return errors.Any ? ApiProblems.Fields(errors) : null;
    }
}

public sealed record PoolItemResponse(RebalanceItemKind Kind, long Id, string Name, AccountTier? Tier, string? Detail, string? Region, long? PoolTeamId, string? PoolTeamName);

// Kind: Account or Lead. Reason (release only) goes to the assignment log.
public sealed record PoolItemRequest(RebalanceItemKind? Kind, long? ItemId, string? Reason = null);

public sealed record ReturningResponse(
    RebalanceItemKind Kind, long ItemId, string Label, long OwnerId, string? OwnerName, DateOnly LastActivity, DateOnly ReturnOn, int DaysLeft, bool Due);

public sealed record PoolSettingsRequest(
    int? DailyClaimLimit, int? CapA, int? CapB, int? CapC, int? CapD, int? LeadCap, int? ReturnAfterDays, int? ReminderDays, int? CooldownDays, long? Version);

public sealed record PoolSettingsResponse(
    int? DailyClaimLimit, int? CapA, int? CapB, int? CapC, int? CapD, int? LeadCap, int? ReturnAfterDays, int ReminderDays, int CooldownDays, long Version)
{
    public static PoolSettingsResponse From(PoolSettings s, long version) =>
        new(s.DailyClaimLimit, s.CapA, s.CapB, s.CapC, s.CapD, s.LeadCap, s.ReturnAfterDays, s.ReminderDays, s.CooldownDays, version);
}
