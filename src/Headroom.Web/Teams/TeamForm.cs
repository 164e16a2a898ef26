namespace Headroom.Web.Teams;

public sealed class TeamForm
{
    public string? Name { get; set; }
    public string? ParentTeamId { get; set; }
    public string? ManagerId { get; set; }
    public long Version { get; set; }
}
