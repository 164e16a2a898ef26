namespace Headroom.Assignment;

// A requirement of an item that ruled teammates out as its receiver: the rule, the value it asks
// for ("苏州", "en", "Negotiation 3") and how many teammates who could otherwise receive lack it.
public sealed record RequirementLimit(RequirementRule Rule, string? Value, int Excluded);
