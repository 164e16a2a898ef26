using Headroom.Data;
using Headroom.Web.Localization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Headroom.Web.Api;

public static class ApiSave
{
    // Saves one user action. A versioned row someone else changed since it was read fails the
    // save as a whole (nothing is written) and answers 409, like a stale version sent by the caller.
    public static async Task<ProblemHttpResult?> ChangesAsync(AppDbContext db, IStringLocalizer<Strings> l, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            return ApiProblems.StaleVersion(l["Problem.StaleVersion"]);
        }
    }
}
