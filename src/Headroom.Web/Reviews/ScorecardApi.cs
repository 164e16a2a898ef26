using System.Globalization;
using System.Security.Claims;
using Headroom.Data;
using Headroom.Goals;
using Headroom.Organizations;
using Headroom.Reviews;
using Headroom.Web.Api;
using Headroom.Web.Auth;
using Headroom.Web.Localization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Headroom.Web.Reviews;

// The organization's scorecard template (docs/decisions/0026): everyone reads it, admins change it.
// Until an admin saves one, the built-in scorecard answers with version 0.
public static class ScorecardApi
{
    public const int MaxItems = 20;

    public static void MapScorecardApi(this RouteGroupBuilder api)
    {
        var scorecard = api.MapGroup("/reviews/scorecard").WithTags("Reviews");
        scorecard.MapGet("/", GetScorecard).WithSummary("The organization's scorecard: weighted KPIs from the goal metric catalog and competencies rated 1–5; weights add up to 100.");
        scorecard.MapPut("/", UpdateScorecard).WithSummary("Replace the scorecard (admins); send the version you read (0 for the built-in one). Running cycles keep their copy.");
    }

    public static async Task<Ok<ScorecardResponse>> GetScorecard(AppDbContext db, CancellationToken cancellationToken)
    {
        var (name, items, isDefault, version) = await CurrentAsync(db, cancellationToken);
        return TypedResults.Ok(new ScorecardResponse(name, Describe(items), await CurrencyAsync(db, cancellationToken), isDefault, version));
    }

    public static async Task<Results<Ok<ScorecardResponse>, ValidationProblem, ProblemHttpResult>> UpdateScorecard(
        ScorecardRequest request, AppDbContext db, ClaimsPrincipal user, IStringLocalizer<Strings> l, CancellationToken cancellationToken)
    {
        if (user.GetRole() != MemberRole.Admin)
        {
            return ApiProblems.Forbidden(l["Problem.AdminsOnly"]);
        }
        var errors = new FieldErrors(l);
        if (request.Version is null)
        {
            errors.Add("version", l["Validation.Required"]);
        }
        var name = errors.Text("name", request.Name, 200, required: true);
        var items = Validate(request.Items, errors);
        if (errors.Any)
        {
            return ApiProblems.Fields(errors);
        }
        var template = await db.ScorecardTemplates.SingleOrDefaultAsync(cancellationToken);
        if (request.Version != (template?.Version ?? 0))
        {
            return ApiProblems.StaleVersion(l["Problem.StaleVersion"]);
        }
        if (template is null)
        {
            // Version 0 is the built-in scorecard, so the first saved one starts at 1.
            template = db.ScorecardTemplates.Add(new ScorecardTemplate { Name = name!, Version = 1 }).Entity;
        }
        template.Name = name!;
        template.Items = items;
        if (await ApiSave.ChangesAsync(db, l, cancellationToken) is { } stale)
        {
            return stale;
        }
        return TypedResults.Ok(new ScorecardResponse(template.Name, Describe(template.Items), await CurrencyAsync(db, cancellationToken), false, template.Version));
    }

    // The saved scorecard, or the built-in one in the organization's language.
    public static async Task<(string Name, List<ScorecardItem> Items, bool IsDefault, long Version)> CurrentAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var template = await db.ScorecardTemplates.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        if (template is not null)
        {
            return (template.Name, template.Items, false, template.Version);
        }
        var orgId = db.Tenant.RequireOrgId();
        var locale = await db.Organizations.Where(o => o.Id == orgId).Select(o => o.DefaultLocale).SingleAsync(cancellationToken);
        return (ScorecardDefaults.Name(locale), ScorecardDefaults.Items(locale), true, 0);
    }

    public static List<ScorecardItemResponse> Describe(IEnumerable<ScorecardItem> items) => [.. items.Select(i => new ScorecardItemResponse(
        i.Id, i.Kind, i.Metric, i.Metric is { } metric ? GoalMetrics.Of(metric).Unit : null, i.Name, i.Weight, i.Target))];

    public static async Task<string> CurrencyAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var orgId = db.Tenant.RequireOrgId();
        return await db.Organizations.Where(o => o.Id == orgId).Select(o => o.Currency).SingleAsync(cancellationToken);
    }

    // Each line: a kind; a KPI a computed metric of the catalog (and a target within the metric's
    // range, if any); a competency a name; a weight of 1–100. Together: 1–20 lines, weights adding up to 100.
    private static List<ScorecardItem> Validate(List<ScorecardItemRequest>? requests, FieldErrors errors)
    {
        var l = errors.Localizer;
        var items = new List<ScorecardItem>();
        if (requests is null || requests.Count == 0)
        {
            errors.Add("items", l["Validation.ScorecardEmpty"]);
            return items;
        }
        if (requests.Count > MaxItems)
        {
            errors.Add("items", string.Format(CultureInfo.CurrentCulture, l["Validation.ScorecardTooMany"], MaxItems));
            return items;
        }
        var usedIds = new HashSet<int>();
        for (var i = 0; i < requests.Count; i++)
        {
            var request = requests[i];
            var item = new ScorecardItem();
            if (request.Kind is not { } kind || !Enum.IsDefined(kind))
            {
                errors.Add($"items[{i}].kind", l["Validation.Required"]);
                continue;
            }
            item.Kind = kind;
            item.Name = errors.Text($"items[{i}].name", request.Name, 100, required: kind == ScorecardItemKind.Competency);
            if (kind == ScorecardItemKind.Kpi)
            {
                if (request.Metric is not { } metric || !Enum.IsDefined(metric) || !GoalMetrics.Of(metric).Computed)
                {
                    errors.Add($"items[{i}].metric", l["Validation.ScorecardMetric"]);
                }
                else
                {
                    item.Metric = metric;
                    if (request.Target is { } target)
                    {
                        var (min, max) = GoalMetrics.RangeOf(metric);
                        if (target < Math.Max(min, 1) || target > max)
                        {
                            errors.Add($"items[{i}].target", string.Format(CultureInfo.CurrentCulture, l["Validation.GoalTargetRange"], Math.Max(min, 1), max == long.MaxValue ? "∞" : max));
                        }
                        item.Target = target;
                    }
                }
            }
            if (request.Weight is not { } weight || weight is < 1 or > ScorecardCalculator.WeightTotal)
            {
                errors.Add($"items[{i}].weight", l["Validation.ScorecardWeight"]);
            }
            else
            {
                item.Weight = weight;
            }
            if (request.Id is { } id && id > 0 && usedIds.Add(id))
            {
                item.Id = id;
            }
            items.Add(item);
        }
        // New lines get ids after the highest one kept, so ratings of kept lines still match.
        var next = usedIds.Count == 0 ? 1 : usedIds.Max() + 1;
        foreach (var item in items.Where(i => i.Id == 0))
        {
            item.Id = next++;
        }
        var sum = ScorecardCalculator.WeightSum(items);
        if (!errors.Any && sum != ScorecardCalculator.WeightTotal)
        {
            errors.Add("items", string.Format(CultureInfo.CurrentCulture, l["Validation.ScorecardWeightSum"], sum, ScorecardCalculator.WeightTotal));
        }
        return items;
    }
}
