using Headroom.Data;
using Headroom.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Headroom.Web.Auth;

public static class FirstRun
{
    // The setup page exists only until some organization has an admin who can sign in.
    public static Task<bool> AdminExistsAsync(AppDbContext db, CancellationToken cancellationToken = default) =>
        db.Users.AnyAsync(u => db.Members.IgnoreQueryFilters().Any(m => m.Id == u.MemberId && m.Role == MemberRole.Admin), cancellationToken);
}
