namespace Headroom.Web.Teams;

// Create and update take the same body; Version is required on update. A null parent makes a
// top-level team, a null manager a team without one.
public sealed record TeamRequest(string? Name, long? ParentTeamId, long? ManagerId, long? Version = null);
