using System.Globalization;
using System.Security.Claims;
using Headroom.Data;
using Headroom.Goals;
using Headroom.Organizations;
using Headroom.Web.Api;
using Headroom.Web.Auth;
using Headroom.Web.Localization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Headroom.Web.Goals;

// Territory potentials for cascading goals (docs/decisions/0022-goals.md): managers read them,
// admins replace the whole list in one save, guarded by the organization's version. Routes are in
// GoalsApi's route table.
public static class TerritoryPotentialsApi
{
    public const int MaxTerritories = 1000;

    public static async Task<Results<Ok<TerritoryPotentials>, ProblemHttpResult>> Get(
        AppDbContext db, ClaimsPrincipal user, IStringLocalizer<Strings> l, CancellationToken cancellationToken)
    {
        if (user.GetRole() == MemberRole.Rep)
        {
            return ApiProblems.Forbidden(l["Problem.GoalSettersOnly"]);
        }
        return TypedResults.Ok(await LoadAsync(db, user.GetOrgId(), cancellationToken));
    }

    public static async Task<Results<Ok<TerritoryPotentials>, ValidationProblem, ProblemHttpResult>> Put(
        TerritoryPotentials request, AppDbContext db, ClaimsPrincipal user, IStringLocalizer<Strings> l, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (user.GetRole() != MemberRole.Admin)
        {
            return ApiProblems.Forbidden(l["Problem.AdminsOnly"]);
        }
        var errors = new FieldErrors(l);
        var lines = request.Territories ?? [];
        if (lines.Count > MaxTerritories)
        {
            errors.Add("territories", string.Format(CultureInfo.CurrentCulture, l["Validation.TooManyTerritories"], MaxTerritories));
        }
        var wanted = new Dictionary<string, long>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < lines.Count && i < MaxTerritories; i++)
        {
            var field = FormattableString.Invariant($"territories[{i}]");
            var name = errors.Text(field + ".territory", lines[i].Territory, 100, required: true);
            if (lines[i].PotentialMinor is not { } potential)
            {
                errors.Add(field + ".potentialMinor", l["Validation.Required"]);
            }
            else if (potential < 0)
            {
                errors.Add(field + ".potentialMinor", l["Validation.NotNegative"]);
            }
            else if (name is not null && !wanted.TryAdd(name, potential))
            {
                errors.Add(field + ".territory", l["Validation.DuplicateTerritory"]);
            }
        }
        if (request.Version is null)
        {
            errors.Add("version", l["Validation.Required"]);
        }
        if (errors.Any)
        {
            return ApiProblems.Fields(errors);
        }
        var orgId = user.GetOrgId();
        var organization = await db.Organizations.SingleAsync(o => o.Id == orgId, cancellationToken);
        if (request.Version != organization.Version)
        {
            return ApiProblems.StaleVersion(l["Problem.StaleVersion"]);
        }
        var existing = await db.TerritoryPotentials.ToListAsync(cancellationToken);
        foreach (var row in existing)
        {
            if (wanted.Remove(row.Territory, out var potential))
            {
                row.PotentialMinor = potential;
            }
            else
            {
                db.TerritoryPotentials.Remove(row);
            }
        }
        db.TerritoryPotentials.AddRange(wanted.Select(w => new TerritoryPotential { Territory = w.Key, PotentialMinor = w.Value }));
        // The organization's version moves, so a second save from the same read is refused.
        organization.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
        db.Entry(organization).Property(o => o.UpdatedUtc).IsModified = true;
        if (await ApiSave.ChangesAsync(db, l, cancellationToken) is { } stale)
        {
            return stale;
        }
        return TypedResults.Ok(await LoadAsync(db, orgId, cancellationToken));
    }

    public static async Task<TerritoryPotentials> LoadAsync(AppDbContext db, long orgId, CancellationToken cancellationToken)
    {
        var organization = await db.Organizations.AsNoTracking().Where(o => o.Id == orgId).Select(o => new { o.Version, o.Currency }).SingleAsync(cancellationToken);
        var rows = await db.TerritoryPotentials.AsNoTracking().OrderBy(t => t.Territory)
            .Select(t => new TerritoryPotentialLine(t.Territory, t.PotentialMinor)).ToListAsync(cancellationToken);
        var named = new HashSet<string>(rows.Select(r => r.Territory!), StringComparer.OrdinalIgnoreCase);
        var memberTerritories = await db.Members.AsNoTracking().Where(m => m.Active).Select(m => m.Territories).ToListAsync(cancellationToken);
        var accountTerritories = await db.Accounts.AsNoTracking().Where(a => a.Territory != null).Select(a => a.Territory!).Distinct().ToListAsync(cancellationToken);
        var known = memberTerritories.SelectMany(t => t).Concat(accountTerritories).Select(TerritoryWeights.Key)
            .Where(t => t.Length is > 0 and <= 100 && !named.Contains(t)).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToList();
        return new TerritoryPotentials(rows, organization.Version, known, organization.Currency);
    }
}
