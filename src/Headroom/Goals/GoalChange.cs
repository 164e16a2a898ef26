using Headroom.Common;

namespace Headroom.Goals;

// Append-only history of a goal: who changed what and why. Rows are only ever added; the goal's
// own Version guards concurrent edits, so this has none.
public class GoalChange : TenantEntity
{
    public long GoalId { get; set; }
    public Goal? Goal { get; set; }
    // Null when the command line made the change.
    public long? ChangedById { get; set; }
    public DateTime ChangedUtc { get; set; }
    public GoalChangeKind Kind { get; set; }
    public string? Reason { get; set; }
    public long? OldTarget { get; set; }
    public long? NewTarget { get; set; }
    // A manual goal's reported value before and after (GoalChangeKind.ProgressReported).
    public long? OldActual { get; set; }
    public long? NewActual { get; set; }
}

public enum GoalChangeKind
{
    Created = 0,
    Edited = 1,
    Approved = 2,
    Cascaded = 3,
    // The owner (or a goal setter) reported the value of a manual goal; allowed on a locked goal,
    // since the lock is on the target, not on progress.
    ProgressReported = 4,
}
