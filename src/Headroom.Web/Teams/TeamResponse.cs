namespace Headroom.Web.Teams;

public sealed record TeamResponse(
    long Id, string Name, long? ParentTeamId, string? ParentTeamName, long? ManagerId, string? ManagerName, int MemberCount, int SubTeamCount, long Version);
