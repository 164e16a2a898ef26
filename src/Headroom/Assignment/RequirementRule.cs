namespace Headroom.Assignment;

// A hard requirement an owner of an item must meet (issue 5: skill and level, territory, language).
public enum RequirementRule
{
    Territory = 0,
    Language = 1,
    Skill = 2,
}
