using Headroom.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Headroom.Organizations;

// Identity asks this before every sign-in (SignInOptions.RequireConfirmedAccount), and the web
// host's security-stamp validator asks it again on every revalidation, so a disabled user or an
// inactive member is refused at sign-in and signed out within one revalidation interval.
public sealed class ActiveUserConfirmation(AppDbContext db) : IUserConfirmation<AppUser>
{
    public async Task<bool> IsConfirmedAsync(UserManager<AppUser> manager, AppUser user) =>
        !user.Disabled && await db.Members.IgnoreQueryFilters()
            .AnyAsync(m => m.Id == user.MemberId && m.OrgId == user.OrgId && m.Active);
}
