using Headroom.Assignment;
using Headroom.Common;
using Headroom.Data;
using Microsoft.EntityFrameworkCore;

namespace Headroom.Demo;

// Deletes one organization and every row it owns, for `seed --demo --replace`. Set-based deletes
// in foreign-key order, bypassing the tenant filter (the unit of work has not entered the
// organization, and will enter the new one). A table added later that points at these rows
// makes this fail with a foreign-key error rather than leave orphans.
internal static class DemoReset
{
    public static async Task DeleteOrganizationAsync(AppDbContext db, long orgId, CancellationToken cancellationToken)
    {
        // Reviews point at members and their cycles; plans at reviews.
        await DeleteAsync(db.ImprovementPlans, orgId, cancellationToken);
        await DeleteAsync(db.Reviews, orgId, cancellationToken);
        await DeleteAsync(db.ReviewCycles, orgId, cancellationToken);
        await DeleteAsync(db.ScorecardTemplates, orgId, cancellationToken);
        // Goals point at teams, members and each other: unlink the tree, then delete with their log.
        await db.Goals.IgnoreQueryFilters().Where(g => g.OrgId == orgId)
            .ExecuteUpdateAsync(s => s.SetProperty(g => g.ParentGoalId, (long?)null), cancellationToken);
        await DeleteAsync(db.GoalChanges, orgId, cancellationToken);
        await DeleteAsync(db.TerritoryPotentials, orgId, cancellationToken);
        await AssignmentLogTriggers.PurgeOrganizationAsync(db, orgId, cancellationToken);
        await DeleteAsync(db.AssignmentQueues, orgId, cancellationToken);
        await DeleteAsync(db.OrganizationPoolSettings, orgId, cancellationToken);
        await DeleteAsync(db.Goals, orgId, cancellationToken);
        await db.MemberActivityDays.IgnoreQueryFilters().Where(d => d.OrgId == orgId).ExecuteDeleteAsync(cancellationToken);
        await DeleteAsync(db.SalesActivities, orgId, cancellationToken);
        // Covered follow-ups point at their cover, and the cover's lines at the follow-ups.
        await DeleteAsync(db.LeaveCoverLines, orgId, cancellationToken);
        await db.FollowUps.IgnoreQueryFilters().Where(f => f.OrgId == orgId && f.LeaveCoverId != null)
            .ExecuteUpdateAsync(s => s.SetProperty(f => f.LeaveCoverId, (long?)null).SetProperty(f => f.CoverMemberId, (long?)null), cancellationToken);
        await DeleteAsync(db.LeaveCovers, orgId, cancellationToken);
        await DeleteAsync(db.FollowUps, orgId, cancellationToken);
        await DeleteAsync(db.CustomerFeedback, orgId, cancellationToken);
        await DeleteAsync(db.DealStageChanges, orgId, cancellationToken);
        await DeleteAsync(db.Deals, orgId, cancellationToken);
        await DeleteAsync(db.Contacts, orgId, cancellationToken);
        await DeleteAsync(db.Accounts, orgId, cancellationToken);
        await DeleteAsync(db.Leads, orgId, cancellationToken);
        await DeleteAsync(db.PersonalAccessTokens, orgId, cancellationToken);
        await DeleteAsync(db.OrganizationEffortModels, orgId, cancellationToken);
        // Sign-ins are Identity's users, not tenant rows; their logins, claims and tokens go with them (cascade).
        await db.Users.Where(u => u.OrgId == orgId).ExecuteDeleteAsync(cancellationToken);
        await DeleteAsync(db.MemberSkills, orgId, cancellationToken);
        await DeleteAsync(db.TimeOffs, orgId, cancellationToken);
        await db.Teams.IgnoreQueryFilters().Where(t => t.OrgId == orgId)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.ManagerId, (long?)null).SetProperty(t => t.ParentTeamId, (long?)null), cancellationToken);
        await db.Members.IgnoreQueryFilters().Where(m => m.OrgId == orgId)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.TeamId, (long?)null), cancellationToken);
        await DeleteAsync(db.Teams, orgId, cancellationToken);
        await DeleteAsync(db.Members, orgId, cancellationToken);
        await DeleteAsync(db.PipelineStages, orgId, cancellationToken);
        await DeleteAsync(db.CalendarDays, orgId, cancellationToken);
        await db.Organizations.Where(o => o.Id == orgId).ExecuteDeleteAsync(cancellationToken);
    }

    private static Task<int> DeleteAsync<T>(DbSet<T> set, long orgId, CancellationToken cancellationToken) where T : TenantEntity =>
        set.IgnoreQueryFilters().Where(e => e.OrgId == orgId).ExecuteDeleteAsync(cancellationToken);
}
