using Headroom.Leads;

namespace Headroom.Web.Leads;

// EstimatedValueMinor is in whole minor units of Currency (ISO 4217).
public sealed record LeadResponse(
    long Id, string Name, string? Company, string? Source, string? Region, string? Language,
    long EstimatedValueMinor, string Currency, LeadStatus Status, long? OwnerId, string? OwnerName, DateTime UpdatedUtc, long Version);
