namespace Headroom.Web.Auth;

public sealed class SetupForm
{
    public string? Organization { get; set; }
    public string? Name { get; set; }
    public string? Email { get; set; }
    public string? Password { get; set; }
}
