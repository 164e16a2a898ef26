using Headroom.Feedback;

namespace Headroom.Web.Feedback;

// A page of feedback plus the summary over every entry that matches the filter (not only this page).
public sealed record FeedbackList(IReadOnlyList<FeedbackResponse> Items, int Total, int Page, int PageSize, FeedbackSummary Summary);
