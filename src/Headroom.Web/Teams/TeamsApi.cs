using System.Security.Claims;
using Headroom.Data;
using Headroom.Organizations;
using Headroom.Web.Api;
using Headroom.Web.Auth;
using Headroom.Web.Localization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Headroom.Web.Teams;

// Reads go through AccessScope.Teams (admin: all, manager: their subtree, rep: their own team);
// anything else answers 404. Only admins change the tree (docs/decisions/0015).
public static class TeamsApi
{
    public static void MapTeamsApi(this RouteGroupBuilder api)
    {
        var teams = api.MapGroup("/teams").WithTags("Teams");
        teams.MapGet("/", ListTeams).WithSummary("Teams you may see, filtered, sorted (name, parent, manager, members; '-' for descending) and paged.");
        teams.MapGet("/{id:long}", GetTeam).WithSummary("One team you may see.");
        teams.MapPost("/", CreateTeam).WithSummary("Create a team (admins).");
        teams.MapPut("/{id:long}", UpdateTeam).WithSummary("Rename a team, move it in the tree or change its manager (admins); send the version you read.");
        teams.MapDelete("/{id:long}", DeleteTeam).WithSummary("Delete a team without members or sub-teams (admins); with ?version= the version you read, refused (409) if it changed since.");
    }

    public static async Task<Ok<PagedList<TeamResponse>>> ListTeams(
        [AsParameters] TeamFilter filter, [AsParameters] PageQuery paging, AppDbContext db, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var scope = await AccessScope.ForMemberAsync(db, user.GetMemberId(), cancellationToken);
        var query = scope.Teams(db);
        if (!string.IsNullOrWhiteSpace(filter.Name))
        {
            var name = filter.Name.Trim();
            query = query.Where(t => t.Name.Contains(name));
        }
        if (filter.ParentTeamId is { } parent)
        {
            query = query.Where(t => t.ParentTeamId == parent);
        }
        if (filter.ManagerId is { } manager)
        {
            query = query.Where(t => t.ManagerId == manager);
        }
        var total = await query.CountAsync(cancellationToken);
        IOrderedQueryable<Team> ordered = (paging.SortKey, paging.Descending) switch
        {
            ("parent", false) => query.OrderBy(t => t.ParentTeam!.Name).ThenBy(t => t.Name),
            ("parent", true) => query.OrderByDescending(t => t.ParentTeam!.Name).ThenBy(t => t.Name),
            ("manager", false) => query.OrderBy(t => t.Manager!.Name).ThenBy(t => t.Name),
            ("manager", true) => query.OrderByDescending(t => t.Manager!.Name).ThenBy(t => t.Name),
            ("members", false) => query.OrderBy(t => db.Members.Count(m => m.TeamId == t.Id)).ThenBy(t => t.Name),
            ("members", true) => query.OrderByDescending(t => db.Members.Count(m => m.TeamId == t.Id)).ThenBy(t => t.Name),
            (_, true) => query.OrderByDescending(t => t.Name),
            _ => query.OrderBy(t => t.Name),
        };
        var items = await Project(ordered.ThenBy(t => t.Id).Skip(paging.Skip).Take(paging.Size), db).ToListAsync(cancellationToken);
        return TypedResults.Ok(new PagedList<TeamResponse>(items, total, paging.PageNumber, paging.Size));
    }

    public static async Task<Results<Ok<TeamResponse>, NotFound>> GetTeam(long id, AppDbContext db, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var scope = await AccessScope.ForMemberAsync(db, user.GetMemberId(), cancellationToken);
        var team = await Project(scope.Teams(db).Where(t => t.Id == id), db).SingleOrDefaultAsync(cancellationToken);
        return team is null ? TypedResults.NotFound() : TypedResults.Ok(team);
    }

    public static async Task<Results<Created<TeamResponse>, ValidationProblem, ProblemHttpResult>> CreateTeam(
        TeamRequest request, AppDbContext db, ClaimsPrincipal user, IStringLocalizer<Strings> l, CancellationToken cancellationToken)
    {
        var scope = await AccessScope.ForMemberAsync(db, user.GetMemberId(), cancellationToken);
        if (scope.Role != MemberRole.Admin)
        {
            return ApiProblems.Forbidden(l["Problem.AdminsOnly"]);
        }
        var team = new Team { Name = "" };
        var errors = new FieldErrors(l);
        await ApplyAsync(team, request, db, errors, cancellationToken);
        if (errors.Any)
        {
            return ApiProblems.Fields(errors);
        }
        db.Teams.Add(team);
        await db.SaveChangesAsync(cancellationToken);
        var created = await Project(db.Teams.Where(t => t.Id == team.Id), db).SingleAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/teams/{team.Id}", created);
    }

