namespace Headroom.Assignment;

// Work of a member over the band that no teammate who could receive may hold: every one lacks a
// requirement of it (Reasons says which, with how many teammates each rule ruled out).
public sealed record NotMovableItem(
    RebalanceItemKind Kind, long ItemId, string Label, long OwnerId, string OwnerName, double Hours, IReadOnlyList<RequirementLimit> Reasons);
