namespace Headroom.Assignment;

// What the owner of an item must have: a skill at a level, a language and a territory (null: no
// requirement). Assignment queues encode these into the engine (QueueInstance) and rebalance checks
// them directly (Rebalancer); both build them here and compare the same way: names ignoring case,
// languages by primary subtag ("zh-CN" is "zh"), a skill at the required level or above.
public sealed record HardRequirements(string? Skill = null, int SkillLevel = 1, string? Language = null, string? Territory = null)
{
    public const int MaxSkillLevel = 5;

    public static HardRequirements None { get; } = new();

    public bool IsNone => Skill is null && Language is null && Territory is null;

    // A lead's requirements under a queue's toggles; the lead's region is its territory.
    public static HardRequirements ForLead(
        string? requiredSkill, int? requiredSkillLevel, string? language, string? region, bool matchSkill = true, bool matchLanguage = true, bool matchRegion = true)
    {
        var skill = matchSkill ? Clean(requiredSkill) : null;
        return new HardRequirements(
            skill, skill is null ? 1 : Math.Clamp(requiredSkillLevel ?? 1, 1, MaxSkillLevel), matchLanguage ? Clean(language) : null, matchRegion ? Clean(region) : null);
    }

    // A lead's, for whoever works on it outside a queue (rebalance: the lead and its follow-ups): its
    // skill and language. Its region is not one: leads carry region names, members city territories
    // (the queue's region rule is off by default for the same reason, ADR 28).
    public static HardRequirements ForLeadWork(string? requiredSkill, int? requiredSkillLevel, string? language) =>
        ForLead(requiredSkill, requiredSkillLevel, language, null, matchRegion: false);

    // An account's (and what hangs on it: its deals and their follow-ups) — accounts carry a
    // territory and no language or skill.
    public static HardRequirements ForAccount(string? territory) => Clean(territory) is { } value ? new HardRequirements(Territory: value) : None;

    // These and a lead's skill and language: a follow-up on a lead of an account needs both.
    public HardRequirements With(HardRequirements lead)
    {
        ArgumentNullException.ThrowIfNull(lead);
        return new HardRequirements(lead.Skill ?? Skill, lead.Skill is null ? SkillLevel : lead.SkillLevel, lead.Language ?? Language, Territory ?? lead.Territory);
    }

    // The rules the member fails, in the order territory, language, skill; empty when they may hold it.
    public IReadOnlyList<RequirementRule> Unmet(MemberFit fit)
    {
        ArgumentNullException.ThrowIfNull(fit);
        if (IsNone)
        {
            return [];
        }
        var unmet = new List<RequirementRule>(3);
        if (Territory is { } territory && !fit.Territories.Any(t => string.Equals(t, territory, StringComparison.OrdinalIgnoreCase)))
        {
            unmet.Add(RequirementRule.Territory);
        }
        if (Language is { } language && !fit.Languages.Any(l => string.Equals(PrimaryLanguage(l), PrimaryLanguage(language), StringComparison.Ordinal)))
        {
            unmet.Add(RequirementRule.Language);
        }
        if (Skill is { } skill && LevelIn(fit, skill) < SkillLevel)
        {
            unmet.Add(RequirementRule.Skill);
        }
        return unmet;
    }

    public bool MetBy(MemberFit fit) => Unmet(fit).Count == 0;

    // The value a rule asks for, for explanations ("territory 苏州").
    public string? ValueOf(RequirementRule rule) => rule switch
    {
        RequirementRule.Territory => Territory,
        RequirementRule.Language => Language,
        _ => Skill is null ? null : $"{Skill} {SkillLevel}",
    };

    public static int LevelIn(MemberFit fit, string skill)
    {
        ArgumentNullException.ThrowIfNull(fit);
        return fit.Skills.Where(s => string.Equals(s.Key, skill, StringComparison.OrdinalIgnoreCase)).Select(s => s.Value).DefaultIfEmpty(0).Max();
    }

    // "zh-CN", "zh_Hans" and "ZH" are all "zh".
    public static string PrimaryLanguage(string language)
    {
        ArgumentNullException.ThrowIfNull(language);
        var trimmed = language.Trim();
        var dash = trimmed.IndexOfAny(['-', '_']);
        return (dash > 0 ? trimmed[..dash] : trimmed).ToLowerInvariant();
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