    public static async Task<Results<Ok<TeamResponse>, NotFound, ValidationProblem, ProblemHttpResult>> UpdateTeam(
        long id, TeamRequest request, AppDbContext db, ClaimsPrincipal user, IStringLocalizer<Strings> l, CancellationToken cancellationToken)
    {
        var scope = await AccessScope.ForMemberAsync(db, user.GetMemberId(), cancellationToken);
        var team = await scope.Teams(db).SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (team is null)
        {
            return TypedResults.NotFound();
        }
        if (scope.Role != MemberRole.Admin)
        {
            return ApiProblems.Forbidden(l["Problem.AdminsOnly"]);
        }
        var errors = new FieldErrors(l);
        if (request.Version is not { } version)
        {
            errors.Add("version", l["Validation.Required"]);
            return ApiProblems.Fields(errors);
        }
        if (version != team.Version)
        {
            return ApiProblems.StaleVersion(l["Problem.StaleVersion"]);
        }
        await ApplyAsync(team, request, db, errors, cancellationToken);
        if (errors.Any)
        {
            return ApiProblems.Fields(errors);
        }
        if (await ApiSave.ChangesAsync(db, l, cancellationToken) is { } stale)
        {
            return stale;
        }
        return TypedResults.Ok(await Project(db.Teams.Where(t => t.Id == id), db).SingleAsync(cancellationToken));
    }

    public static async Task<Results<NoContent, NotFound, ProblemHttpResult>> DeleteTeam(
        long id, [FromQuery] long? version, AppDbContext db, ClaimsPrincipal user, IStringLocalizer<Strings> l, CancellationToken cancellationToken)
    {
        var scope = await AccessScope.ForMemberAsync(db, user.GetMemberId(), cancellationToken);
        var team = await scope.Teams(db).SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (team is null)
        {
            return TypedResults.NotFound();
        }
        if (version is { } expected && expected != team.Version)
        {
            return ApiProblems.StaleVersion(l["Problem.StaleVersion"]);
        }
        if (scope.Role != MemberRole.Admin)
        {
            return ApiProblems.Forbidden(l["Problem.AdminsOnly"]);
        }
        // People and sub-teams are moved first, on purpose: deleting must never orphan either.
        var members = await db.Members.CountAsync(m => m.TeamId == id, cancellationToken);
        var subTeams = await db.Teams.CountAsync(t => t.ParentTeamId == id, cancellationToken);
        if (members > 0 || subTeams > 0)
        {
            return InUse(l, members, subTeams);
        }
        db.Teams.Remove(team);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return InUse(l, 1, 0);
        }
        return TypedResults.NoContent();
    }

    // 409 like other in-use refusals (ADR 11), with the field that blocks it named in `errors`.
    private static ProblemHttpResult InUse(IStringLocalizer<Strings> l, int members, int subTeams)
    {
        var errors = new Dictionary<string, string[]>();
        if (members > 0)
        {
            errors["members"] = [string.Format(System.Globalization.CultureInfo.CurrentCulture, l["Problem.TeamHasMembers"], members)];
        }
        if (subTeams > 0)
        {
            errors["subTeams"] = [string.Format(System.Globalization.CultureInfo.CurrentCulture, l["Problem.TeamHasSubTeams"], subTeams)];
        }
        return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict",
            detail: string.Join(" ", errors.Values.SelectMany(v => v)), extensions: new Dictionary<string, object?> { ["errors"] = errors });
    }

    private static async Task ApplyAsync(Team team, TeamRequest request, AppDbContext db, FieldErrors errors, CancellationToken cancellationToken)
    {
        team.Name = errors.Text("name", request.Name, 200, required: true) ?? team.Name;
        if (request.ParentTeamId is { } parentId)
        {
            // The whole tree of the organization (the tenant filter keeps other organizations out),
            // walked up from the new parent: meeting this team again would close a cycle.
            var parents = await db.Teams.Select(t => new { t.Id, t.ParentTeamId }).ToDictionaryAsync(t => t.Id, t => t.ParentTeamId, cancellationToken);
            if (!parents.ContainsKey(parentId))
            {
                errors.Add("parentTeamId", errors.Localizer["Validation.UnknownTeam"]);
            }
            else if (team.Id != 0 && WouldCycle(parents, team.Id, parentId))
            {
                errors.Add("parentTeamId", errors.Localizer["Validation.TeamCycle"]);
            }
            else
            {
                team.ParentTeamId = parentId;
            }
        }
        else
        {
            team.ParentTeamId = null;
        }
        if (request.ManagerId is { } managerId)
        {
            if (managerId != team.ManagerId
                && !await db.Members.AnyAsync(m => m.Id == managerId && m.Active && m.Role != MemberRole.Rep, cancellationToken))
            {
                errors.Add("managerId", errors.Localizer["Validation.UnknownManager"]);
            }
            else
            {
                team.ManagerId = managerId;
            }
        }
        else
        {
            team.ManagerId = null;
        }
    }

    private static bool WouldCycle(Dictionary<long, long?> parents, long teamId, long newParentId)
    {
        var seen = new HashSet<long>();
        for (long? at = newParentId; at is { } current; at = parents.GetValueOrDefault(current))
        {
            if (current == teamId || !seen.Add(current))
            {
                return true;
            }
        }
        return false;
    }

    public static IQueryable<TeamResponse> Project(IQueryable<Team> teams, AppDbContext db) => teams.Select(t => new TeamResponse(
        t.Id, t.Name, t.ParentTeamId, t.ParentTeam == null ? null : t.ParentTeam.Name, t.ManagerId, t.Manager == null ? null : t.Manager.Name,
        db.Members.Count(m => m.TeamId == t.Id), db.Teams.Count(c => c.ParentTeamId == t.Id), t.Version));
}
