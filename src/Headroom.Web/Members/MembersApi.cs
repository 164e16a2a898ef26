using System.Globalization;
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

namespace Headroom.Web.Members;

// Reads go through AccessScope.Members (admin: the organization, manager: their team subtree and
// themselves, rep: themselves); anything else answers 404. Admins add, invite, deactivate and set
// every field; managers set the workload fields of the members they see; reps change nothing
// here (docs/decisions/0015-people-administration.md).
public static class MembersApi
{
    public const double MaxWeeklyCapacityHours = 168;
    public const int MaxListEntries = 50;

    public static void MapMembersApi(this RouteGroupBuilder api)
    {
        var members = api.MapGroup("/members").WithTags("Members");
        members.MapGet("/", ListMembers).WithSummary("Members you may see, filtered (q, teamId, role, active), sorted (name, email, role, team, capacity, hired; '-' for descending) and paged.");
        members.MapGet("/{id:long}", GetMember).WithSummary("One member you may see.");
        members.MapPost("/", CreateMember).WithSummary("Add a member (admins); the answer carries a one-time invitation link, valid for 7 days.");
        members.MapPut("/{id:long}", UpdateMember).WithSummary("Update a member: admins every field, managers capacity, skills, territories, languages and team within their subtree; send the version you read.");
        members.MapPost("/{id:long}/deactivate", DeactivateMember).WithSummary("Deactivate a member (admins); their sign-in stops within a minute.");
        members.MapPost("/{id:long}/reactivate", ReactivateMember).WithSummary("Reactivate a member (admins).");
        members.MapPost("/{id:long}/invitation", InviteMember).WithSummary("A new one-time invitation link for a member who has not set a password (admins); earlier links stop working.");
    }

