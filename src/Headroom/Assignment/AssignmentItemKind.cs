namespace Headroom.Assignment;

public enum AssignmentItemKind
{
    Lead,
    Account,
    FollowUp,
}
