using Headroom.Feedback;

namespace Headroom.Web.Feedback;

public sealed record FeedbackResponse(
    long Id, FeedbackKind Kind, int Score, long AccountId, string AccountName, long? DealId, string? DealName,
    DateOnly Date, string? Comment, DateTime UpdatedUtc, long Version);
