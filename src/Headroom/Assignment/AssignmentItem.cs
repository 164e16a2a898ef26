namespace Headroom.Assignment;

// One piece of work to give an owner. A null requirement means "any". Effort is in minutes for a
// rep of standard speed; a rep's EffortPercent scales it, and TravelMinutes is added when the rep
// is based elsewhere than the item's Location (null: no travel). IncumbentRep and PreferredRep
// are rep indexes into AssignmentInstance.Reps.
public sealed record AssignmentItem(
    long Id,
    AssignmentItemKind Kind,
    int EffortMinutes,
    int? Territory = null,
    int? Language = null,
    int? Team = null,
    int? Skill = null,
    int SkillLevel = 0,
    int? Location = null,
    int TravelMinutes = 0,
    int? IncumbentRep = null,
    int? PreferredRep = null);
