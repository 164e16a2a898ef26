using System.Net;
using System.Net.Http.Json;
using Headroom.Assignment;
using Headroom.FollowUps;
using Headroom.Organizations;
using Headroom.Tests.Web;
using Headroom.Web.Api;
using Headroom.Web.Assignment;
using Headroom.Web.FollowUps;
using Microsoft.EntityFrameworkCore;

namespace Headroom.Tests.Assignment;

// repA1 of team A is on leave Monday 9 to Friday 13 November 2026 ("now" is Monday 2 November).
[Trait("Category", "Integration")]
public class LeaveCoverApiTests
{
    private sealed record Leave(long TimeOffId, long InLeave, long Overdue);

    private static async Task<Leave> LeaveOfRepA1Async(ApiWorld world)
    {
        await using var db = world.Host.Database.CreateContext(world.Host.OrgId);
        var repA1 = world.MemberIds[ApiWorld.RepA1];
        var timeOff = db.TimeOffs.Add(new TimeOff { MemberId = repA1, StartDate = new DateOnly(2026, 11, 9), EndDate = new DateOnly(2026, 11, 13) }).Entity;
        var inLeave = db.FollowUps.Add(new FollowUp
        {
            Title = "quote for account of repA1", AssigneeId = repA1, AccountId = world.AccountIds[ApiWorld.RepA1], DueUtc = new DateTime(2026, 11, 10, 6, 0, 0, DateTimeKind.Utc), EffortHours = 1,
        }).Entity;
        var overdue = db.FollowUps.Add(new FollowUp { Title = "overdue call", AssigneeId = repA1, DueUtc = new DateTime(2026, 10, 30, 6, 0, 0, DateTimeKind.Utc), EffortHours = 0.5 }).Entity;
        // The disabled user's member stays active; it must not be chosen for the test to be exact.
        (await db.Members.SingleAsync(m => m.Id == world.MemberIds[ApiWorld.Disabled])).Active = false;
        await db.SaveChangesAsync();
        return new Leave(timeOff.Id, inLeave.Id, overdue.Id);
    }

    private static Task<HttpResponseMessage> PlanAsync(ApiWorld world, string principal, long timeOffId) =>
        world.Client(principal).GetAsync(new Uri($"/api/v1/leave-cover/plan?timeOffId={timeOffId}", UriKind.Relative));

    private static Task<HttpResponseMessage> ApplyAsync(ApiWorld world, string principal, long timeOffId, params (long FollowUp, long Cover)[] lines) =>
        world.Client(principal).PostAsJsonAsync("/api/v1/leave-cover",
            new CoverApplyRequest(timeOffId, [.. lines.Select(l => new CoverLineRequest(l.FollowUp, l.Cover, null))]), ApiWorld.Json);

