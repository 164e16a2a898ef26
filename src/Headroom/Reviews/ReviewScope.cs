using Headroom.Data;
using Headroom.Organizations;

namespace Headroom.Reviews;

// Who may read and do what in reviews (docs/decisions/0026), on top of AccessScope: an admin the
// whole organization; a manager the reviews of the members of their teams with every sub-team (and
// their own); a rep their own. A member never writes the manager part of their own review.
// Cycles are readable when one of their reviews is, or when the reader created them.
public sealed class ReviewScope(AccessScope access)
{
    public AccessScope Access { get; } = access;

    public bool IsAdmin => Access.Role == MemberRole.Admin;

    public bool CanCreateCycles => Access.Role != MemberRole.Rep;

    public IQueryable<Review> Reviews(AppDbContext db)
    {
        if (IsAdmin)
        {
            return db.Reviews;
        }
        var members = Access.Members(db).Select(m => m.Id);
        return db.Reviews.Where(r => members.Contains(r.MemberId));
    }

    public IQueryable<ReviewCycle> Cycles(AppDbContext db)
    {
        if (IsAdmin)
        {
            return db.ReviewCycles;
        }
        var reviews = Reviews(db);
        return db.ReviewCycles.Where(c => c.CreatedById == Access.MemberId || reviews.Any(r => r.CycleId == c.Id));
    }

    // The manager part: an admin, or a manager over the member — never the member themselves.
    public IQueryable<Review> Rateable(AppDbContext db) => Access.Role == MemberRole.Rep
        ? db.Reviews.Where(_ => false)
        : Reviews(db).Where(r => r.MemberId != Access.MemberId);

    // Advancing a cycle: an admin, or the manager who created it; closing is the admins' (after calibration).
    public bool CanAdvance(ReviewCycle cycle) =>
        IsAdmin || (Access.Role == MemberRole.Manager && cycle.CreatedById == Access.MemberId && cycle.State < ReviewCycleState.Calibration);

    // Whether a reader sees the manager part (ratings, comments, KPIs, scores, calibration): the
    // reviewers always, the member only once the cycle has passed manager review.
    public bool SeesManagerPart(Review review, ReviewCycleState cycleState) =>
        review.MemberId != Access.MemberId || cycleState >= ReviewCycleState.Calibration;

    // Whether a reader sees the self part: the member always, the others once it was submitted (a
    // draft the member never handed in stays theirs, also after the self-review stage).
    public bool SeesSelfPart(Review review) =>
        review.MemberId == Access.MemberId || review.SelfSubmittedUtc is not null;
}
