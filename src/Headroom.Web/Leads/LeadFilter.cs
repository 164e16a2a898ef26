using Headroom.Leads;

namespace Headroom.Web.Leads;

// Name matches the lead's or the company's name.
public sealed record LeadFilter(string? Name, LeadStatus? Status, long? OwnerId, string? Source, string? Region);
