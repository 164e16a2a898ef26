using Headroom.Feedback;

namespace Headroom.Web.Feedback;

public sealed class FeedbackForm
{
    public FeedbackKind Kind { get; set; } = FeedbackKind.Csat;
    public string? Score { get; set; }
    public string? AccountId { get; set; }
    public string? DealId { get; set; }
    public DateOnly? Date { get; set; }
    public string? Comment { get; set; }
    public long Version { get; set; }
}
