using Headroom.Data;
using Headroom.Leads;
using Headroom.Organizations;
using Headroom.Workload;
using Microsoft.EntityFrameworkCore;

namespace Headroom.Assignment;

// Reads FairnessAudit's inputs: the reps of a team with its sub-teams (all the reps the scope sees
// when no team is named), their capacity per local day from the capacity calendar, and the log
// entries of the period that give them work or take it away, each with the hours its item carries
// by the organization's effort model. Days are the organization's local days.
public static class FairnessQuery
{
    public static async Task<FairnessInputs> LoadAsync(
        AppDbContext db,
        AccessScope scope,
        long? teamId,
        DateOnly from,
        DateOnly to,
        FairnessGranularity granularity,
        int creditDays = FairnessInputs.DefaultCreditDays,
        CancellationToken cancellationToken = default)
    {
        var orgId = db.Tenant.RequireOrgId();
        var organization = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == orgId, cancellationToken);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(organization.TimeZoneId);
        var policy = new WorkingTimePolicy(organization.WorkingDays, organization.DailyHours, organization.TimeZoneId);
        var fromUtc = TimeZoneInfo.ConvertTimeToUtc(from.ToDateTime(TimeOnly.MinValue), zone);
        var toUtc = TimeZoneInfo.ConvertTimeToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue), zone);
        DateOnly Local(DateTime utc) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone));

        // Reps who left count up to the day they were deactivated (the last change to their record).
        var query = scope.Members(db).AsNoTracking().Where(m => m.Role == MemberRole.Rep && (m.Active || m.UpdatedUtc >= fromUtc));
        if (teamId is { } team)
        {
            var teams = await AccessScope.TeamsBelowAsync(db, [team], cancellationToken);
            query = query.Where(m => m.TeamId != null && teams.Contains(m.TeamId.Value));
        }
        var members = await query.OrderBy(m => m.Name).ThenBy(m => m.Id)
            .Select(m => new { m.Id, m.Name, m.TeamId, m.WeeklyCapacityHours, m.TimeZoneId, m.HireDate, m.Active, m.UpdatedUtc })
            .ToListAsync(cancellationToken);
        var ids = members.Select(m => (long?)m.Id).ToList();

        var calendar = await db.CalendarDays.AsNoTracking().Select(d => new CalendarException(d.Date, d.Kind)).ToListAsync(cancellationToken);
        var leave = await db.TimeOffs.AsNoTracking()
            .Where(t => ids.Contains(t.MemberId) && t.EndDate >= from && t.StartDate <= to)
            .Select(t => new LeaveInput(t.MemberId, t.StartDate, t.EndDate))
            .ToListAsync(cancellationToken);
        var fairnessMembers = members.Select(m => new FairnessMember(
            m.Id, m.Name,
            CapacityCalendar.For(policy, calendar, new MemberInput(m.Id, m.Name, m.TeamId, m.WeeklyCapacityHours, m.TimeZoneId, m.HireDate), leave, from, to).Days,
            m.HireDate,
            m.Active ? null : Local(m.UpdatedUtc))).ToList();

        var log = await db.AssignmentLog.AsNoTracking()
            .Where(e => e.AtUtc >= fromUtc && e.AtUtc < toUtc && (ids.Contains(e.FromMemberId) || ids.Contains(e.ToMemberId)))
            .OrderBy(e => e.AtUtc).ThenBy(e => e.Id)
            .Select(e => new { e.Id, e.AtUtc, e.ItemKind, e.ItemId, e.FromMemberId, e.ToMemberId })
            .ToListAsync(cancellationToken);

        var model = (await db.OrganizationEffortModels.AsNoTracking().SingleOrDefaultAsync(cancellationToken))?.Read() ?? EffortModel.Default;
        List<long> Of(RebalanceItemKind kind) => [.. log.Where(e => e.ItemKind == kind).Select(e => e.ItemId).Distinct()];
        var leadIds = Of(RebalanceItemKind.Lead);
        var accountIds = Of(RebalanceItemKind.Account);
        var dealIds = Of(RebalanceItemKind.Deal);
        var followUpIds = Of(RebalanceItemKind.FollowUp);
        var disqualified = (await db.Leads.AsNoTracking()
                .Where(l => leadIds.Contains(l.Id) && l.Status == LeadStatus.Disqualified)
                .Select(l => new { l.Id, At = l.StatusChangedUtc ?? l.UpdatedUtc })
                .ToListAsync(cancellationToken))
            .ToDictionary(l => l.Id, l => Local(l.At));
        var hours = new Dictionary<ItemRef, double>();
        foreach (var a in await db.Accounts.AsNoTracking().Where(a => accountIds.Contains(a.Id)).Select(a => new { a.Id, a.Tier }).ToListAsync(cancellationToken))
        {
            hours[new(RebalanceItemKind.Account, a.Id)] = FairnessAudit.AccountHours(model, a.Tier);
        }
        foreach (var d in await db.Deals.AsNoTracking().Where(d => dealIds.Contains(d.Id)).Select(d => new { d.Id, d.StageId, d.Stage!.WinProbability }).ToListAsync(cancellationToken))
        {
            hours[new(RebalanceItemKind.Deal, d.Id)] = FairnessAudit.DealHours(model, d.StageId, d.WinProbability);
        }
        foreach (var f in await db.FollowUps.AsNoTracking().Where(f => followUpIds.Contains(f.Id)).Select(f => new { f.Id, f.EffortHours, f.Priority }).ToListAsync(cancellationToken))
        {
            hours[new(RebalanceItemKind.FollowUp, f.Id)] = model.FollowUpHours(f.EffortHours, f.Priority);
        }

        // An item deleted since counts no hours: its effort can no longer be read.
        var entries = log.Select(e => new FairnessEntry(
            e.Id, Local(e.AtUtc), e.ItemKind, e.ItemId, e.FromMemberId, e.ToMemberId,
            e.ItemKind == RebalanceItemKind.Lead ? FairnessAudit.LeadHours : hours.GetValueOrDefault(new(e.ItemKind, e.ItemId)),
            e.ItemKind == RebalanceItemKind.Lead && disqualified.TryGetValue(e.ItemId, out var day) ? day : null)).ToList();
        return new FairnessInputs(from, to, granularity, fairnessMembers, entries, creditDays);
    }
}
