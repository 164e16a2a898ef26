using System.Security.Claims;
using Headroom.Assignment;
using Headroom.Data;
using Headroom.Organizations;
using Headroom.Web.Api;
using Headroom.Web.Auth;
using Headroom.Web.Localization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Headroom.Web.Members;

// Leave belongs to a member: whoever may see the member may list, enter and delete their leave
// (an admin anyone's, a manager their team's, a rep their own; docs/decisions/0015).
public static class TimeOffApi
{
    public const int MaxDays = 366;

    public static void MapTimeOffApi(this RouteGroupBuilder api)
    {
        var leave = api.MapGroup("/members/{memberId:long}/timeoff").WithTags("Members");
        leave.MapGet("/", ListTimeOff).WithSummary("A member's leave, latest first, paged.");
        leave.MapPost("/", CreateTimeOff).WithSummary("Enter leave for a member: whole days, end on or after start, not overlapping other leave.");
        leave.MapDelete("/{id:long}", DeleteTimeOff).WithSummary("Delete one leave entry of a member.");
    }

    public static async Task<Results<Ok<PagedList<TimeOffResponse>>, NotFound>> ListTimeOff(
        long memberId, [AsParameters] PageQuery paging, AppDbContext db, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var scope = await AccessScope.ForMemberAsync(db, user.GetMemberId(), cancellationToken);
        if (!await scope.Members(db).AnyAsync(m => m.Id == memberId, cancellationToken))
        {
            return TypedResults.NotFound();
        }
        var query = db.TimeOffs.Where(t => t.MemberId == memberId);
        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderByDescending(t => t.StartDate).ThenBy(t => t.Id).Skip(paging.Skip).Take(paging.Size)
            .Select(t => new TimeOffResponse(t.Id, t.MemberId, t.StartDate, t.EndDate, t.Kind, t.Note, t.Version)).ToListAsync(cancellationToken);
        return TypedResults.Ok(new PagedList<TimeOffResponse>(items, total, paging.PageNumber, paging.Size));
    }

    public static async Task<Results<Created<TimeOffResponse>, NotFound, ValidationProblem>> CreateTimeOff(
        long memberId, TimeOffRequest request, AppDbContext db, ClaimsPrincipal user, IStringLocalizer<Strings> l, CancellationToken cancellationToken)
    {
        var scope = await AccessScope.ForMemberAsync(db, user.GetMemberId(), cancellationToken);
        if (!await scope.Members(db).AnyAsync(m => m.Id == memberId, cancellationToken))
        {
            return TypedResults.NotFound();
        }
        var errors = new FieldErrors(l);
        if (request.StartDate is null)
        {
            errors.Add("startDate", l["Validation.Required"]);
        }
        if (request.EndDate is null)
        {
            errors.Add("endDate", l["Validation.Required"]);
        }
        if (request.StartDate is { } start && request.EndDate is { } end)
        {
            if (end < start)
            {
                errors.Add("endDate", l["Validation.EndBeforeStart"]);
            }
            else if (end.DayNumber - start.DayNumber + 1 > MaxDays)
            {
                errors.Add("endDate", string.Format(System.Globalization.CultureInfo.CurrentCulture, l["Validation.LeaveTooLong"], MaxDays));
            }
            else if (await db.TimeOffs.AnyAsync(t => t.MemberId == memberId && t.StartDate <= end && t.EndDate >= start, cancellationToken))
            {
                errors.Add("startDate", l["Validation.LeaveOverlaps"]);
            }
        }
        if (request.Kind is { } kind && !Enum.IsDefined(kind))
        {
            errors.Add("kind", l["Validation.Required"]);
        }
        var note = errors.Text("note", request.Note, 500, required: false);
        if (errors.Any)
        {
            return ApiProblems.Fields(errors);
        }
        var timeOff = new TimeOff { MemberId = memberId, StartDate = request.StartDate!.Value, EndDate = request.EndDate!.Value, Kind = request.Kind ?? TimeOffKind.Vacation, Note = note };
        db.TimeOffs.Add(timeOff);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/members/{memberId}/timeoff/{timeOff.Id}",
            new TimeOffResponse(timeOff.Id, memberId, timeOff.StartDate, timeOff.EndDate, timeOff.Kind, timeOff.Note, timeOff.Version));
    }

    public static async Task<Results<NoContent, NotFound>> DeleteTimeOff(
        long memberId, long id, AppDbContext db, ClaimsPrincipal user, TimeProvider clock, CancellationToken cancellationToken)
    {
        var scope = await AccessScope.ForMemberAsync(db, user.GetMemberId(), cancellationToken);
        if (!await scope.Members(db).AnyAsync(m => m.Id == memberId, cancellationToken))
        {
            return TypedResults.NotFound();
        }
        var timeOff = await db.TimeOffs.SingleOrDefaultAsync(t => t.Id == id && t.MemberId == memberId, cancellationToken);
        if (timeOff is null)
        {
            return TypedResults.NotFound();
        }
        // No leave, no cover: its follow-ups go back to their owner in the same save.
        var covers = await db.LeaveCovers.Where(c => c.TimeOffId == timeOff.Id && c.ReturnedUtc == null).ToListAsync(cancellationToken);
        if (covers.Count > 0)
        {
            var name = await db.Members.Where(m => m.Id == scope.MemberId).Select(m => m.Name).SingleAsync(cancellationToken);
            await LeaveCoverService.ReturnAsync(db, new AssignmentActor(scope.MemberId, name), covers, LeaveCoverService.LeaveDeleted, clock.GetUtcNow().UtcDateTime, cancellationToken);
        }
        db.TimeOffs.Remove(timeOff);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }
}
