namespace Headroom.Assignment;

// A hard requirement of an item that a receiver picked for it lacks: the rule and the value it asks
// for ("苏州", "fr-FR", "Negotiation 3").
public sealed record UnmetRequirement(RequirementRule Rule, string? Value);
