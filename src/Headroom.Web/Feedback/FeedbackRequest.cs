using Headroom.Feedback;

namespace Headroom.Web.Feedback;

// Create and update take the same body; Version is required on update (optimistic concurrency).
// Score: CSAT 1–5, NPS 0–10. DealId, when given, must be a deal of AccountId.
public sealed record FeedbackRequest(FeedbackKind? Kind, int? Score, long? AccountId, long? DealId, DateOnly? Date, string? Comment, long? Version = null);
