using Headroom.Common;

namespace Headroom.Feedback;

public class CustomerFeedback : TenantEntity, IVersioned, IExternallyIdentified
{
    public FeedbackKind Kind { get; set; }
    // CSAT 1–5 or NPS 0–10, checked against Kind.
    public int Score { get; set; }
    public long AccountId { get; set; }
    public long? DealId { get; set; }
    public DateOnly Date { get; set; }
    public string? Comment { get; set; }
    public string? ExternalId { get; set; }
    public long Version { get; set; }
}

public enum FeedbackKind
{
    Csat = 0,
    Nps = 1,
}
