using Headroom.Feedback;

namespace Headroom.Web.Feedback;

// Scores and dates are inclusive at both ends.
public sealed record FeedbackFilter(long? AccountId, long? DealId, FeedbackKind? Kind, int? MinScore, int? MaxScore, DateOnly? From, DateOnly? To);
