using Headroom.Accounts;
using Headroom.Activities;
using Headroom.Data;
using Headroom.Leads;
using Headroom.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Headroom.Assignment;

// The customer pool (公海, docs/decisions/0027): claiming a record from the pool, releasing it back,
// and returning the records whose holder has had no activity on them for the organization's
// number of days. Every change of owner goes to the assignment log (source Pool) in the same
// SaveChanges; claims per day and cool-downs are counted from that log.
public static class PoolService
{
    public static async Task<PoolSettings> LoadSettingsAsync(AppDbContext db, CancellationToken cancellationToken = default) =>
        (await db.OrganizationPoolSettings.AsNoTracking().SingleOrDefaultAsync(cancellationToken))?.Read() ?? PoolSettings.Default;

    public static async Task<TimeZoneInfo> ZoneAsync(AppDbContext db, CancellationToken cancellationToken = default)
    {
        var orgId = db.Tenant.RequireOrgId();
        var zoneId = await db.Organizations.Where(o => o.Id == orgId).Select(o => o.TimeZoneId).SingleAsync(cancellationToken);
        return TimeZoneInfo.FindSystemTimeZoneById(zoneId);
    }

    public static DateOnly LocalDate(DateTime utc, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone));

    public static async Task<ClaimOutcome> ClaimAsync(
        AppDbContext db, AccessScope scope, AssignmentActor actor, RebalanceItemKind kind, long itemId, DateTime nowUtc,
        CancellationToken cancellationToken = default)
    {
        var memberId = actor.MemberId ?? throw new InvalidOperationException("Only a member can claim from the pool.");
        var zone = await ZoneAsync(db, cancellationToken);
        var today = LocalDate(nowUtc, zone);
        var dayStart = TimeZoneInfo.ConvertTimeToUtc(today.ToDateTime(TimeOnly.MinValue), zone);
        var dayEnd = TimeZoneInfo.ConvertTimeToUtc(today.AddDays(1).ToDateTime(TimeOnly.MinValue), zone);
        var settings = await LoadSettingsAsync(db, cancellationToken);
        var claimsToday = await db.AssignmentLog.CountAsync(
            e => e.Source == AssignmentSource.Pool && e.FromMemberId == null && e.ToMemberId == memberId && e.AtUtc >= dayStart && e.AtUtc < dayEnd,
            cancellationToken);
        var lastLeftUtc = await db.AssignmentLog
            .Where(e => e.ItemKind == kind && e.ItemId == itemId && e.FromMemberId == memberId && e.ToMemberId == null)
            .MaxAsync(e => (DateTime?)e.AtUtc, cancellationToken);
        var lastLeft = lastLeftUtc is { } left ? LocalDate(left, zone) : (DateOnly?)null;

        Account? account = null;
        Lead? lead = null;
        ClaimCandidate candidate;
        if (kind == RebalanceItemKind.Account)
        {
            account = await scope.PoolAccounts(db).SingleOrDefaultAsync(a => a.Id == itemId, cancellationToken);
            if (account is null)
            {
                return ClaimOutcome.NotFound;
            }
            var held = await db.Accounts.CountAsync(a => a.OwnerId == memberId && a.Tier == account.Tier && a.Status != AccountStatus.Churned, cancellationToken);
            candidate = new ClaimCandidate(kind, account.Tier, claimsToday, held, lastLeft);
        }
        else if (kind == RebalanceItemKind.Lead)
        {
            lead = await scope.PoolLeads(db).SingleOrDefaultAsync(l => l.Id == itemId, cancellationToken);
            if (lead is null)
            {
                return ClaimOutcome.NotFound;
            }
            var held = await db.Leads.CountAsync(l => l.OwnerId == memberId && l.Status != LeadStatus.Converted && l.Status != LeadStatus.Disqualified, cancellationToken);
            candidate = new ClaimCandidate(kind, AccountTier.C, claimsToday, held, lastLeft);
        }
        else
        {
            return ClaimOutcome.NotFound;
        }

        var decision = PoolRules.CanClaim(settings, candidate, today);
        if (!decision.CanClaim)
        {
            return new ClaimOutcome(decision, null);
        }
        var label = account?.Name ?? lead!.Name;
        if (account is not null)
        {
            account.OwnerId = memberId;
        }
        else
        {
            lead!.OwnerId = memberId;
        }
        var entry = Entry(actor, kind, itemId, label, null, memberId, null, nowUtc);
        db.AssignmentLog.Add(entry);
        await db.SaveChangesAsync(cancellationToken);
        return new ClaimOutcome(decision, entry);
    }

    // Back to the pool by hand: the owner (or a manager or admin who may see the record) lets it go.
    // It returns to the pool it came from, else to its owner's team's pool.
    public static async Task<AssignmentLogEntry?> ReleaseAsync(
        AppDbContext db, AccessScope scope, AssignmentActor actor, RebalanceItemKind kind, long itemId, string? reason, DateTime nowUtc,
        CancellationToken cancellationToken = default)
    {
        reason = string.IsNullOrWhiteSpace(reason) ? "released" : reason.Trim()[..Math.Min(reason.Trim().Length, 1000)];
        AssignmentLogEntry entry;
        if (kind == RebalanceItemKind.Account)
        {
            var account = await scope.Accounts(db).SingleOrDefaultAsync(a => a.Id == itemId && a.OwnerId != null, cancellationToken);
            if (account is null)
            {
                return null;
            }
            var owner = account.OwnerId!.Value;
            account.PoolTeamId ??= await TeamOfAsync(db, owner, cancellationToken);
            account.OwnerId = null;
            entry = Entry(actor, kind, itemId, account.Name, owner, null, reason, nowUtc);
        }
        else if (kind == RebalanceItemKind.Lead)
        {
            var lead = await scope.Leads(db).SingleOrDefaultAsync(l => l.Id == itemId && l.OwnerId != null, cancellationToken);
            if (lead is null)
            {
                return null;
            }
            var owner = lead.OwnerId!.Value;
            lead.PoolTeamId ??= await TeamOfAsync(db, owner, cancellationToken);
            lead.OwnerId = null;
            entry = Entry(actor, kind, itemId, lead.Name, owner, null, reason, nowUtc);
        }
        else
        {
            return null;
        }
        db.AssignmentLog.Add(entry);
        await db.SaveChangesAsync(cancellationToken);
        return entry;
    }

    // The records in the given scope that a rep claimed from the pool and still holds, with the
    // day of their last activity (the latest activity logged on them since the claim, not
    // cancelled and not in the future, else the day of the claim).
    public static async Task<List<PoolHolding>> HoldingsAsync(AppDbContext db, AccessScope scope, DateTime nowUtc, TimeZoneInfo zone, CancellationToken cancellationToken = default)
    {
        var claimedAccounts = db.AssignmentLog.Where(e => e.Source == AssignmentSource.Pool && e.ItemKind == RebalanceItemKind.Account && e.FromMemberId == null).Select(e => e.ItemId);
        var accounts = await scope.Accounts(db).Where(a => a.OwnerId != null && claimedAccounts.Contains(a.Id))
            .Select(a => new
            {
                a.Id, a.Name, Owner = a.OwnerId!.Value,
                Last = db.AssignmentLog.Where(e => e.ItemKind == RebalanceItemKind.Account && e.ItemId == a.Id).OrderByDescending(e => e.Id)
                    .Select(e => new { e.Source, e.FromMemberId, e.ToMemberId, e.AtUtc }).FirstOrDefault(),
                Activity = db.SalesActivities.Where(s => s.AccountId == a.Id && s.StartUtc <= nowUtc && s.Outcome != ActivityOutcome.Cancelled).Max(s => (DateTime?)s.StartUtc),
            }).ToListAsync(cancellationToken);
        var claimedLeads = db.AssignmentLog.Where(e => e.Source == AssignmentSource.Pool && e.ItemKind == RebalanceItemKind.Lead && e.FromMemberId == null).Select(e => e.ItemId);
        var leads = await scope.Leads(db)
            .Where(l => l.OwnerId != null && l.Status != LeadStatus.Converted && l.Status != LeadStatus.Disqualified && claimedLeads.Contains(l.Id))
            .Select(l => new
            {
                l.Id, l.Name, Owner = l.OwnerId!.Value,
                Last = db.AssignmentLog.Where(e => e.ItemKind == RebalanceItemKind.Lead && e.ItemId == l.Id).OrderByDescending(e => e.Id)
                    .Select(e => new { e.Source, e.FromMemberId, e.ToMemberId, e.AtUtc }).FirstOrDefault(),
                Activity = db.SalesActivities.Where(s => s.LeadId == l.Id && s.StartUtc <= nowUtc && s.Outcome != ActivityOutcome.Cancelled).Max(s => (DateTime?)s.StartUtc),
            }).ToListAsync(cancellationToken);

        // Only a holding whose latest change of owner is the claim by its present owner: a record
        // since moved by a manager is theirs to answer for, not the pool's.
        DateOnly? Since(AssignmentSource source, long? from, long? to, DateTime at, long owner, DateTime? activity) =>
            source == AssignmentSource.Pool && from is null && to == owner
                ? LocalDate(activity is { } a && a > at ? a : at, zone)
                : null;
        var holdings = new List<PoolHolding>();
        foreach (var a in accounts)
        {
            if (a.Last is { } e && Since(e.Source, e.FromMemberId, e.ToMemberId, e.AtUtc, a.Owner, a.Activity) is { } day)
            {
                holdings.Add(new PoolHolding(RebalanceItemKind.Account, a.Id, a.Name, a.Owner, day));
            }
        }
        foreach (var l in leads)
        {
            if (l.Last is { } e && Since(e.Source, e.FromMemberId, e.ToMemberId, e.AtUtc, l.Owner, l.Activity) is { } day)
            {
                holdings.Add(new PoolHolding(RebalanceItemKind.Lead, l.Id, l.Name, l.Owner, day));
            }
        }
        return holdings;
    }

    // The held records that go back to the pool soon (or are due today), for the reminder list.
    public static async Task<IReadOnlyList<PoolHoldingStatus>> ReturningSoonAsync(AppDbContext db, AccessScope scope, DateTime nowUtc, CancellationToken cancellationToken = default)
    {
        var zone = await ZoneAsync(db, cancellationToken);
        var settings = await LoadSettingsAsync(db, cancellationToken);
        var holdings = await HoldingsAsync(db, scope, nowUtc, zone, cancellationToken);
        return [.. PoolRules.Review(settings, holdings, LocalDate(nowUtc, zone)).OrderBy(s => s.ReturnOn).ThenBy(s => s.Holding.Label, StringComparer.Ordinal)];
    }

    // Returns every overdue record of the organization to its pool, logged with the reason, in
    // one SaveChanges. `today` is the organization's local day the rule is judged on.
    public static async Task<IReadOnlyList<AssignmentLogEntry>> ReturnDueAsync(
        AppDbContext db, AssignmentActor actor, DateOnly today, DateTime nowUtc, CancellationToken cancellationToken = default)
    {
        var zone = await ZoneAsync(db, cancellationToken);
        var settings = await LoadSettingsAsync(db, cancellationToken);
        var scope = AccessScope.WholeOrganization();
        var endOfToday = TimeZoneInfo.ConvertTimeToUtc(today.AddDays(1).ToDateTime(TimeOnly.MinValue), zone);
        var holdings = await HoldingsAsync(db, scope, endOfToday, zone, cancellationToken);
        var due = PoolRules.Review(settings, holdings, today).Where(s => s.Due).ToList();
        if (due.Count == 0)
        {
            return [];
        }
        var reason = $"no activity for {settings.ReturnAfterDays} days";
        var teams = await db.Members.Select(m => new { m.Id, m.TeamId }).ToDictionaryAsync(m => m.Id, m => m.TeamId, cancellationToken);
        var accountIds = due.Where(d => d.Holding.Kind == RebalanceItemKind.Account).Select(d => d.Holding.ItemId).ToList();
        var leadIds = due.Where(d => d.Holding.Kind == RebalanceItemKind.Lead).Select(d => d.Holding.ItemId).ToList();
        var entries = new List<AssignmentLogEntry>();
        foreach (var account in await db.Accounts.Where(a => accountIds.Contains(a.Id)).OrderBy(a => a.Id).ToListAsync(cancellationToken))
        {
            var owner = account.OwnerId!.Value;
            account.PoolTeamId ??= teams.GetValueOrDefault(owner);
            account.OwnerId = null;
            entries.Add(Entry(actor, RebalanceItemKind.Account, account.Id, account.Name, owner, null, reason, nowUtc));
        }
        foreach (var lead in await db.Leads.Where(l => leadIds.Contains(l.Id)).OrderBy(l => l.Id).ToListAsync(cancellationToken))
        {
            var owner = lead.OwnerId!.Value;
            lead.PoolTeamId ??= teams.GetValueOrDefault(owner);
            lead.OwnerId = null;
            entries.Add(Entry(actor, RebalanceItemKind.Lead, lead.Id, lead.Name, owner, null, reason, nowUtc));
        }
        var batch = Guid.NewGuid();
        foreach (var entry in entries)
        {
            entry.BatchId = batch;
        }
        db.AssignmentLog.AddRange(entries);
        await db.SaveChangesAsync(cancellationToken);
        return entries;
    }

    private static Task<long?> TeamOfAsync(AppDbContext db, long memberId, CancellationToken cancellationToken) =>
        db.Members.Where(m => m.Id == memberId).Select(m => m.TeamId).SingleOrDefaultAsync(cancellationToken);

    private static AssignmentLogEntry Entry(AssignmentActor actor, RebalanceItemKind kind, long id, string label, long? from, long? to, string? reason, DateTime nowUtc) => new()
    {
        AtUtc = nowUtc, ActorMemberId = actor.MemberId, ActorName = actor.Name, ItemKind = kind, ItemId = id, ItemLabel = label,
        FromMemberId = from, ToMemberId = to, Reason = reason, Source = AssignmentSource.Pool, BatchId = Guid.NewGuid(),
    };
}

// Entry is null when the claim was refused (Decision says why) or the record is not in the pool.
public sealed record ClaimOutcome(ClaimDecision Decision, AssignmentLogEntry? Entry)
{
    public static ClaimOutcome NotFound { get; } = new(ClaimDecision.Allowed, null);

    public bool Claimed => Entry is not null;
}
