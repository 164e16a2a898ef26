namespace Headroom.Web.Leads;

// Create and update take the same body; Version is required on update. EstimatedValueMinor is in
// whole minor units of the organization's currency. OwnerId as for accounts; the status changes
// through POST /leads/{id}/status.
public sealed record LeadRequest(
    string? Name, string? Company, string? Source, string? Region, string? Language, long? EstimatedValueMinor, long? OwnerId, long? Version = null);
