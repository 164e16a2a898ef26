namespace Headroom.Assignment;

// Whether a member of the queue's team takes leads from it in this run, and if not, why.
public enum QueueRepStatus
{
    Takes,
    OnLeaveToday,
    // The queue's weight for them is 0.
    LeftOut,
    // No working time left in the horizon.
    NoCapacity,
    // At the target utilization or the most open leads the queue allows.
    Full,
}
