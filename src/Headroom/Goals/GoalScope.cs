using Headroom.Data;
using Headroom.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Headroom.Goals;

// Which goals a member may read and which they may set (docs/decisions/0022-goals.md). Everyone
// reads the organization's goals and the goals of the teams they sit in or answer for, with the
// teams above them (aggregates: a team goal shows the team's sum, never a member's rows).
// Member goals follow AccessScope.Members: a rep reads only their own — or, when the organization
// allows it, their teammates' too — a manager those of their subtree, an admin everyone's.
// Setting goals: an admin any, a manager the goals of their subtree's teams and members, a rep none.
public sealed class GoalScope
{
    private readonly HashSet<long> _readableTeams;
    private readonly HashSet<long> _teammates;

    private GoalScope(AccessScope access, HashSet<long> readableTeams, HashSet<long> teammates)
    {
        Access = access;
        _readableTeams = readableTeams;
        _teammates = teammates;
    }

    public AccessScope Access { get; }

    public bool CanSetGoals => Access.Role != MemberRole.Rep;

    public static async Task<GoalScope> ForAsync(AppDbContext db, AccessScope access, CancellationToken cancellationToken = default)
    {
        if (access.Role == MemberRole.Admin)
        {
            return new GoalScope(access, [], []);
        }
        var teams = await db.Teams.AsNoTracking().Select(t => new { t.Id, t.ParentTeamId }).ToDictionaryAsync(t => t.Id, t => t.ParentTeamId, cancellationToken);
        var own = await db.Members.AsNoTracking().Where(m => m.Id == access.MemberId).Select(m => m.TeamId).SingleOrDefaultAsync(cancellationToken);
        var readable = new HashSet<long>(access.TeamIds);
        foreach (var start in access.TeamIds.Append(own ?? 0).Where(id => id != 0).ToList())
        {
            // The team and every team above it (the teams API refuses cycles; the count bounds the walk anyway).
            long? team = start;
            for (var steps = 0; team is { } id && teams.TryGetValue(id, out var parent) && steps <= teams.Count; steps++)
            {
                readable.Add(id);
                team = parent;
            }
        }
        var teammates = new HashSet<long>();
        if (access.Role == MemberRole.Rep && own is { } ownTeam)
        {
            var orgId = db.Tenant.RequireOrgId();
            var allowed = await db.Organizations.Where(o => o.Id == orgId).Select(o => o.RepsSeeTeammateGoals).SingleAsync(cancellationToken);
            if (allowed)
            {
                teammates = [.. await db.Members.Where(m => m.TeamId == ownTeam).Select(m => m.Id).ToListAsync(cancellationToken)];
            }
        }
        return new GoalScope(access, readable, teammates);
    }

    public IQueryable<Goal> Readable(AppDbContext db)
    {
        if (Access.Role == MemberRole.Admin)
        {
            return db.Goals;
        }
        var teams = _readableTeams.ToList();
        var members = Access.Members(db).Select(m => (long?)m.Id);
        var teammates = _teammates.ToList();
        return db.Goals.Where(g => g.OwnerKind == GoalOwnerKind.Organization
            || (g.OwnerKind == GoalOwnerKind.Team && g.TeamId != null && teams.Contains(g.TeamId.Value))
            || (g.OwnerKind == GoalOwnerKind.Member && (members.Contains(g.MemberId) || (g.MemberId != null && teammates.Contains(g.MemberId.Value)))));
    }

    public IQueryable<Goal> Editable(AppDbContext db) => Access.Role switch
    {
        MemberRole.Admin => db.Goals,
        MemberRole.Manager => db.Goals.Where(g =>
            (g.OwnerKind == GoalOwnerKind.Team && g.TeamId != null && Access.TeamIds.Contains(g.TeamId.Value))
            || (g.OwnerKind == GoalOwnerKind.Member && Access.Members(db).Select(m => (long?)m.Id).Contains(g.MemberId))),
        _ => db.Goals.Where(_ => false),
    };

    // A manual goal's value is reported by the member who owns it (who cannot set goals) or by
    // whoever may set the goal.
    public async Task<bool> CanReportProgressAsync(AppDbContext db, long goalId, GoalOwnerKind ownerKind, long? memberId, CancellationToken cancellationToken) =>
        (ownerKind == GoalOwnerKind.Member && memberId == Access.MemberId)
        || await Editable(db).AnyAsync(g => g.Id == goalId, cancellationToken);

    // May the caller set a goal for this owner? Another organization's team or member is simply not found.
    public async Task<bool> CanOwnAsync(AppDbContext db, GoalOwnerKind kind, long? teamId, long? memberId, CancellationToken cancellationToken) => kind switch
    {
        GoalOwnerKind.Organization => Access.Role == MemberRole.Admin,
        GoalOwnerKind.Team => teamId is { } team && CanSetGoals && await Access.Teams(db).AnyAsync(t => t.Id == team, cancellationToken),
        GoalOwnerKind.Member => memberId is { } member && CanSetGoals && await Access.Members(db).AnyAsync(m => m.Id == member && m.Active, cancellationToken),
        _ => false,
    };
}
