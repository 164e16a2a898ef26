namespace Headroom.Web.Members;

public sealed class InviteForm
{
    public string? Password { get; set; }
    public string? Confirm { get; set; }
}
