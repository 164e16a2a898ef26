namespace Headroom.Tests.Web;

// The one declared rule table of the access matrix (docs/decisions/0010 and 0011): whose records
// each principal sees. Anonymous and disabled users are refused before any record (401).
public static class AccessRules
{
    private static readonly Dictionary<string, string[]> Sees = new()
    {
        [ApiWorld.Admin] = [.. ApiWorld.Owners, ApiWorld.Pool],
        [ApiWorld.ManagerA] = [ApiWorld.ManagerA, ApiWorld.RepA1, ApiWorld.RepA2, ApiWorld.Disabled],
        [ApiWorld.ManagerB] = [ApiWorld.ManagerB, ApiWorld.RepB],
        [ApiWorld.RepA1] = [ApiWorld.RepA1],
        [ApiWorld.RepA2] = [ApiWorld.RepA2],
        [ApiWorld.RepB] = [ApiWorld.RepB],
        [ApiWorld.OtherAdmin] = [ApiWorld.Foreign],
        [ApiWorld.Anonymous] = [],
        [ApiWorld.Disabled] = [],
    };

    // Teams (docs/decisions/0015): an admin reads every team, a manager their subtree, a rep their own team.
    private static readonly Dictionary<string, string[]> SeesTeams = new()
    {
        [ApiWorld.Admin] = [ApiWorld.TeamA, ApiWorld.TeamB],
        [ApiWorld.ManagerA] = [ApiWorld.TeamA],
        [ApiWorld.ManagerB] = [ApiWorld.TeamB],
        [ApiWorld.RepA1] = [ApiWorld.TeamA],
        [ApiWorld.RepA2] = [ApiWorld.TeamA],
        [ApiWorld.RepB] = [ApiWorld.TeamB],
        [ApiWorld.OtherAdmin] = [ApiWorld.Foreign],
        [ApiWorld.Anonymous] = [],
        [ApiWorld.Disabled] = [],
    };

    public static bool CanSeeTeam(string principal, string team) => SeesTeams[principal].Contains(team);

    // A sub-team is seen by whoever sees its parent's subtree: admins and managers, not reps.
    public static bool CanSeeSubTeamOf(string principal, string team) => CanSeeTeam(principal, team) && !IsRep(principal);

    public static bool IsRep(string principal) => principal is ApiWorld.RepA1 or ApiWorld.RepA2 or ApiWorld.RepB;

    public static bool IsAdmin(string principal) => principal is ApiWorld.Admin or ApiWorld.OtherAdmin;

    public static bool SignedIn(string principal) => principal is not (ApiWorld.Anonymous or ApiWorld.Disabled);

    public static bool CanSee(string principal, string owner) => Sees[principal].Contains(owner);

    // Imports write across the whole organization: admins only, 403 for anyone else signed in
    // (docs/decisions/0017); there is no record whose existence a 403 could reveal.
    public static bool CanImport(string principal) => principal is ApiWorld.Admin or ApiWorld.OtherAdmin;

    public static bool CanDelete(string principal) => principal is ApiWorld.Admin or ApiWorld.ManagerA or ApiWorld.ManagerB or ApiWorld.OtherAdmin;

    // Contacts and feedback are seen through their account (docs/decisions/0016): a contact may be
    // deleted by whoever sees it; a feedback entry, or its score changed, only by managers and admins.
    public static bool CanDeleteContact(string principal) => SignedIn(principal);

    public static bool CanRewriteFeedback(string principal) => CanDelete(principal);

    // Goals (docs/decisions/0022): everyone reads the organization's goals and their teams' goals
    // (aggregates), member goals as their records; only admins and managers set them, and managers
    // not the organization's.
    public static bool CanSeeGoal(string principal, string owner) => owner switch
    {
        ApiWorld.Foreign => principal == ApiWorld.OtherAdmin,
        ApiWorld.OrgGoal => SignedIn(principal) && principal != ApiWorld.OtherAdmin,
        ApiWorld.TeamA or ApiWorld.TeamB => CanSeeTeam(principal, owner),
        _ => CanSee(principal, owner),
    };

    public static bool CanSetGoal(string principal, string owner) =>
        CanSeeGoal(principal, owner) && !IsRep(principal) && (IsAdmin(principal) || owner != ApiWorld.OrgGoal);

    public static int ExpectedForGoal(string principal, string owner, int whenAllowed) =>
        !SignedIn(principal) ? 401 : !CanSeeGoal(principal, owner) ? 404 : !CanSetGoal(principal, owner) ? 403 : whenAllowed;

    // 401 before anything else, then 404 for whatever is outside the scope (never 403, which
    // would tell that the record exists), then the answer for a record the caller may see.
    public static int Expected(string principal, string owner, int whenVisible) =>
        !SignedIn(principal) ? 401 : !CanSee(principal, owner) ? 404 : whenVisible;
}
