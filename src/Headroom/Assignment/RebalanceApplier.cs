using Headroom.Accounts;
using Headroom.Data;
using Headroom.Deals;
using Headroom.FollowUps;
using Headroom.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Headroom.Assignment;

// Applies a proposal, possibly edited by the manager, as one unit of work: every item gets its new
// owner and a line in the assignment log, or — when any line is refused — nothing changes. An
// account takes its open deals and follow-ups of the same owner along, a deal its follow-ups, as
// the proposal showed: a follow-up on a deal goes with its deal, so one on a deal that stays (closed,
// or another member's) stays too and is a line of its own (ADR 25). Lines are refused when the
// item is outside the caller's scope (or another organization's), when its owner changed since the
// preview, when the receiver is not an active member in the caller's scope or, picked by hand, does
// not meet the item's hard requirements (the same HardRequirements the proposal picks receivers
// by), or when the item is or carries a follow-up under an active leave cover (it stays with its
// owner and cover member until the return, ADR 29; a stale proposal may still list it).
public static class RebalanceApplier
{
    public static async Task<ApplyOutcome> ApplyAsync(
        AppDbContext db,
        AccessScope scope,
        AssignmentActor actor,
        IReadOnlyList<RebalanceChange> changes,
        AssignmentSource source,
        DateTime nowUtc,
        CancellationToken cancellationToken = default)
    {
        var problems = new List<ApplyProblem>();
        var receiverIds = changes.Select(c => c.ToMemberId).Distinct().ToList();
        var receivers = await scope.Members(db).Where(m => m.Active && receiverIds.Contains(m.Id)).Select(m => m.Id).ToListAsync(cancellationToken);
        var fits = await MemberFitQuery.LoadAsync(db, receivers, cancellationToken);
        var batch = Guid.NewGuid();
        var entries = new List<AssignmentLogEntry>();
        var moved = new HashSet<ItemRef>();

        void Log(RebalanceItemKind kind, long id, string label, long from, long to, string? reason) => entries.Add(new AssignmentLogEntry
        {
            AtUtc = nowUtc, ActorMemberId = actor.MemberId, ActorName = actor.Name, ItemKind = kind, ItemId = id, ItemLabel = label,
            FromMemberId = from, ToMemberId = to, Reason = reason, Source = source, BatchId = batch,
        });
        bool Claim(int index, RebalanceChange change, ItemRef item)
        {
            if (moved.Add(item))
            {
                return true;
            }
            problems.Add(new ApplyProblem(index, change.Kind, change.ItemId, ApplyProblemKind.Duplicate, null));
            return false;
        }

        for (var index = 0; index < changes.Count; index++)
        {
            var change = changes[index];
            var reason = string.IsNullOrWhiteSpace(change.Reason) ? null : change.Reason.Trim()[..Math.Min(change.Reason.Trim().Length, 1000)];
            if (!receivers.Contains(change.ToMemberId) || change.ToMemberId == change.FromMemberId)
            {
                problems.Add(new ApplyProblem(index, change.Kind, change.ItemId, ApplyProblemKind.BadReceiver, null));
                continue;
            }
            // Checked before the item is read: an item moved by an earlier line now has its new owner.
            if (moved.Contains(new ItemRef(change.Kind, change.ItemId)))
            {
                problems.Add(new ApplyProblem(index, change.Kind, change.ItemId, ApplyProblemKind.Duplicate, null));
                continue;
            }
            switch (change.Kind)
            {
                case RebalanceItemKind.Account:
                {
                    var account = await scope.Accounts(db).SingleOrDefaultAsync(a => a.Id == change.ItemId, cancellationToken);
                    if (Check(index, change, account?.OwnerId, account?.Name)
                        && Meets(index, change, HardRequirements.ForAccount(account!.Territory))
                        && await NotCoveredAsync(index, change, f => (f.AccountId == account.Id && f.DealId == null)
                            || (f.DealId != null && db.Deals.Any(d => d.Id == f.DealId && d.AccountId == account.Id && d.OwnerId == change.FromMemberId && d.Outcome == DealOutcome.Open)))
                        && Claim(index, change, new(RebalanceItemKind.Account, account!.Id)))
                    {
                        account.OwnerId = change.ToMemberId;
                        Log(RebalanceItemKind.Account, account.Id, account.Name, change.FromMemberId, change.ToMemberId, reason);
                        var deals = await db.Deals.Where(d => d.AccountId == account.Id && d.OwnerId == change.FromMemberId && d.Outcome == DealOutcome.Open)
                            .ToListAsync(cancellationToken);
                        var dealIds = deals.Select(d => (long?)d.Id).ToList();
                        foreach (var deal in deals.Where(d => Claim(index, change, new(RebalanceItemKind.Deal, d.Id))))
                        {
                            deal.OwnerId = change.ToMemberId;
                            Log(RebalanceItemKind.Deal, deal.Id, deal.Name, change.FromMemberId, change.ToMemberId, reason);
                        }
                        await MoveFollowUpsAsync(f => (f.AccountId == account.Id && f.DealId == null) || dealIds.Contains(f.DealId));
                    }
                    break;
                }
                case RebalanceItemKind.Deal:
                {
                    var deal = await scope.Deals(db).SingleOrDefaultAsync(d => d.Id == change.ItemId, cancellationToken);
                    if (Check(index, change, deal?.OwnerId, deal?.Name)
                        && Meets(index, change, HardRequirements.ForAccount(await TerritoryAsync(deal!.AccountId)))
                        && await NotCoveredAsync(index, change, f => f.DealId == deal!.Id)
                        && Claim(index, change, new(RebalanceItemKind.Deal, deal!.Id)))
                    {
                        deal.OwnerId = change.ToMemberId;
                        Log(RebalanceItemKind.Deal, deal.Id, deal.Name, change.FromMemberId, change.ToMemberId, reason);
                        await MoveFollowUpsAsync(f => f.DealId == deal.Id);
                    }
                    break;
                }
                case RebalanceItemKind.FollowUp:
                {
                    var followUp = await scope.FollowUps(db).SingleOrDefaultAsync(f => f.Id == change.ItemId, cancellationToken);
                    if (Check(index, change, followUp?.AssigneeId, followUp?.Title)
                        && Meets(index, change, await FollowUpRequirementsAsync(followUp!))
                        && await NotCoveredAsync(index, change, f => f.Id == followUp!.Id)
                        && Claim(index, change, new(RebalanceItemKind.FollowUp, followUp!.Id)))
                    {
                        followUp.AssigneeId = change.ToMemberId;
                        Log(RebalanceItemKind.FollowUp, followUp.Id, followUp.Title, change.FromMemberId, change.ToMemberId, reason);
                    }
                    break;
                }
                default:
                {
                    var lead = await scope.Leads(db).SingleOrDefaultAsync(l => l.Id == change.ItemId, cancellationToken);
                    if (Check(index, change, lead?.OwnerId, lead?.Name)
                        && Meets(index, change, HardRequirements.ForLeadWork(lead!.RequiredSkill, lead.RequiredSkillLevel, lead.Language))
                        && Claim(index, change, new(RebalanceItemKind.Lead, lead.Id)))
                    {
                        lead.OwnerId = change.ToMemberId;
                        Log(RebalanceItemKind.Lead, lead.Id, lead.Name, change.FromMemberId, change.ToMemberId, reason);
                    }
                    break;
                }
            }

            async Task MoveFollowUpsAsync(System.Linq.Expressions.Expression<Func<FollowUp, bool>> along)
            {
                var followUps = await db.FollowUps.Where(f => f.AssigneeId == change.FromMemberId && f.Status == FollowUpStatus.Open).Where(along)
                    .ToListAsync(cancellationToken);
                foreach (var followUp in followUps.Where(f => Claim(index, change, new(RebalanceItemKind.FollowUp, f.Id))))
                {
                    followUp.AssigneeId = change.ToMemberId;
                    Log(RebalanceItemKind.FollowUp, followUp.Id, followUp.Title, change.FromMemberId, change.ToMemberId, reason);
                }
            }
        }

        // The open follow-ups of the giver the line would move (the item or what it carries) must
        // not be under a leave cover.
        async Task<bool> NotCoveredAsync(int index, RebalanceChange change, System.Linq.Expressions.Expression<Func<FollowUp, bool>> along)
        {
            if (!await db.FollowUps.Where(f => f.AssigneeId == change.FromMemberId && f.Status == FollowUpStatus.Open && f.CoverMemberId != null).AnyAsync(along, cancellationToken))
            {
                return true;
            }
            problems.Add(new ApplyProblem(index, change.Kind, change.ItemId, ApplyProblemKind.UnderCover, null));
            return false;
        }

        // The receiver must meet what the item requires, as the proposal's receivers do (a manager
        // may pick another receiver for a line, or send any member id through the API).
        bool Meets(int index, RebalanceChange change, HardRequirements requires)
        {
            var unmet = requires.Unmet(fits.GetValueOrDefault(change.ToMemberId, MemberFit.None));
            if (unmet.Count == 0)
            {
                return true;
            }
            problems.Add(new ApplyProblem(index, change.Kind, change.ItemId, ApplyProblemKind.UnmetRequirement, null, [.. unmet.Select(rule => new UnmetRequirement(rule, requires.ValueOf(rule)))]));
            return false;
        }

        async Task<string?> TerritoryAsync(long? accountId) =>
            accountId is { } id ? await db.Accounts.Where(a => a.Id == id).Select(a => a.Territory).SingleOrDefaultAsync(cancellationToken) : null;

        // As RebalanceQuery builds them: the territory of the account it belongs to (a deal's account
        // for a follow-up on a deal) and, on a lead, the lead's skill and language.
        async Task<HardRequirements> FollowUpRequirementsAsync(FollowUp followUp)
        {
            var accountId = followUp.AccountId
                ?? (followUp.DealId is { } dealId ? await db.Deals.Where(d => d.Id == dealId).Select(d => (long?)d.AccountId).SingleOrDefaultAsync(cancellationToken) : null);
            var requires = HardRequirements.ForAccount(await TerritoryAsync(accountId));
            if (followUp.LeadId is { } leadId
                && await db.Leads.Where(l => l.Id == leadId).Select(l => new { l.RequiredSkill, l.RequiredSkillLevel, l.Language }).SingleOrDefaultAsync(cancellationToken) is { } lead)
            {
                requires = requires.With(HardRequirements.ForLeadWork(lead.RequiredSkill, lead.RequiredSkillLevel, lead.Language));
            }
            return requires;
        }

        bool Check(int index, RebalanceChange change, long? owner, string? label)
        {
            if (label is null)
            {
                problems.Add(new ApplyProblem(index, change.Kind, change.ItemId, ApplyProblemKind.NotFound, null));
                return false;
            }
            if (owner != change.FromMemberId)
            {
                problems.Add(new ApplyProblem(index, change.Kind, change.ItemId, ApplyProblemKind.Stale, label));
                return false;
            }
            return true;
        }

        if (problems.Count > 0)
        {
            // Nothing of a refused batch is written: the tracked changes are dropped.
            db.ChangeTracker.Clear();
            return new ApplyOutcome(batch, [], problems);
        }
        db.AssignmentLog.AddRange(entries);
        await db.SaveChangesAsync(cancellationToken);
        return new ApplyOutcome(batch, entries, []);
    }
}

