namespace Headroom.Web.Members;

// A skill and how well the member has it, 1 (novice) to 5 (expert).
public sealed record SkillLevel(string Skill, int Level);
