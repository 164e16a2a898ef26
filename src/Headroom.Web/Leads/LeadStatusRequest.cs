using Headroom.Leads;

namespace Headroom.Web.Leads;

public sealed record LeadStatusRequest(LeadStatus? Status, long? Version);
