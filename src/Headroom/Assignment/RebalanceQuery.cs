using Headroom.Accounts;
using Headroom.Data;
using Headroom.Deals;
using Headroom.FollowUps;
using Headroom.Organizations;
using Headroom.Workload;
using Microsoft.EntityFrameworkCore;

namespace Headroom.Assignment;

// Builds Rebalancer's inputs for one team (with its sub-teams): each active member's capacity and
// planned load over the horizon from the workload index, and the open work they own with its
// hours in the horizon from the effort model and what its new owner must have (the account's
// territory; a lead's skill and language, as queues match them), each member's territories,
// languages and skills. Everything is read through the caller's scope. Follow-ups under a leave
// cover, and the deals and accounts carrying one, stay out (counted): they wait for the return.
public static class RebalanceQuery
{
    public const int DefaultWeeks = 2, MaxWeeks = 4;

    // What moving costs: a to-do is cheap, a deal means handing over a customer conversation, an
    // account a whole relationship (more for every open deal on it).
    public const double FollowUpWeight = 1, DealWeight = 2, AccountWeight = 2, AccountWeightPerOpenDeal = 1;

    public static async Task<(RebalanceInputs Inputs, RebalanceHorizon Horizon)> LoadAsync(
        AppDbContext db, AccessScope scope, long teamId, DateTimeOffset asOf, int weeks = DefaultWeeks, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(weeks, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(weeks, MaxWeeks);
        var orgId = db.Tenant.RequireOrgId();
        var zoneId = await db.Organizations.Where(o => o.Id == orgId).Select(o => o.TimeZoneId).SingleAsync(cancellationToken);
        var horizon = await HorizonAsync(db, asOf, weeks, cancellationToken);
        var request = new WorkloadRequest(horizon.From, horizon.To, WorkloadPeriod.Week, asOf, TrendPeriods: 0);

        var workload = await WorkloadQuery.LoadAsync(db, scope, request, teamId, cancellationToken: cancellationToken);
        var scored = WorkloadScorer.Score(workload, request);
        var ids = workload.Members.Select(m => m.Id).ToList();
        var roles = await db.Members.Where(m => ids.Contains(m.Id)).Select(m => new { m.Id, m.Role }).ToDictionaryAsync(m => m.Id, m => m.Role, cancellationToken);
        var onLeave = workload.Leave.Where(l => l.End >= horizon.Today && l.Start <= horizon.To).Select(l => l.MemberId).ToHashSet();
        var fits = await MemberFitQuery.LoadAsync(db, ids, cancellationToken);
        var members = scored.Members.Select(m =>
        {
            var capacity = m.Periods.Sum(p => p.CapacityHours);
            var canReceive = roles[m.MemberId] == MemberRole.Rep && !onLeave.Contains(m.MemberId) && capacity > 0;
            return new RebalanceMember(m.MemberId, m.Name, m.TeamId, capacity, m.Periods.Sum(p => p.Load.Total), canReceive, fits.GetValueOrDefault(m.MemberId, MemberFit.None));
        }).ToList();

        var effort = workload.Effort;
        var zones = workload.Members.ToDictionary(m => m.Id, m => TimeZoneInfo.FindSystemTimeZoneById(m.TimeZoneId ?? zoneId));
        var allFollowUps = await scope.FollowUps(db).AsNoTracking()
            .Where(f => f.Status == FollowUpStatus.Open && f.AssigneeId != null && ids.Contains(f.AssigneeId.Value))
            .Select(f => new { f.Id, f.Title, Owner = f.AssigneeId!.Value, f.DueUtc, f.EffortHours, f.Priority, f.AccountId, f.DealId, f.LeadId, Covered = f.CoverMemberId != null })
            .ToListAsync(cancellationToken);
        var followUps = allFollowUps.Where(f => !f.Covered).ToList();
        var covered = allFollowUps.Where(f => f.Covered).ToList();
        var allDeals = await scope.Deals(db).AsNoTracking()
            .Where(d => d.Outcome == DealOutcome.Open && d.OwnerId != null && ids.Contains(d.OwnerId.Value))
            .Select(d => new { d.Id, d.Name, Owner = d.OwnerId!.Value, d.StageId, d.Stage!.WinProbability, d.AccountId })
            .ToListAsync(cancellationToken);
        var allAccounts = await scope.Accounts(db).AsNoTracking()
            .Where(a => (a.Status == AccountStatus.Active || a.Status == AccountStatus.Prospect) && a.OwnerId != null && ids.Contains(a.OwnerId.Value))
            .Select(a => new { a.Id, a.Name, Owner = a.OwnerId!.Value, a.Tier, a.Territory })
            .ToListAsync(cancellationToken);

        // A deal or account would take its covered follow-ups along (RebalanceApplier moves what
        // hangs on it), so one carrying a covered follow-up stays too. An account carries its
        // follow-ups that are on no deal and those of its open deals of the same owner; a follow-up
        // on a deal goes with that deal or stays with it (ADR 25).
        var coveredDeals = covered.Where(f => f.DealId != null).Select(f => (f.DealId!.Value, f.Owner)).ToHashSet();
        var deals = allDeals.Where(d => !coveredDeals.Contains((d.Id, d.Owner))).ToList();
        var coveredAccounts = covered.Where(f => f.AccountId != null && f.DealId == null).Select(f => (f.AccountId!.Value, f.Owner))
            .Concat(allDeals.Where(d => coveredDeals.Contains((d.Id, d.Owner))).Select(d => (d.AccountId, d.Owner))).ToHashSet();
        var accounts = allAccounts.Where(a => !coveredAccounts.Contains((a.Id, a.Owner))).ToList();
        var coveredCarriers = (allDeals.Count - deals.Count) + (allAccounts.Count - accounts.Count);

        // What a new owner must have: the territory of the account the work belongs to (a deal's
        // account for a deal and its follow-ups) and, for a follow-up on a lead, the lead's skill
        // and language (HardRequirements.ForLeadWork). RebalanceApplier checks a receiver picked by
        // hand against the same rules.
        var dealAccount = allDeals.ToDictionary(d => d.Id, d => d.AccountId);
        var otherDeals = followUps.Where(f => f.DealId is { } id && !dealAccount.ContainsKey(id)).Select(f => f.DealId!.Value).Distinct().ToList();
        foreach (var d in await db.Deals.AsNoTracking().Where(d => otherDeals.Contains(d.Id)).Select(d => new { d.Id, d.AccountId }).ToListAsync(cancellationToken))
        {
            dealAccount[d.Id] = d.AccountId;
        }
        long? AccountOf(long? accountId, long? dealId) => accountId ?? (dealId is { } deal && dealAccount.TryGetValue(deal, out var account) ? account : null);
        var accountIds = followUps.Select(f => AccountOf(f.AccountId, f.DealId)).Concat(allDeals.Select(d => (long?)d.AccountId)).OfType<long>().Distinct().ToList();
        var territories = await db.Accounts.AsNoTracking().Where(a => accountIds.Contains(a.Id)).Select(a => new { a.Id, a.Territory }).ToDictionaryAsync(a => a.Id, a => a.Territory, cancellationToken);
        var leadIds = followUps.Where(f => f.LeadId != null).Select(f => f.LeadId!.Value).Distinct().ToList();
        var leadNeeds = (await db.Leads.AsNoTracking().Where(l => leadIds.Contains(l.Id)).Select(l => new { l.Id, l.RequiredSkill, l.RequiredSkillLevel, l.Language }).ToListAsync(cancellationToken))
            .ToDictionary(l => l.Id, l => HardRequirements.ForLeadWork(l.RequiredSkill, l.RequiredSkillLevel, l.Language));
        HardRequirements OfAccount(long? accountId) => accountId is { } id ? HardRequirements.ForAccount(territories.GetValueOrDefault(id)) : HardRequirements.None;
        HardRequirements OfFollowUp(long? accountId, long? dealId, long? leadId)
        {
            var account = OfAccount(AccountOf(accountId, dealId));
            return leadId is { } lead && leadNeeds.TryGetValue(lead, out var needs) ? account.With(needs) : account;
        }

        // A follow-up's hours fall between today and its due date; the share inside the horizon
        // counts (by calendar days, a close enough stand-in for the scorer's capacity days).
        double FollowUpHours(DateTime dueUtc, double estimate, FollowUpPriority priority, long owner)
        {
            var hours = effort.FollowUpHours(estimate, priority);
            var due = WorkloadScorer.LocalDate(dueUtc, zones[owner]);
            return due <= horizon.To ? hours : hours * (horizon.To.DayNumber - horizon.Today.DayNumber + 1) / (due.DayNumber - horizon.Today.DayNumber + 1);
        }
        var followUpItems = followUps.Select(f => new RebalanceItem(
            RebalanceItemKind.FollowUp, f.Id, f.Title, f.Owner, FollowUpHours(f.DueUtc, f.EffortHours, f.Priority, f.Owner), FollowUpWeight, [],
            OfFollowUp(f.AccountId, f.DealId, f.LeadId))).ToList();
        var followUpsOfDeal = followUps.Where(f => f.DealId != null).ToLookup(f => (f.DealId!.Value, f.Owner));
        var followUpHours = followUpItems.ToDictionary(f => f.Id, f => f.Hours);

        var dealItems = deals.Select(d =>
        {
            var along = followUpsOfDeal[(d.Id, d.Owner)].Select(f => f.Id).ToList();
            return new RebalanceItem(
                RebalanceItemKind.Deal, d.Id, d.Name, d.Owner,
                (effort.DealHoursPerWeek(d.StageId, d.WinProbability) * weeks) + along.Sum(id => followUpHours[id]),
                DealWeight,
                [.. along.Select(id => new ItemRef(RebalanceItemKind.FollowUp, id))],
                OfAccount(d.AccountId));
        }).ToList();
        var dealsOfAccount = dealItems.Join(deals, item => item.Id, d => d.Id, (item, d) => (item, d.AccountId)).ToLookup(x => (x.AccountId, x.item.OwnerId), x => x.item);
        var followUpsOfAccount = followUps.Where(f => f.AccountId != null && f.DealId == null).ToLookup(f => (f.AccountId!.Value, f.Owner));

        var accountItems = accounts.Select(a =>
        {
            var accountDeals = dealsOfAccount[(a.Id, a.Owner)].ToList();
            var accountFollowUps = followUpsOfAccount[(a.Id, a.Owner)].Select(f => f.Id).ToList();
            IReadOnlyList<ItemRef> includes =
            [
                .. accountDeals.SelectMany(d => d.Includes.Prepend(d.Ref)),
                .. accountFollowUps.Select(id => new ItemRef(RebalanceItemKind.FollowUp, id)),
            ];
            var hours = (effort.AccountHoursPerMonth(a.Tier) * 12 / 52 * weeks) + accountDeals.Sum(d => d.Hours) + accountFollowUps.Sum(id => followUpHours[id]);
            return new RebalanceItem(
                RebalanceItemKind.Account, a.Id, a.Name, a.Owner, hours, AccountWeight + (AccountWeightPerOpenDeal * accountDeals.Count), includes, HardRequirements.ForAccount(a.Territory));
        }).ToList();

        var inputs = new RebalanceInputs
        {
            Members = members,
            Items = [.. accountItems, .. dealItems, .. followUpItems],
            Bands = effort.Bands,
            CoveredFollowUps = covered.Count,
            CoveredCarriers = coveredCarriers,
        };
        return (inputs, horizon);
    }

    // Weeks whole weeks from the Monday of this week in the organization's zone (of next week when
    // no working day is left in this one). Assignment queues plan over the same horizon.
    public static async Task<RebalanceHorizon> HorizonAsync(AppDbContext db, DateTimeOffset asOf, int weeks, CancellationToken cancellationToken = default)
    {
        var orgId = db.Tenant.RequireOrgId();
        var organization = await db.Organizations.Where(o => o.Id == orgId).Select(o => new { o.TimeZoneId, o.WorkingDays }).SingleAsync(cancellationToken);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(asOf, TimeZoneInfo.FindSystemTimeZoneById(organization.TimeZoneId)).DateTime);
        // On a weekend (no working day left this week) the horizon starts next Monday.
        var from = WorkloadRequest.PeriodStart(today, WorkloadPeriod.Week);
        if (!Enumerable.Range(0, from.AddDays(7).DayNumber - today.DayNumber).Any(d => organization.WorkingDays.Includes(today.AddDays(d).DayOfWeek)))
        {
            from = from.AddDays(7);
        }
        return new RebalanceHorizon(from, from.AddDays((7 * weeks) - 1), today, weeks);
    }
}

// The weeks the loads are compared over: Weeks whole weeks from the Monday of this week (of next
// week when no working day is left in this one).
public sealed record RebalanceHorizon(DateOnly From, DateOnly To, DateOnly Today, int Weeks);
