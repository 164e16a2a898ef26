namespace Headroom.Web.Leads;

// Converting a lead: into an existing account (AccountId) or a new one (AccountName, default the
// lead's company or name); optionally a contact at that account and a deal (amount in minor
// units of the organization's currency, default the lead's estimated value; stage default the
// first open stage).
public sealed record LeadConversionRequest(
    long? Version,
    long? AccountId = null,
    string? AccountName = null,
    string? ContactName = null,
    bool CreateDeal = true,
    string? DealName = null,
    long? DealAmountMinor = null,
    long? StageId = null,
    DateOnly? ExpectedCloseDate = null);

public sealed record LeadConversionResponse(long LeadId, long AccountId, long? ContactId, long? DealId);
