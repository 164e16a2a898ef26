namespace Headroom.Assignment;

// A salesperson as the engine sees one. CapacityMinutes is working time over the horizon and
// LeaveMinutes the part of it on leave; CurrentLoadMinutes comes from the workload index.
// Languages is a bit set (bit k: language k); SkillLevels[s] is the level in skill s (0: none).
// EffortPercent is how long this rep takes against the standard (seniority: 80 = faster).
// MaxItems caps the number of new items.
public sealed record AssignmentRep(
    long Id,
    long CapacityMinutes,
    long CurrentLoadMinutes,
    long LeaveMinutes = 0,
    bool OptedOut = false,
    int MaxItems = int.MaxValue,
    int? Territory = null,
    int? Team = null,
    ulong Languages = ulong.MaxValue,
    IReadOnlyList<int>? SkillLevels = null,
    int EffortPercent = 100,
    int? Location = null)
{
    public long AvailableMinutes => Math.Max(0, CapacityMinutes - LeaveMinutes);

    public int LevelIn(int skill) => SkillLevels is { } levels && skill >= 0 && skill < levels.Count ? levels[skill] : 0;
}
