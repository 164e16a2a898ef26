using System.Linq.Expressions;
using Headroom.Accounts;
using Headroom.Activities;
using Headroom.Data;
using Headroom.Deals;
using Headroom.Feedback;
using Headroom.FollowUps;
using Headroom.Leads;
using Microsoft.EntityFrameworkCore;

namespace Headroom.Organizations;

// Whose records a member may see, decided once for every page, list, count and export:
// an admin sees the whole organization; a manager the members of the teams they manage (or
// their own team when they manage none) and of every team below those; a rep only their own.
// Records are "theirs" through the owner (accounts, leads, deals), the assignee (follow-ups) or
// the member who logged them (activities).
// Queries still run under the tenant filter, so nothing here can reach another organization.
public sealed class AccessScope
{
    private AccessScope(long memberId, MemberRole role, IReadOnlyCollection<long> teamIds)
    {
        MemberId = memberId;
        Role = role;
        TeamIds = teamIds;
    }

    public long MemberId { get; }
    public MemberRole Role { get; }
    // The teams a manager answers for (with all their sub-teams); empty for admins and reps.
    public IReadOnlyCollection<long> TeamIds { get; }

    // The command line acts with the database's own rights (like export), so it sees the whole
    // organization without being a member of it.
    public static AccessScope WholeOrganization() => new(0, MemberRole.Admin, []);

    // One member's own records, as the member would see them (for goals and reports about them).
    public static AccessScope OfMember(long memberId) => new(memberId, MemberRole.Rep, []);

    // One team and every team below it, as a manager of that team would see it (for reports that
    // run with the whole organization's rights but ask about one team).
    public static async Task<AccessScope> ForTeamAsync(AppDbContext db, long teamId, CancellationToken cancellationToken = default) =>
        new(0, MemberRole.Manager, await TeamsBelowAsync(db, [teamId], cancellationToken));

    // The given teams and all their sub-teams.
    public static async Task<HashSet<long>> TeamsBelowAsync(AppDbContext db, IEnumerable<long> roots, CancellationToken cancellationToken = default)
    {
        var teams = await db.Teams.Select(t => new { t.Id, t.ParentTeamId }).ToListAsync(cancellationToken);
        return TeamsBelow(teams.Select(t => (t.Id, t.ParentTeamId)), roots);
    }

    // The same over a team list already read (id and parent of every team).
    public static HashSet<long> TeamsBelow(IEnumerable<(long Id, long? ParentTeamId)> teams, IEnumerable<long> roots)
    {
        var children = teams.Where(t => t.ParentTeamId is not null).ToLookup(t => t.ParentTeamId!.Value, t => t.Id);
        var found = new HashSet<long>();
        var pending = new Stack<long>(roots);
        while (pending.TryPop(out var teamId))
        {
            if (found.Add(teamId))
            {
                foreach (var child in children[teamId])
                {
                    pending.Push(child);
                }
            }
        }
        return found;
    }

    public static async Task<AccessScope> ForMemberAsync(AppDbContext db, long memberId, CancellationToken cancellationToken = default)
    {
        var member = await db.Members.Where(m => m.Id == memberId).Select(m => new { m.Role, m.TeamId })
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new InvalidOperationException($"Member {memberId} is not in the current organization.");
        if (member.Role != MemberRole.Manager)
        {
            return new AccessScope(memberId, member.Role, []);
        }
        var managed = await db.Teams.Where(t => t.ManagerId == memberId).Select(t => t.Id).ToListAsync(cancellationToken);
        if (managed.Count == 0 && member.TeamId is { } ownTeam)
        {
            managed.Add(ownTeam);
        }
        var scope = await TeamsBelowAsync(db, managed, cancellationToken);
        return new AccessScope(memberId, member.Role, scope);
    }

    public IQueryable<Member> Members(AppDbContext db) => Role switch
    {
        MemberRole.Admin => db.Members,
        MemberRole.Manager => db.Members.Where(m => m.Id == MemberId || (m.TeamId != null && TeamIds.Contains(m.TeamId.Value))),
        _ => db.Members.Where(m => m.Id == MemberId),
    };

