using Headroom.Deals;

namespace Headroom.Web.Deals;

// AmountMinor is in whole minor units of Currency (ISO 4217): 1234567 with CNY is ¥12,345.67.
public sealed record DealResponse(
    long Id, string Name, long AccountId, string AccountName, long? OwnerId, string? OwnerName,
    long AmountMinor, string Currency, long StageId, string StageName, DealOutcome Outcome,
    DateOnly? ExpectedCloseDate, DateTime? ClosedUtc, string? LostReason, DateTime UpdatedUtc, long Version);
