namespace Headroom.Assignment;

// How a queue hands out work; a manager picks one per queue. Balanced is the optimizer.
public enum AssignmentStrategy
{
    RoundRobin,
    WeightedRoundRobin,
    LeastLoaded,
    Balanced,
}
