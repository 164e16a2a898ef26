namespace Headroom.Web.Leads;

// Create and update take the same body; Version is required on update. EstimatedValueMinor is in
// whole minor units of the organization's currency. OwnerId as for accounts; the status changes
// through POST /leads/{id}/status. Route (create only, managers and admins, no ownerId) leaves the
// owner to the first auto-routing assignment queue that takes the lead (docs/decisions/0028).
public sealed record LeadRequest(
    string? Name, string? Company, string? Source, string? Region, string? Language, long? EstimatedValueMinor, long? OwnerId, long? Version = null, bool? Route = null);