    public static async Task<Ok<PagedList<MemberResponse>>> ListMembers(
        [AsParameters] MemberFilter filter, [AsParameters] PageQuery paging, AppDbContext db, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var scope = await AccessScope.ForMemberAsync(db, user.GetMemberId(), cancellationToken);
        var query = scope.Members(db);
        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var q = filter.Q.Trim();
            query = query.Where(m => m.Name.Contains(q) || (m.Email != null && m.Email.Contains(q)) || (m.Title != null && m.Title.Contains(q)));
        }
        if (filter.TeamId is { } teamId)
        {
            query = query.Where(m => m.TeamId == teamId);
        }
        if (filter.Role is { } role)
        {
            query = query.Where(m => m.Role == role);
        }
        if (filter.Active is { } active)
        {
            query = query.Where(m => m.Active == active);
        }
        var total = await query.CountAsync(cancellationToken);
        IOrderedQueryable<Member> ordered = (paging.SortKey, paging.Descending) switch
        {
            ("email", false) => query.OrderBy(m => m.Email),
            ("email", true) => query.OrderByDescending(m => m.Email),
            ("role", false) => query.OrderBy(m => m.Role).ThenBy(m => m.Name),
            ("role", true) => query.OrderByDescending(m => m.Role).ThenBy(m => m.Name),
            ("team", false) => query.OrderBy(m => m.Team!.Name).ThenBy(m => m.Name),
            ("team", true) => query.OrderByDescending(m => m.Team!.Name).ThenBy(m => m.Name),
            ("capacity", false) => query.OrderBy(m => m.WeeklyCapacityHours).ThenBy(m => m.Name),
            ("capacity", true) => query.OrderByDescending(m => m.WeeklyCapacityHours).ThenBy(m => m.Name),
            ("hired", false) => query.OrderBy(m => m.HireDate).ThenBy(m => m.Name),
            ("hired", true) => query.OrderByDescending(m => m.HireDate).ThenBy(m => m.Name),
            (_, true) => query.OrderByDescending(m => m.Name),
            _ => query.OrderBy(m => m.Name),
        };
        var items = await Project(ordered.ThenBy(m => m.Id).Skip(paging.Skip).Take(paging.Size), db).ToListAsync(cancellationToken);
        return TypedResults.Ok(new PagedList<MemberResponse>(items, total, paging.PageNumber, paging.Size));
    }

    public static async Task<Results<Ok<MemberResponse>, NotFound>> GetMember(long id, AppDbContext db, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var scope = await AccessScope.ForMemberAsync(db, user.GetMemberId(), cancellationToken);
        var member = await Project(scope.Members(db).Where(m => m.Id == id), db).SingleOrDefaultAsync(cancellationToken);
        return member is null ? TypedResults.NotFound() : TypedResults.Ok(member);
    }

    public static async Task<Results<Created<MemberCreatedResponse>, ValidationProblem, ProblemHttpResult>> CreateMember(
        MemberRequest request, AppDbContext db, ClaimsPrincipal user, HttpRequest http, TimeProvider clock, IStringLocalizer<Strings> l,
        CancellationToken cancellationToken)
    {
        var scope = await AccessScope.ForMemberAsync(db, user.GetMemberId(), cancellationToken);
        if (scope.Role != MemberRole.Admin)
        {
            return ApiProblems.Forbidden(l["Problem.AdminsOnly"]);
        }
        var errors = new FieldErrors(l);
        var member = new Member { Name = "" };
        if (string.IsNullOrWhiteSpace(request.Email))
        {
            errors.Add("email", l["Validation.Required"]);
        }
        await ApplyAsync(member, request, scope, db, errors, cancellationToken);
        if (errors.Any)
        {
            return ApiProblems.Fields(errors);
        }
        db.Members.Add(member);
        var signIn = AppUsers.For(member, user.GetOrgId(), member.Email!);
        var token = MemberInvitations.Issue(signIn, clock.GetUtcNow().UtcDateTime);
        db.Users.Add(signIn);
        await db.SaveChangesAsync(cancellationToken);
        var created = await Project(db.Members.Where(m => m.Id == member.Id), db).SingleAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/members/{member.Id}",
            new MemberCreatedResponse(created, new InvitationResponse(MemberInvitations.Url(http, token), signIn.InvitationExpiresUtc!.Value)));
    }

    public static async Task<Results<Ok<MemberResponse>, NotFound, ValidationProblem, ProblemHttpResult>> UpdateMember(
        long id, MemberRequest request, AppDbContext db, ClaimsPrincipal user, IStringLocalizer<Strings> l, CancellationToken cancellationToken)
    {
        var scope = await AccessScope.ForMemberAsync(db, user.GetMemberId(), cancellationToken);
        var member = await scope.Members(db).Include(m => m.Skills).SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (member is null)
        {
            return TypedResults.NotFound();
        }
        if (scope.Role == MemberRole.Rep)
        {
            return ApiProblems.Forbidden(l["Problem.RepCannotEditMembers"]);
        }
        var errors = new FieldErrors(l);
        if (request.Version is not { } version)
        {
            errors.Add("version", l["Validation.Required"]);
            return ApiProblems.Fields(errors);
        }
        if (version != member.Version)
        {
            return ApiProblems.StaleVersion(l["Problem.StaleVersion"]);
        }
        var (oldRole, oldEmail) = (member.Role, member.Email);
        await ApplyAsync(member, request, scope, db, errors, cancellationToken);
        if (errors.Any)
        {
            return ApiProblems.Fields(errors);
        }
        // The Version counter covers the skills too, which live in their own rows.
        db.Entry(member).Property(m => m.UpdatedUtc).IsModified = true;
        if (member.Role != oldRole || member.Email != oldEmail)
        {
            var signIn = await db.Users.SingleOrDefaultAsync(u => u.MemberId == member.Id && u.OrgId == member.OrgId, cancellationToken);
            if (signIn is not null)
            {
                if (member.Email != oldEmail)
                {
                    (signIn.UserName, signIn.NormalizedUserName, signIn.Email, signIn.NormalizedEmail) =
                        (member.Email, AppUsers.Normalize(member.Email!), member.Email, AppUsers.Normalize(member.Email!));
                }
                // A new role reaches open sessions at their next revalidation.
                MemberInvitations.RenewSecurityStamp(signIn);
            }
        }
        if (await ApiSave.ChangesAsync(db, l, cancellationToken) is { } stale)
        {
            return stale;
        }
        return TypedResults.Ok(await Project(db.Members.Where(m => m.Id == id), db).SingleAsync(cancellationToken));
    }

    public static Task<Results<NoContent, NotFound, ProblemHttpResult>> DeactivateMember(
        long id, AppDbContext db, ClaimsPrincipal user, IStringLocalizer<Strings> l, CancellationToken cancellationToken) =>
        SetActiveAsync(id, false, db, user, l, cancellationToken);

    public static Task<Results<NoContent, NotFound, ProblemHttpResult>> ReactivateMember(
        long id, AppDbContext db, ClaimsPrincipal user, IStringLocalizer<Strings> l, CancellationToken cancellationToken) =>
        SetActiveAsync(id, true, db, user, l, cancellationToken);

    private static async Task<Results<NoContent, NotFound, ProblemHttpResult>> SetActiveAsync(
        long id, bool active, AppDbContext db, ClaimsPrincipal user, IStringLocalizer<Strings> l, CancellationToken cancellationToken)
    {
        var scope = await AccessScope.ForMemberAsync(db, user.GetMemberId(), cancellationToken);
        var member = await scope.Members(db).SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (member is null)
        {
            return TypedResults.NotFound();
        }
        if (scope.Role != MemberRole.Admin)
        {
            return ApiProblems.Forbidden(l["Problem.AdminsOnly"]);
        }
        if (member.Id == scope.MemberId)
        {
            return ApiProblems.Conflict(l["Problem.NotYourself"]);
        }
        if (member.Active == active)
        {
            return TypedResults.NoContent();
        }
        member.Active = active;
        var signIn = await db.Users.SingleOrDefaultAsync(u => u.MemberId == member.Id && u.OrgId == member.OrgId, cancellationToken);
        if (signIn is not null)
        {
            // The stamp changes, so every cookie of this user is checked again (and refused while
            // the member is inactive) at its next revalidation, within a minute.
            MemberInvitations.RenewSecurityStamp(signIn);
        }
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    public static async Task<Results<Ok<InvitationResponse>, NotFound, ValidationProblem, ProblemHttpResult>> InviteMember(
        long id, AppDbContext db, ClaimsPrincipal user, HttpRequest http, TimeProvider clock, IStringLocalizer<Strings> l, CancellationToken cancellationToken)
    {
        var scope = await AccessScope.ForMemberAsync(db, user.GetMemberId(), cancellationToken);
        var member = await scope.Members(db).SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (member is null)
        {
            return TypedResults.NotFound();
        }
        if (scope.Role != MemberRole.Admin)
        {
            return ApiProblems.Forbidden(l["Problem.AdminsOnly"]);
        }
        if (!member.Active)
        {
            return ApiProblems.Conflict(l["Problem.MemberInactive"]);
        }
        var signIn = await db.Users.SingleOrDefaultAsync(u => u.MemberId == member.Id && u.OrgId == member.OrgId, cancellationToken);
        if (signIn is null)
        {
            // Members from an import have no sign-in yet; the invitation makes one.
            if (string.IsNullOrEmpty(member.Email))
            {
                return ApiProblems.Field("email", l["Validation.EmailForInvitation"]);
            }
            if (await db.Users.AnyAsync(u => u.NormalizedEmail == AppUsers.Normalize(member.Email), cancellationToken))
            {
                return ApiProblems.Field("email", l["Email.Taken"]);
            }
            signIn = AppUsers.For(member, member.OrgId, member.Email);
            db.Users.Add(signIn);
        }
        else if (signIn.PasswordHash is not null)
        {
            return ApiProblems.Conflict(l["Problem.AlreadySignedUp"]);
        }
        var token = MemberInvitations.Issue(signIn, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(new InvitationResponse(MemberInvitations.Url(http, token), signIn.InvitationExpiresUtc!.Value));
    }

    // Admins set every field. Managers set the workload fields (capacity, skills, territories,
    // languages) and move people between teams of their subtree; a field they may not set is an
    // error when its value would change, so a form that sends everything back still saves.
    private static async Task ApplyAsync(Member member, MemberRequest request, AccessScope scope, AppDbContext db, FieldErrors errors, CancellationToken cancellationToken)
    {
        var creating = member.Id == 0;
        var admin = scope.Role == MemberRole.Admin;
        var l = errors.Localizer;

        var name = errors.Text("name", request.Name, 200, required: creating || request.Name is not null);
        if (name is not null && name != member.Name)
        {
            if (admin) { member.Name = name; } else { errors.Add("name", l["Validation.AdminsOnlyField"]); }
        }
        if (request.Email is not null)
        {
            var email = request.Email.Trim();
            if (email != member.Email)
            {
                if (!admin)
                {
                    errors.Add("email", l["Validation.AdminsOnlyField"]);
                }
                else if (!AppUsers.LooksLikeEmail(email))
                {
                    errors.Add("email", l["Setup.EmailInvalid"]);
                }
                else if (await db.Members.AnyAsync(m => m.Id != member.Id && m.Email == email, cancellationToken)
                    || await db.Users.AnyAsync(u => u.MemberId != member.Id && u.NormalizedEmail == AppUsers.Normalize(email), cancellationToken))
                {
                    errors.Add("email", l["Email.Taken"]);
                }
                else
                {
                    member.Email = email;
                }
            }
        }
        if (request.Role is { } role && role != member.Role)
        {
            if (!admin)
            {
                errors.Add("role", l["Validation.AdminsOnlyField"]);
            }
            else if (!Enum.IsDefined(role))
            {
                errors.Add("role", l["Validation.UnknownRole"]);
            }
            else if (member.Id == scope.MemberId)
            {
                // An admin cannot lock the organization out of its own administration by accident.
                errors.Add("role", l["Validation.OwnRole"]);
            }
            else
            {
                member.Role = role;
            }
        }
        if (request.TeamId is { } teamId && teamId != member.TeamId)
        {
            var allowed = admin
                ? await db.Teams.AnyAsync(t => t.Id == teamId, cancellationToken)
                : scope.Role == MemberRole.Manager && scope.TeamIds.Contains(teamId);
            if (allowed) { member.TeamId = teamId; } else { errors.Add("teamId", l["Validation.UnknownTeam"]); }
        }
        var title = request.Title is null ? member.Title : errors.Text("title", request.Title, 200, required: false);
        if (title != member.Title)
        {
            if (admin) { member.Title = title; } else { errors.Add("title", l["Validation.AdminsOnlyField"]); }
        }
        if (request.HireDate is { } hired && hired != member.HireDate)
        {
            if (admin) { member.HireDate = hired; } else { errors.Add("hireDate", l["Validation.AdminsOnlyField"]); }
        }
        if (request.WeeklyCapacityHours is { } hours)
        {
            if (double.IsNaN(hours) || hours < 0 || hours > MaxWeeklyCapacityHours)
            {
                errors.Add("weeklyCapacityHours", l["Validation.Capacity"]);
            }
            else
            {
                member.WeeklyCapacityHours = hours;
            }
        }
        if (request.Skills is { } skills)
        {
            ApplySkills(member, skills, errors);
        }
        if (request.Territories is { } territories && CleanList("territories", territories, errors) is { } cleanTerritories)
        {
            member.Territories = cleanTerritories;
        }
        if (request.Languages is { } languages && CleanList("languages", languages, errors) is { } cleanLanguages)
        {
            member.Languages = cleanLanguages;
        }
    }

    private static void ApplySkills(Member member, IReadOnlyList<SkillLevel> skills, FieldErrors errors)
    {
        var l = errors.Localizer;
        if (skills.Count > MaxListEntries)
        {
            errors.Add("skills", string.Format(CultureInfo.CurrentCulture, l["Validation.TooMany"], MaxListEntries));
            return;
        }
        var wanted = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var skill in skills)
        {
            var name = skill?.Skill?.Trim();
            if (string.IsNullOrEmpty(name) || name.Length > 100)
            {
                errors.Add("skills", l["Validation.SkillName"]);
                return;
            }
            if (skill!.Level is < 1 or > 5)
            {
                errors.Add("skills", string.Format(CultureInfo.CurrentCulture, l["Validation.SkillLevel"], name));
                return;
            }
            if (!wanted.TryAdd(name, skill.Level))
            {
                errors.Add("skills", string.Format(CultureInfo.CurrentCulture, l["Validation.SkillTwice"], name));
                return;
            }
        }
        // Changed in place rather than replaced, so the unique (member, skill) index never sees a
        // removed and a re-added row of the same name in one save.
        member.Skills.RemoveAll(s => !wanted.ContainsKey(s.Skill));
        foreach (var (name, level) in wanted)
        {
            if (member.Skills.Find(s => string.Equals(s.Skill, name, StringComparison.OrdinalIgnoreCase)) is { } existing)
            {
                (existing.Skill, existing.Level) = (name, level);
            }
            else
            {
                member.Skills.Add(new MemberSkill { Skill = name, Level = level });
            }
        }
    }

    private static List<string>? CleanList(string field, IReadOnlyList<string> values, FieldErrors errors)
    {
        var clean = values.Select(v => v?.Trim()).Where(v => !string.IsNullOrEmpty(v)).Select(v => v!).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (clean.Count > MaxListEntries)
        {
            errors.Add(field, string.Format(CultureInfo.CurrentCulture, errors.Localizer["Validation.TooMany"], MaxListEntries));
            return null;
        }
        if (clean.Any(v => v.Length > 100))
        {
            errors.Add(field, string.Format(CultureInfo.CurrentCulture, errors.Localizer["Validation.MaxLength"], 100));
            return null;
        }
        return clean;
    }

    public static IQueryable<MemberResponse> Project(IQueryable<Member> members, AppDbContext db) => members.Select(m => new MemberResponse(
        m.Id, m.Name, m.Email, m.Role, m.TeamId, m.Team == null ? null : m.Team.Name, m.Title, m.HireDate, m.WeeklyCapacityHours,
        m.Skills.OrderBy(s => s.Skill).Select(s => new SkillLevel(s.Skill, s.Level)).ToList(), m.Territories, m.Languages, m.Active,
        db.Users.Any(u => u.MemberId == m.Id && u.InvitationHash != null), db.Users.Any(u => u.MemberId == m.Id && u.PasswordHash != null), m.Version));
}
