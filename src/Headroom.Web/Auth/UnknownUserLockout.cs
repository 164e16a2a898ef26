using Headroom.Organizations;
using Microsoft.Extensions.Caching.Memory;

namespace Headroom.Web.Auth;

// Counts failed sign-ins for emails that have no user, so that after as many failures as lock a
// real account the answer is "locked out" too; otherwise lockout would tell which emails exist.
public sealed class UnknownUserLockout(IMemoryCache cache)
{
    // Returns whether this failure locks the (non-existent) account.
    public bool RecordFailure(string email)
    {
        var key = "unknown-sign-in:" + AppUsers.Normalize(email);
        var failures = cache.Get<int>(key) + 1;
        cache.Set(key, failures, PasswordPolicy.LockoutDuration);
        return failures >= PasswordPolicy.MaxFailedAttempts;
    }
}
