namespace Headroom.Web.Contacts;

public sealed class ContactForm
{
    public string? Name { get; set; }
    public string? Title { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string? AccountId { get; set; }
    public long Version { get; set; }
}
