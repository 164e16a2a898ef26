namespace Headroom.Web.Teams;

public sealed record TeamFilter(string? Name, long? ParentTeamId, long? ManagerId);
