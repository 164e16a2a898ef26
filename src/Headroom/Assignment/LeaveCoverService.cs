using System.Globalization;
using Headroom.Data;
using Headroom.FollowUps;
using Headroom.Organizations;
using Headroom.Workload;
using Microsoft.EntityFrameworkCore;

namespace Headroom.Assignment;

// Applies a leave cover and returns it (docs/decisions/0029). Applying gives each follow-up of the
// plan a cover member — the owner stays — and logs owner → cover; returning clears the cover and
// logs cover → owner for the follow-ups still open. Each is one SaveChanges: a refused line
// leaves nothing written.
public static class LeaveCoverService
{
    public const string ReturnedAfterLeave = "returned after leave";
    public const string EndedEarly = "cover ended early";
    public const string LeaveDeleted = "leave deleted";

    public static async Task<CoverApplyOutcome> ApplyAsync(
        AppDbContext db,
        AccessScope scope,
        AssignmentActor actor,
        TimeOff timeOff,
        IReadOnlyList<CoverChange> lines,
        DateTime nowUtc,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(timeOff);
        ArgumentNullException.ThrowIfNull(lines);
        var problems = new List<CoverProblem>();
        if (await db.LeaveCovers.AnyAsync(c => c.TimeOffId == timeOff.Id && c.ReturnedUtc == null, cancellationToken))
        {
            return new CoverApplyOutcome(null, [], [new CoverProblem(-1, 0, CoverProblemKind.AlreadyCovered, null)]);
        }
        var coverIds = lines.Select(l => l.CoverMemberId).Distinct().ToList();
        var covers = await scope.Members(db).Where(m => m.Active && m.Id != timeOff.MemberId && coverIds.Contains(m.Id))
            .Select(m => new { m.Id, m.Name }).ToDictionaryAsync(m => m.Id, m => m.Name, cancellationToken);
        // A cover member must not be on leave themself on a day of this leave.
        var away = await db.TimeOffs.Where(t => coverIds.Contains(t.MemberId) && t.StartDate <= timeOff.EndDate && t.EndDate >= timeOff.StartDate)
            .Select(t => t.MemberId).Distinct().ToListAsync(cancellationToken);
        var followUpIds = lines.Select(l => l.FollowUpId).ToList();
        var followUps = await scope.FollowUps(db).Where(f => followUpIds.Contains(f.Id)).ToDictionaryAsync(f => f.Id, cancellationToken);

        var cover = new LeaveCover
        {
            MemberId = timeOff.MemberId, TimeOffId = timeOff.Id, StartDate = timeOff.StartDate, EndDate = timeOff.EndDate,
            CreatedByMemberId = actor.MemberId, CreatedByName = actor.Name,
        };
        var batch = Guid.NewGuid();
        var entries = new List<AssignmentLogEntry>();
        var seen = new HashSet<long>();
        var reason = string.Create(CultureInfo.InvariantCulture, $"leave cover {timeOff.StartDate:yyyy-MM-dd} to {timeOff.EndDate:yyyy-MM-dd}");
        for (var index = 0; index < lines.Count; index++)
        {
            var line = lines[index];
            if (!followUps.TryGetValue(line.FollowUpId, out var followUp))
            {
                problems.Add(new CoverProblem(index, line.FollowUpId, CoverProblemKind.NotFound, null));
                continue;
            }
            if (!seen.Add(followUp.Id))
            {
                problems.Add(new CoverProblem(index, line.FollowUpId, CoverProblemKind.Duplicate, followUp.Title));
                continue;
            }
            // Changed since the preview: done, given to someone else, or covered already.
            if (followUp.AssigneeId != timeOff.MemberId || followUp.Status != FollowUpStatus.Open || followUp.CoverMemberId is not null)
            {
                problems.Add(new CoverProblem(index, line.FollowUpId, CoverProblemKind.Stale, followUp.Title));
                continue;
            }
            if (!covers.TryGetValue(line.CoverMemberId, out var coverName) || away.Contains(line.CoverMemberId))
            {
                problems.Add(new CoverProblem(index, line.FollowUpId, CoverProblemKind.BadCover, followUp.Title));
                continue;
            }
            followUp.CoverMemberId = line.CoverMemberId;
            cover.FollowUps.Add(followUp);
            var explanation = string.IsNullOrWhiteSpace(line.Explanation) ? null : line.Explanation.Trim()[..Math.Min(line.Explanation.Trim().Length, 1000)];
            cover.Lines.Add(new LeaveCoverLine { FollowUpId = followUp.Id, CoverMemberId = line.CoverMemberId, Explanation = explanation });
            entries.Add(Entry(actor, followUp, timeOff.MemberId, line.CoverMemberId, reason, nowUtc, batch));
        }
        if (lines.Count == 0)
        {
            problems.Add(new CoverProblem(-1, 0, CoverProblemKind.Empty, null));
        }
        if (problems.Count > 0)
        {
            db.ChangeTracker.Clear();
            return new CoverApplyOutcome(null, [], problems);
        }
        db.LeaveCovers.Add(cover);
        db.AssignmentLog.AddRange(entries);
        await db.SaveChangesAsync(cancellationToken);
        return new CoverApplyOutcome(cover, entries, []);
    }

