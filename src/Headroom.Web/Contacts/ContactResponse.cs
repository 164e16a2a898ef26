namespace Headroom.Web.Contacts;

public sealed record ContactResponse(
    long Id, string Name, string? Title, string? Email, string? Phone, long? AccountId, string? AccountName, DateTime UpdatedUtc, long Version);
