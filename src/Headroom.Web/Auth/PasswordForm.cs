namespace Headroom.Web.Auth;

public sealed class PasswordForm
{
    public string? Current { get; set; }
    public string? New { get; set; }
    public string? Confirm { get; set; }
}