    // Covers whose leave has ended (the member's local date is past its last day) go back to their
    // owners. Idempotent: a returned cover is never returned again.
    public static async Task<IReadOnlyList<AssignmentLogEntry>> ReturnDueAsync(
        AppDbContext db, AssignmentActor actor, DateTime nowUtc, CancellationToken cancellationToken = default)
    {
        var orgId = db.Tenant.RequireOrgId();
        var orgZone = await db.Organizations.Where(o => o.Id == orgId).Select(o => o.TimeZoneId).SingleAsync(cancellationToken);
        // No zone is more than a day ahead of UTC, so covers ending after tomorrow's UTC date are not due.
        var latest = DateOnly.FromDateTime(nowUtc).AddDays(1);
        var open = await db.LeaveCovers.Where(c => c.ReturnedUtc == null && c.EndDate < latest)
            .Join(db.Members, c => c.MemberId, m => m.Id, (c, m) => new { Cover = c, m.TimeZoneId })
            .OrderBy(c => c.Cover.Id)
            .ToListAsync(cancellationToken);
        var due = open.Where(c => WorkloadScorer.LocalDate(nowUtc, TimeZoneInfo.FindSystemTimeZoneById(c.TimeZoneId ?? orgZone)) > c.Cover.EndDate)
            .Select(c => c.Cover).ToList();
        if (due.Count == 0)
        {
            return [];
        }
        var entries = await ReturnAsync(db, actor, due, ReturnedAfterLeave, nowUtc, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return entries;
    }

    // A manager ends a cover before the leave is over (the member came back early, or the plan
    // was wrong): the same as the return after the leave, with its own reason.
    public static async Task<IReadOnlyList<AssignmentLogEntry>> EndAsync(
        AppDbContext db, AssignmentActor actor, LeaveCover cover, DateTime nowUtc, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cover);
        if (cover.ReturnedUtc is not null)
        {
            return [];
        }
        var entries = await ReturnAsync(db, actor, [cover], EndedEarly, nowUtc, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return entries;
    }

    // Clears the cover on every follow-up it still holds (done ones too: the cover member's access
    // ends with the cover) and logs cover → owner for those still open. The caller saves.
    public static async Task<List<AssignmentLogEntry>> ReturnAsync(
        AppDbContext db, AssignmentActor actor, IReadOnlyList<LeaveCover> covers, string reason, DateTime nowUtc, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(covers);
        var ids = covers.Select(c => c.Id).ToList();
        var followUps = await db.FollowUps.Where(f => f.LeaveCoverId != null && ids.Contains(f.LeaveCoverId.Value)).OrderBy(f => f.Id).ToListAsync(cancellationToken);
        var batch = Guid.NewGuid();
        var entries = new List<AssignmentLogEntry>();
        foreach (var followUp in followUps)
        {
            if (followUp.Status == FollowUpStatus.Open && followUp.CoverMemberId is { } coverMember)
            {
                entries.Add(Entry(actor, followUp, coverMember, followUp.AssigneeId, reason, nowUtc, batch));
            }
            followUp.CoverMemberId = null;
            followUp.LeaveCoverId = null;
        }
        foreach (var cover in covers)
        {
            cover.ReturnedUtc = nowUtc;
            cover.ReturnReason = reason;
        }
        db.AssignmentLog.AddRange(entries);
        return entries;
    }

    private static AssignmentLogEntry Entry(AssignmentActor actor, FollowUp followUp, long? from, long? to, string reason, DateTime nowUtc, Guid batch) => new()
    {
        AtUtc = nowUtc, ActorMemberId = actor.MemberId, ActorName = actor.Name, ItemKind = RebalanceItemKind.FollowUp, ItemId = followUp.Id,
        ItemLabel = followUp.Title.Length > 300 ? followUp.Title[..300] : followUp.Title, FromMemberId = from, ToMemberId = to, Reason = reason,
        Source = AssignmentSource.LeaveCover, BatchId = batch,
    };
}

// One line of a cover plan to apply: the follow-up and the colleague who covers it.
public sealed record CoverChange(long FollowUpId, long CoverMemberId, string? Explanation = null);

public enum CoverProblemKind
{
    NotFound = 0,
    Stale = 1,
    BadCover = 2,
    Duplicate = 3,
    AlreadyCovered = 4,
    Empty = 5,
}

// Index -1: a problem of the whole plan, not of a line.
public sealed record CoverProblem(int Index, long FollowUpId, CoverProblemKind Problem, string? Label);

public sealed record CoverApplyOutcome(LeaveCover? Cover, IReadOnlyList<AssignmentLogEntry> Entries, IReadOnlyList<CoverProblem> Problems)
{
    public bool Applied => Problems.Count == 0;
}