    // The teams a member may read: an admin every team, a manager the teams they answer for, a
    // rep the team they sit in (docs/decisions/0015-people-administration.md).
    public IQueryable<Team> Teams(AppDbContext db) => Role switch
    {
        MemberRole.Admin => db.Teams,
        MemberRole.Manager => db.Teams.Where(t => TeamIds.Contains(t.Id)),
        _ => db.Teams.Where(t => db.Members.Any(m => m.Id == MemberId && m.TeamId == t.Id)),
    };

    public IQueryable<Account> Accounts(AppDbContext db) => Owned(db, db.Accounts, a => a.OwnerId);

    // Contacts and feedback have no owner of their own: they are visible exactly when their
    // account is (docs/decisions/0016). A contact without an account is the admin's alone.
    public IQueryable<Contact> Contacts(AppDbContext db) => Role == MemberRole.Admin
        ? db.Contacts
        : db.Contacts.Where(c => c.AccountId != null && Accounts(db).Select(a => (long?)a.Id).Contains(c.AccountId));

    public IQueryable<CustomerFeedback> Feedback(AppDbContext db) => Role == MemberRole.Admin
        ? db.CustomerFeedback
        : db.CustomerFeedback.Where(f => Accounts(db).Select(a => a.Id).Contains(f.AccountId));

    public IQueryable<Lead> Leads(AppDbContext db) => Owned(db, db.Leads, l => l.OwnerId);

    // The customer pool (公海, docs/decisions/0027): unowned accounts and open leads a member may
    // see and claim — the organization's pool (no team) and the pools of the teams they may read:
    // a rep their own team's, a manager the teams they answer for, an admin every one.
    public IQueryable<Account> PoolAccounts(AppDbContext db) => InPool(db, db.Accounts.Where(a => a.OwnerId == null), a => a.PoolTeamId);

    public IQueryable<Lead> PoolLeads(AppDbContext db) => InPool(
        db, db.Leads.Where(l => l.OwnerId == null && l.Status != LeadStatus.Converted && l.Status != LeadStatus.Disqualified), l => l.PoolTeamId);

    private IQueryable<T> InPool<T>(AppDbContext db, IQueryable<T> unowned, Expression<Func<T, long?>> poolTeam)
    {
        if (Role == MemberRole.Admin)
        {
            return unowned;
        }
        // e => poolTeam(e) == null || Teams(db).Select(t => (long?)t.Id).Contains(poolTeam(e))
        var teams = Teams(db).Select(t => (long?)t.Id);
        var body = Expression.OrElse(
            Expression.Equal(poolTeam.Body, Expression.Constant(null, typeof(long?))),
            Expression.Call(typeof(Queryable), nameof(Queryable.Contains), [typeof(long?)], teams.Expression, poolTeam.Body));
        return unowned.Where(Expression.Lambda<Func<T, bool>>(body, poolTeam.Parameters));
    }

    public IQueryable<Deal> Deals(AppDbContext db) => Owned(db, db.Deals, d => d.OwnerId);

    // Also the follow-ups a member covers for a colleague on leave, while the cover lasts (the
    // return clears CoverMemberId; docs/decisions/0029).
    public IQueryable<FollowUp> FollowUps(AppDbContext db)
    {
        if (Role == MemberRole.Admin)
        {
            return db.FollowUps;
        }
        var members = Members(db).Select(m => (long?)m.Id);
        return db.FollowUps.Where(f => members.Contains(f.AssigneeId) || (f.CoverMemberId != null && members.Contains(f.CoverMemberId)));
    }

    public IQueryable<SalesActivity> Activities(AppDbContext db) => Owned(db, db.SalesActivities, a => a.MemberId);

    private IQueryable<T> Owned<T>(AppDbContext db, IQueryable<T> query, Expression<Func<T, long?>> owner)
    {
        if (Role == MemberRole.Admin)
        {
            return query;
        }
        // e => Members(db).Select(m => (long?)m.Id).Contains(owner(e)), one SQL query with a sub-select.
        var owners = Members(db).Select(m => (long?)m.Id);
        var contains = Expression.Call(typeof(Queryable), nameof(Queryable.Contains), [typeof(long?)], owners.Expression, owner.Body);
        return query.Where(Expression.Lambda<Func<T, bool>>(contains, owner.Parameters));
    }
}
