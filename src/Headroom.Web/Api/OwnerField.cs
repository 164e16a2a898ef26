using Headroom.Data;
using Headroom.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Headroom.Web.Api;

// The owner of a record is a manager-only field: a rep's records are always their own, and a
// manager can hand a record only to an active member inside their scope (docs/decisions/0011).
public static class OwnerField
{
    // Returns the owner to store; `current` is null on create. Errors name the field "ownerId".
    public static Task<long?> ResolveAsync(AccessScope scope, AppDbContext db, long? requested, long? current, FieldErrors errors, CancellationToken cancellationToken) =>
        ResolveAsync(scope, db, requested, current, errors, "ownerId", cancellationToken);

    // The same rule guards a follow-up's assignee and the member an activity is logged for.
    public static async Task<long?> ResolveAsync(AccessScope scope, AppDbContext db, long? requested, long? current, FieldErrors errors, string field, CancellationToken cancellationToken)
    {
        var owner = requested ?? current ?? scope.MemberId;
        if (owner == current || (current is null && owner == scope.MemberId))
        {
            return owner;
        }
        if (scope.Role == MemberRole.Rep)
        {
            errors.Add(field, errors.Localizer["Validation.OwnerManagersOnly"]);
            return current;
        }
        if (!await scope.Members(db).AnyAsync(m => m.Id == owner && m.Active, cancellationToken))
        {
            errors.Add(field, errors.Localizer["Validation.UnknownOwner"]);
            return current;
        }
        return owner;
    }
}
