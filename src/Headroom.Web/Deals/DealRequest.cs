namespace Headroom.Web.Deals;

// Create and update take the same body; Version is required on update. AmountMinor is in whole
// minor units of the organization's currency (fen for CNY). StageId may name an open stage
// only; winning and losing go through the stage change. OwnerId as for accounts.
public sealed record DealRequest(
    string? Name, long? AccountId, long? AmountMinor, long? StageId, DateOnly? ExpectedCloseDate, long? OwnerId, long? Version = null);