    [Fact]
    public async Task Plan_IsForTheMembersManagerOrAnAdmin_ReadOnly()
    {
        await using var world = await ApiWorld.CreateAsync();
        var leave = await LeaveOfRepA1Async(world);

        var response = await PlanAsync(world, ApiWorld.ManagerA, leave.TimeOffId);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var plan = await response.Content.ReadFromJsonAsync<CoverPlanResponse>(ApiWorld.Json);
        Assert.Equal([leave.InLeave, leave.Overdue], plan!.Lines.Select(l => l.Line.FollowUpId).Order());
        Assert.All(plan.Lines, l => Assert.Equal(world.MemberIds[ApiWorld.RepA2], l.Line.CoverMemberId));
        Assert.All(plan.Lines, l => Assert.Contains("to repA2", l.Explanation, StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, (await PlanAsync(world, ApiWorld.Admin, leave.TimeOffId)).StatusCode);

        Assert.Equal(HttpStatusCode.Forbidden, (await PlanAsync(world, ApiWorld.RepA1, leave.TimeOffId)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PlanAsync(world, ApiWorld.RepA2, leave.TimeOffId)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PlanAsync(world, ApiWorld.ManagerB, leave.TimeOffId)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PlanAsync(world, ApiWorld.OtherAdmin, leave.TimeOffId)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PlanAsync(world, ApiWorld.Anonymous, leave.TimeOffId)).StatusCode);
        await using var db = world.Host.Database.CreateContext(world.Host.OrgId);
        Assert.False(await db.LeaveCovers.AnyAsync());
    }

    [Fact]
    public async Task Apply_LetsTheCoverMemberSeeAndCompleteTheFollowUp_UntilTheManagerEndsTheCover()
    {
        await using var world = await ApiWorld.CreateAsync();
        var leave = await LeaveOfRepA1Async(world);
        var repA2 = world.MemberIds[ApiWorld.RepA2];

        Assert.Equal(HttpStatusCode.NotFound, (await world.Client(ApiWorld.RepA2).GetAsync(new Uri($"/api/v1/followups/{leave.InLeave}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ApplyAsync(world, ApiWorld.RepA1, leave.TimeOffId, (leave.InLeave, repA2))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ApplyAsync(world, ApiWorld.ManagerB, leave.TimeOffId, (leave.InLeave, world.MemberIds[ApiWorld.RepB]))).StatusCode);
        var applied = await ApplyAsync(world, ApiWorld.ManagerA, leave.TimeOffId, (leave.InLeave, repA2), (leave.Overdue, repA2));
        Assert.Equal(HttpStatusCode.Created, applied.StatusCode);
        var cover = await applied.Content.ReadFromJsonAsync<CoverResponse>(ApiWorld.Json);
        Assert.Equal((LeaveCoverState.Planned, 2), (cover!.State, cover.Lines.Count));

        // The cover member sees it among their own work, marked, and may complete it.
        var mine = await world.Client(ApiWorld.RepA2).GetFromJsonAsync<FollowUpList>("/api/v1/followups?view=Mine", ApiWorld.Json);
        var covered = Assert.Single(mine!.Items, f => f.Id == leave.InLeave);
        Assert.Equal((world.MemberIds[ApiWorld.RepA1], (long?)repA2, "repA2"), (covered.AssigneeId!.Value, covered.CoverMemberId, covered.CoverMemberName));
        var done = await world.Client(ApiWorld.RepA2).PostAsJsonAsync($"/api/v1/followups/{leave.Overdue}/done", new MarkDoneRequest(mine.Items.Single(f => f.Id == leave.Overdue).Version), ApiWorld.Json);
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await world.Client(ApiWorld.RepB).GetAsync(new Uri($"/api/v1/followups/{leave.InLeave}", UriKind.Relative))).StatusCode);
        // The cover member sees the cover they take part in; a rep of another team does not.
        Assert.Equal(1, (await world.Client(ApiWorld.RepA2).GetFromJsonAsync<PagedList<CoverResponse>>("/api/v1/leave-cover", ApiWorld.Json))!.Total);
        Assert.Equal(0, (await world.Client(ApiWorld.RepB).GetFromJsonAsync<PagedList<CoverResponse>>("/api/v1/leave-cover", ApiWorld.Json))!.Total);
        Assert.Equal(HttpStatusCode.NotFound, (await world.Client(ApiWorld.OtherAdmin).GetAsync(new Uri($"/api/v1/leave-cover/{cover.Id}", UriKind.Relative))).StatusCode);

        // A second plan for the same leave is refused while this one lasts.
        Assert.Equal(HttpStatusCode.Conflict, (await ApplyAsync(world, ApiWorld.ManagerA, leave.TimeOffId, (leave.InLeave, repA2))).StatusCode);

        Assert.Equal(HttpStatusCode.Forbidden, (await world.Client(ApiWorld.RepA1).PostAsync(new Uri($"/api/v1/leave-cover/{cover.Id}/end", UriKind.Relative), null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await world.Client(ApiWorld.ManagerB).PostAsync(new Uri($"/api/v1/leave-cover/{cover.Id}/end", UriKind.Relative), null)).StatusCode);
        var ended = await world.Client(ApiWorld.ManagerA).PostAsync(new Uri($"/api/v1/leave-cover/{cover.Id}/end", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.OK, ended.StatusCode);
        Assert.Equal(LeaveCoverState.Returned, (await ended.Content.ReadFromJsonAsync<CoverResponse>(ApiWorld.Json))!.State);
        Assert.Equal(HttpStatusCode.NotFound, (await world.Client(ApiWorld.RepA2).GetAsync(new Uri($"/api/v1/followups/{leave.InLeave}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await world.Client(ApiWorld.ManagerA).PostAsync(new Uri($"/api/v1/leave-cover/{cover.Id}/end", UriKind.Relative), null)).StatusCode);

        await using var db = world.Host.Database.CreateContext(world.Host.OrgId);
        var log = await db.AssignmentLog.Where(e => e.Source == AssignmentSource.LeaveCover).OrderBy(e => e.Id).Select(e => new { e.ItemId, e.FromMemberId, e.ToMemberId, e.Source, e.Reason }).ToListAsync();
        // Two handed over, one handed back (the other was done by then).
        Assert.Equal(3, log.Count);
        Assert.All(log, e => Assert.Equal(AssignmentSource.LeaveCover, e.Source));
        Assert.Equal((leave.InLeave, (long?)repA2, (long?)world.MemberIds[ApiWorld.RepA1], LeaveCoverService.EndedEarly), (log[2].ItemId, log[2].FromMemberId, log[2].ToMemberId, log[2].Reason));
        var overdue = await db.FollowUps.SingleAsync(f => f.Id == leave.Overdue);
        Assert.Equal((FollowUpStatus.Done, (long?)world.MemberIds[ApiWorld.RepA1]), (overdue.Status, overdue.AssigneeId));
    }

    [Fact]
    public async Task Apply_RefusesAStaleLine_NamingIt_AndACoverOutsideTheScope_NamingTheField()
    {
        await using var world = await ApiWorld.CreateAsync();
        var leave = await LeaveOfRepA1Async(world);
        await using (var db = world.Host.Database.CreateContext(world.Host.OrgId))
        {
            (await db.FollowUps.SingleAsync(f => f.Id == leave.Overdue)).Status = FollowUpStatus.Cancelled;
            await db.SaveChangesAsync();
        }

        var stale = await ApplyAsync(world, ApiWorld.ManagerA, leave.TimeOffId, (leave.InLeave, world.MemberIds[ApiWorld.RepA2]), (leave.Overdue, world.MemberIds[ApiWorld.RepA2]));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("overdue call", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var outside = await ApplyAsync(world, ApiWorld.ManagerA, leave.TimeOffId, (leave.InLeave, world.MemberIds[ApiWorld.RepB]));
        Assert.Equal(HttpStatusCode.BadRequest, outside.StatusCode);
        Assert.Contains("lines[0].coverMemberId", await outside.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var empty = await ApplyAsync(world, ApiWorld.ManagerA, leave.TimeOffId);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("\"lines\"", await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await using var read = world.Host.Database.CreateContext(world.Host.OrgId);
        Assert.False(await read.FollowUps.AnyAsync(f => f.CoverMemberId != null));
        Assert.False(await read.AssignmentLog.AnyAsync(e => e.Source == AssignmentSource.LeaveCover));
    }

    [Fact]
    public async Task ReadingCovers_AfterTheLeave_ReturnsTheWork_AndDeletingTheLeaveReturnsItToo()
    {
        await using var world = await ApiWorld.CreateAsync();
        var leave = await LeaveOfRepA1Async(world);
        var repA2 = world.MemberIds[ApiWorld.RepA2];
        Assert.Equal(HttpStatusCode.Created, (await ApplyAsync(world, ApiWorld.ManagerA, leave.TimeOffId, (leave.InLeave, repA2))).StatusCode);

        // Saturday 14 November in Shanghai: the leave is over.
        world.Host.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 14, 1, 0, 0, TimeSpan.Zero));
        var client = world.Host.CreateClient();
        await WebTestHost.SignInAsync(client, "managerA@example.com");
        var list = await client.GetFromJsonAsync<PagedList<CoverResponse>>("/api/v1/leave-cover", ApiWorld.Json);
        Assert.Equal(LeaveCoverState.Returned, Assert.Single(list!.Items).State);
        await using (var db = world.Host.Database.CreateContext(world.Host.OrgId))
        {
            Assert.Null((await db.FollowUps.SingleAsync(f => f.Id == leave.InLeave)).CoverMemberId);
            var back = await db.AssignmentLog.OrderByDescending(e => e.Id).FirstAsync();
            Assert.Equal(("system", LeaveCoverService.ReturnedAfterLeave, (long?)repA2), (back.ActorName, back.Reason, back.FromMemberId));
        }
    }

    [Fact]
    public async Task DeletingTheLeave_ReturnsItsCover()
    {
        await using var world = await ApiWorld.CreateAsync();
        var leave = await LeaveOfRepA1Async(world);
        Assert.Equal(HttpStatusCode.Created, (await ApplyAsync(world, ApiWorld.ManagerA, leave.TimeOffId, (leave.InLeave, world.MemberIds[ApiWorld.RepA2]))).StatusCode);

        var deleted = await world.Client(ApiWorld.ManagerA).DeleteAsync(new Uri($"/api/v1/members/{world.MemberIds[ApiWorld.RepA1]}/timeoff/{leave.TimeOffId}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await using var db = world.Host.Database.CreateContext(world.Host.OrgId);
        Assert.Null((await db.FollowUps.SingleAsync(f => f.Id == leave.InLeave)).CoverMemberId);
        var cover = await db.LeaveCovers.SingleAsync();
        Assert.Equal(((long?)null, LeaveCoverService.LeaveDeleted), (cover.TimeOffId, cover.ReturnReason));
    }
}
