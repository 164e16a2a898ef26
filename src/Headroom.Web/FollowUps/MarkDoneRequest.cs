namespace Headroom.Web.FollowUps;

public sealed record MarkDoneRequest(long? Version);
