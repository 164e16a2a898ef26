using Headroom.Common;

namespace Headroom.Assignment;

// One change of owner, written in the same SaveChanges as the change itself and never updated or
// deleted (the interceptor refuses it, and so do triggers in the database). Members are kept as
// ids and names without foreign keys so the log outlives a member's removal.
public class AssignmentLogEntry : TenantEntity, IAppendOnly
{
    public DateTime AtUtc { get; set; }
    // The member who made the change; null for the command line and the system.
    public long? ActorMemberId { get; set; }
    public required string ActorName { get; set; }
    public RebalanceItemKind ItemKind { get; set; }
    public long ItemId { get; set; }
    public required string ItemLabel { get; set; }
    public long? FromMemberId { get; set; }
    public long? ToMemberId { get; set; }
    public string? Reason { get; set; }
    public AssignmentSource Source { get; set; }
    // The entries of one applied proposal (or one manual action) share a batch.
    public Guid BatchId { get; set; }
}

public enum AssignmentSource
{
    Manual = 0,
    Rebalance = 1,
    Pool = 2,
    LeaveCover = 3,
    Routing = 4,
}
