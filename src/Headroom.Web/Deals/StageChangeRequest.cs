namespace Headroom.Web.Deals;

public sealed record StageChangeRequest(long? StageId, string? LostReason, long? Version);
