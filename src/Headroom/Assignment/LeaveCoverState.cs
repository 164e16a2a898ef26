namespace Headroom.Assignment;

// Planned: applied, the leave has not begun (the work is already in the cover member's hands).
// Active: the member is on leave. Returned: the open work went back to its owner.
public enum LeaveCoverState
{
    Planned = 0,
    Active = 1,
    Returned = 2,
}
