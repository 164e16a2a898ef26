using Headroom.Organizations;

namespace Headroom.Web.Auth;

// When no password is checked (unknown email, locked-out or disabled user), one is checked anyway
// against this hash so the answer takes as long as for a wrong password (ASVS 6.3.8).
public static class DecoyPassword
{
    private static readonly Lazy<string> Hash = new(() => AppUsers.Hash(Guid.NewGuid().ToString()));

    public static void Check(string password) => AppUsers.Verify(Hash.Value, password);
}
