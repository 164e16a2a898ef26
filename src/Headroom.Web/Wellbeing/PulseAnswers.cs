using Headroom.Data;
using Headroom.Wellbeing;
using Microsoft.EntityFrameworkCore;

namespace Headroom.Web.Wellbeing;

// One answer per member and week: the first save adds it, later saves in the same week change it.
public static class PulseAnswers
{
    public static async Task<PulseAnswerResponse> SaveAsync(AppDbContext db, long memberId, TimeProvider clock, int energy, int stress, string? comment, CancellationToken cancellationToken)
    {
        var week = await PulseSurvey.CurrentWeekAsync(db, memberId, clock, cancellationToken);
        var answer = await db.PulseResponses.SingleOrDefaultAsync(p => p.MemberId == memberId && p.WeekStart == week, cancellationToken);
        if (answer is null)
        {
            answer = new PulseResponse { MemberId = memberId, WeekStart = week };
            db.PulseResponses.Add(answer);
        }
        (answer.Energy, answer.Stress, answer.Comment) = (energy, stress, comment);
        await db.SaveChangesAsync(cancellationToken);
        return new PulseAnswerResponse(answer.WeekStart, answer.Energy, answer.Stress, answer.Comment);
    }
}
