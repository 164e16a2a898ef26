namespace Headroom.Web.Contacts;

// Create and update take the same body; Version is required on update (optimistic concurrency).
// AccountId is required: a contact is seen and edited through its account.
public sealed record ContactRequest(string? Name, string? Title, string? Email, string? Phone, long? AccountId, long? Version = null);