// Who made a change: a member, or the command line ("cli") or the web app ("system") with no member.
public sealed record AssignmentActor(long? MemberId, string Name)
{
    public static AssignmentActor Cli { get; } = new(null, "cli");

    // The web app's own background work (a leave cover returned when its leave is over).
    public static AssignmentActor System { get; } = new(null, "system");
}

// One line of a proposal to apply: the owner it had in the preview and the one it gets.
public sealed record RebalanceChange(RebalanceItemKind Kind, long ItemId, long FromMemberId, long ToMemberId, string? Reason = null);

public enum ApplyProblemKind
{
    NotFound = 0,
    Stale = 1,
    BadReceiver = 2,
    Duplicate = 3,
    // The item is, or carries, a follow-up under an active leave cover.
    UnderCover = 4,
    // The receiver lacks a hard requirement of the item (territory, language, skill).
    UnmetRequirement = 5,
}

// Label is the item's name when the caller may see it (a stale line), so the message can name it;
// Unmet the requirements the receiver lacks (UnmetRequirement).
public sealed record ApplyProblem(
    int Index, RebalanceItemKind Kind, long ItemId, ApplyProblemKind Problem, string? Label, IReadOnlyList<UnmetRequirement>? Unmet = null);

public sealed record ApplyOutcome(Guid BatchId, IReadOnlyList<AssignmentLogEntry> Entries, IReadOnlyList<ApplyProblem> Problems)
{
    public bool Applied => Problems.Count == 0;
}
