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

    public static bool SignedIn(string principal) => principal is not (ApiWorld.Anonymous or ApiWorld.Disabled);

    public static bool CanSee(string principal, string owner) => Sees[principal].Contains(owner);

    // Imports write across the whole organization: admins only, 403 for anyone else signed in
    // (docs/decisions/0017); there is no record whose existence a 403 could reveal.
    public static bool CanImport(string principal) => principal is ApiWorld.Admin or ApiWorld.OtherAdmin;

    public static bool CanDelete(string principal) => principal is ApiWorld.Admin or ApiWorld.ManagerA or ApiWorld.ManagerB or ApiWorld.OtherAdmin;

    // 401 before anything else, then 404 for whatever is outside the scope (never 403, which
    // would tell that the record exists), then the answer for a record the caller may see.
    public static int Expected(string principal, string owner, int whenVisible) =>
        !SignedIn(principal) ? 401 : !CanSee(principal, owner) ? 404 : whenVisible;
}
