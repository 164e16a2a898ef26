namespace Headroom.Assignment;

// An unowned lead a queue may hand out, with what it requires of its owner.
public sealed record QueueLead(
    long Id,
    string Name,
    string? Company,
    string? Source,
    string? Region,
    string? Language,
    string? RequiredSkill,
    int? RequiredSkillLevel,
    long Version);
