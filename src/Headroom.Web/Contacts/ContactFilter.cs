namespace Headroom.Web.Contacts;

// Q searches name, title, email and phone (case-insensitive).
public sealed record ContactFilter(long? AccountId, string? Q);
