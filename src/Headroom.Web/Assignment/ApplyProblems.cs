using System.Globalization;
using Headroom.Web.Api;
using Headroom.Web.Localization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Headroom.Web.Assignment;

// How an apply of previewed lines (rebalance, queue run, leave cover) answers when it is refused,
// the same way for all three: a race on version tokens is a stale version (409); lines whose item
// changed since the preview are one conflict naming them (409), since only a new preview helps;
// any other refused line is a validation problem on that line's field ("moves[2].toMemberId").
internal static class ApplyProblems
{
    // Runs the apply, turning a lost race into the stale-version problem.
    public static async Task<(T? Outcome, ProblemHttpResult? Problem)> RunAsync<T>(Func<Task<T>> apply, IStringLocalizer<Strings> l)
        where T : class
    {
        try
        {
            return (await apply(), null);
        }
        catch (DbUpdateConcurrencyException)
        {
            return (null, ApiProblems.StaleVersion(l["Problem.StaleVersion"]));
        }
    }

    // The conflict naming the stale lines' items (message has one placeholder), or null when none is.
    public static ProblemHttpResult? Stale<T>(IEnumerable<T> problems, Func<T, bool> isStale, Func<T, string> name, string message)
    {
        var stale = problems.Where(isStale).Select(name).ToList();
        return stale.Count == 0 ? null : ApiProblems.Conflict(string.Format(CultureInfo.CurrentCulture, message, string.Join(", ", stale)));
    }

    // One error per refused line, on "{list}[{index}].{field}" with the localized key's text (filled
    // with the line's arguments, if any); null when there is none.
    public static ValidationProblem? Lines<T>(
        FieldErrors errors, IEnumerable<T> problems, string list, Func<T, int> index, Func<T, (string Field, string Key)> field, Func<T, object[]>? arguments = null)
    {
        foreach (var problem in problems)
        {
            var (name, key) = field(problem);
            errors.Add($"{list}[{index(problem)}].{name}", errors.Localizer[key, arguments?.Invoke(problem) ?? []]);
        }
        return errors.Any ? ApiProblems.Fields(errors) : null;
    }
}
