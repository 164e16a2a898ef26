namespace Headroom.Assignment;

// The rule or cost that decided an item's owner, as shown in "why this rep".
public enum AssignmentDecision
{
    // Nobody could take it (see UnplacedReason).
    NotPlaced,
    OnlyEligibleRep,
    RoundRobinTurn,
    LeastLoaded,
    // Every other eligible rep would have gone above the plan's maximum utilization (or its item cap).
    Utilization,
    // Another rep could have taken it within the plan's maximum utilization, but at a higher cost.
    Cost,
    // Another rep could have taken it as cheaply; this choice keeps the loads more even.
    Balance,
    // Queues: the rep owns the account of the lead's company, and others were eligible.
    AccountOwner,
}
