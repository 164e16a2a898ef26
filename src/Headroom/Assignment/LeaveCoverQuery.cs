using Headroom.Data;
using Headroom.FollowUps;
using Headroom.Organizations;
using Headroom.Workload;
using Microsoft.EntityFrameworkCore;

namespace Headroom.Assignment;

// Builds LeaveCoverPlanner's inputs for one leave: the window is from today (or the first day of
// leave, if later) to its last day; the items are the member's open follow-ups due during the
// leave or overdue already, that nobody covers yet; the candidates are the active reps of the member's
// team and of the other teams under the same manager (with their sub-teams), with their capacity
// and planned load over the window from the workload index, so the plan sees the heatmap's numbers.
public static class LeaveCoverQuery
{
    public static async Task<LeaveCoverInputs> LoadAsync(AppDbContext db, TimeOff timeOff, DateTimeOffset asOf, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(timeOff);
        var orgId = db.Tenant.RequireOrgId();
        var orgZone = await db.Organizations.Where(o => o.Id == orgId).Select(o => o.TimeZoneId).SingleAsync(cancellationToken);
        var member = await db.Members.Where(m => m.Id == timeOff.MemberId)
            .Select(m => new { m.Id, m.TeamId, m.TimeZoneId, ManagerId = m.Team == null ? null : m.Team.ManagerId })
            .SingleAsync(cancellationToken);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(member.TimeZoneId ?? orgZone);
        var today = WorkloadScorer.LocalDate(asOf.UtcDateTime, zone);
        var from = today > timeOff.StartDate ? today : timeOff.StartDate;
        var to = timeOff.EndDate;

        var teams = new HashSet<long>();
        if (member.TeamId is { } team)
        {
            var managed = member.ManagerId is { } manager
                ? await db.Teams.Where(t => t.ManagerId == manager).Select(t => t.Id).ToListAsync(cancellationToken)
                : [];
            teams = await AccessScope.TeamsBelowAsync(db, managed.Append(team), cancellationToken);
        }
        var people = await db.Members.Where(m => m.Active && m.Role == MemberRole.Rep && m.Id != member.Id && m.TeamId != null && teams.Contains(m.TeamId.Value))
            .Select(m => new { m.Id, m.Name, m.TeamId, m.Territories })
            .ToListAsync(cancellationToken);
        var ids = people.Select(p => p.Id).ToList();

        var effort = EffortModel.Default;
        var candidates = new List<CoverCandidate>();
        if (to >= from)
        {
            var request = new WorkloadRequest(from, to, WorkloadPeriod.Day, asOf, TrendPeriods: 0);
            var workload = await WorkloadQuery.LoadAsync(db, AccessScope.WholeOrganization(), request, memberIds: ids, cancellationToken: cancellationToken);
            effort = workload.Effort;
            var scored = WorkloadScorer.Score(workload, request).Members.ToDictionary(m => m.MemberId);
            var onLeave = workload.Leave.Where(l => l.Start <= to && l.End >= from).Select(l => l.MemberId).ToHashSet();
            candidates.AddRange(people.Where(p => scored.ContainsKey(p.Id)).Select(p => new CoverCandidate(
                p.Id, p.Name, p.TeamId == member.TeamId,
                scored[p.Id].Periods.Sum(x => x.CapacityHours), scored[p.Id].Periods.Sum(x => x.Load.Total),
                onLeave.Contains(p.Id), p.Territories)));
        }
        else
        {
            effort = (await db.OrganizationEffortModels.AsNoTracking().SingleOrDefaultAsync(cancellationToken))?.Read() ?? EffortModel.Default;
        }

        // Due during the leave (its days in the member's zone), or overdue already: what falls due
        // between now and the first day of leave is still the member's to do before they go.
        var leaveStartUtc = TimeZoneInfo.ConvertTimeToUtc(timeOff.StartDate.ToDateTime(TimeOnly.MinValue), zone);
        var dueBeforeUtc = TimeZoneInfo.ConvertTimeToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue), zone);
        var nowUtc = asOf.UtcDateTime;
        var followUps = await db.FollowUps.AsNoTracking()
            .Where(f => f.AssigneeId == member.Id && f.Status == FollowUpStatus.Open && f.CoverMemberId == null
                && f.DueUtc < dueBeforeUtc && (f.DueUtc >= leaveStartUtc || f.DueUtc < nowUtc))
            .Select(f => new
            {
                f.Id, f.Title, f.EffortHours, f.Priority, f.AccountId, f.DealId,
                AccountName = db.Accounts.Where(a => a.Id == f.AccountId).Select(a => a.Name).FirstOrDefault(),
                Territory = db.Accounts.Where(a => a.Id == f.AccountId).Select(a => a.Territory).FirstOrDefault(),
            })
            .OrderBy(f => f.Id)
            .ToListAsync(cancellationToken);
        var items = followUps.Select(f => new CoverItem(f.Id, f.Title, f.AccountId, f.AccountName, f.DealId, effort.FollowUpHours(f.EffortHours, f.Priority), f.Territory)).ToList();
        return new LeaveCoverInputs { MemberId = member.Id, Candidates = candidates, Items = items, Bands = effort.Bands };
    }
}
