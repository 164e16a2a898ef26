using System.Security.Claims;
using Headroom.Data;
using Headroom.Organizations;
using Headroom.Web.Api;
using Headroom.Web.Auth;
using Headroom.Web.Localization;
using Headroom.Wellbeing;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Headroom.Web.Wellbeing;

// The weekly pulse survey (docs/decisions/0019): a member's answers are theirs alone — admins
// included, nobody else reads them; managers and admins read averages of at least three others'.
public static class PulseApi
{
    public const int MaxWeeks = 52;

    public static void MapPulseApi(this RouteGroupBuilder api)
    {
        var pulse = api.MapGroup("/pulse").WithTags("Wellbeing");
        pulse.MapGet("/mine", ListMine).WithSummary("Your own pulse answers, latest week first (nobody else can read them).");
        pulse.MapPut("/mine", AnswerThisWeek).WithSummary("Answer, or change your answer, for your current week: energy and stress 1–5, optional comment.");
        pulse.MapGet("/team", TeamAverages).WithSummary("Managers and admins: average energy and stress per week over the members in scope (yourself left out), only for weeks with at least 3 answers.");
    }

    public static async Task<Ok<List<PulseAnswerResponse>>> ListMine(AppDbContext db, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var memberId = user.GetMemberId();
        var items = await db.PulseResponses.Where(p => p.MemberId == memberId).OrderByDescending(p => p.WeekStart).Take(MaxWeeks)
            .Select(p => new PulseAnswerResponse(p.WeekStart, p.Energy, p.Stress, p.Comment)).ToListAsync(cancellationToken);
        return TypedResults.Ok(items);
    }

    public static async Task<Results<Ok<PulseAnswerResponse>, ValidationProblem>> AnswerThisWeek(
        PulseAnswerRequest request, AppDbContext db, ClaimsPrincipal user, TimeProvider clock, IStringLocalizer<Strings> l, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors(l);
        if (request.Energy is not { } energy || !PulseSurvey.InRange(energy))
        {
            errors.Add("energy", l["Validation.PulseScore"]);
        }
        if (request.Stress is not { } stress || !PulseSurvey.InRange(stress))
        {
            errors.Add("stress", l["Validation.PulseScore"]);
        }
        var comment = errors.Text("comment", request.Comment, PulseSurvey.CommentLength, required: false);
        if (errors.Any)
        {
            return ApiProblems.Fields(errors);
        }
        var answer = await PulseAnswers.SaveAsync(db, user.GetMemberId(), clock, request.Energy!.Value, request.Stress!.Value, comment, cancellationToken);
        return TypedResults.Ok(answer);
    }

    public static async Task<Results<Ok<List<PulseWeekAverage>>, ProblemHttpResult>> TeamAverages(
        int? weeks, AppDbContext db, ClaimsPrincipal user, TimeProvider clock, IStringLocalizer<Strings> l, CancellationToken cancellationToken)
    {
        var scope = await AccessScope.ForMemberAsync(db, user.GetMemberId(), cancellationToken);
        if (scope.Role == MemberRole.Rep)
        {
            return ApiProblems.Forbidden(l["Problem.PulseTeamManagersOnly"]);
        }
        var to = await PulseSurvey.CurrentWeekAsync(db, scope.MemberId, clock, cancellationToken);
        var from = to.AddDays(-7 * (Math.Clamp(weeks ?? 12, 1, MaxWeeks) - 1));
        return TypedResults.Ok(await PulseSurvey.TeamAveragesAsync(db, scope, from, to, cancellationToken));
    }
}

public sealed record PulseAnswerRequest(int? Energy, int? Stress, string? Comment);

public sealed record PulseAnswerResponse(DateOnly WeekStart, int Energy, int Stress, string? Comment);
