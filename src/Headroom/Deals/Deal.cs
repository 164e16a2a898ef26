using Headroom.Accounts;
using Headroom.Common;
using Headroom.Organizations;

namespace Headroom.Deals;

public class Deal : TenantEntity, IVersioned, IExternallyIdentified
{
    public required string Name { get; set; }
    public long AccountId { get; set; }
    public Account? Account { get; set; }
    public long? OwnerId { get; set; }
    public Member? Owner { get; set; }
    // Whole minor units of the organization's currency.
    public long AmountMinor { get; set; }
    public long StageId { get; set; }
    public PipelineStage? Stage { get; set; }
    public DateOnly? ExpectedCloseDate { get; set; }
    public DateTime? ClosedUtc { get; set; }
    public DealOutcome Outcome { get; set; } = DealOutcome.Open;
    public string? LostReason { get; set; }
    public string? ExternalId { get; set; }
    public long Version { get; set; }
}

public enum DealOutcome
{
    Open = 0,
    Won = 1,
    Lost = 2,
}
