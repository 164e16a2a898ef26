using Headroom.Goals;
using Headroom.Reviews;

namespace Headroom.Web.Reviews;

// Request and response records of the reviews API (ScorecardApi, ReviewsApi, ImprovementPlansApi).

public sealed record ScorecardItemRequest(int? Id, ScorecardItemKind? Kind, GoalMetric? Metric, string? Name, int? Weight, long? Target);

public sealed record ScorecardRequest(string? Name, List<ScorecardItemRequest>? Items, long? Version);

public sealed record ScorecardItemResponse(int Id, ScorecardItemKind Kind, GoalMetric? Metric, GoalUnit? Unit, string? Name, int Weight, long? Target);

// IsDefault: the organization has not saved its own yet, and this is the built-in scorecard (version 0).
public sealed record ScorecardResponse(string Name, IReadOnlyList<ScorecardItemResponse> Items, string Currency, bool IsDefault, long Version);

public sealed record ReviewCycleRequest(string? Name, DateOnly? PeriodStart, DateOnly? PeriodEnd, List<long>? TeamIds);

public sealed record AdvanceRequest(long? Version);

public sealed record ReviewCycleSummary(
    long Id, string Name, DateOnly PeriodStart, DateOnly PeriodEnd, ReviewCycleState State, int Reviews, int ManagerSubmitted, long? MyReviewId, long Version);

public sealed record ReviewSummary(
    long Id, long MemberId, string MemberName, string? TeamName, ReviewState State,
    decimal? KpiScore, decimal? CompetencyScore, decimal? OverallScore, decimal? CalibratedScore, string? CalibrationNote, long Version);

public sealed record ReviewCycleDetail(
    long Id, string Name, DateOnly PeriodStart, DateOnly PeriodEnd, ReviewCycleState State, IReadOnlyList<long> TeamIds,
    IReadOnlyList<ScorecardItemResponse> Items, long CreatedById, string CreatedByName, ReviewCycleState? NextState, bool CanAdvance, bool CanCalibrate,
    IReadOnlyList<ReviewSummary> Reviews, long Version);

public sealed record RatingRequest(int? ItemId, int? Rating, string? Comment);

public sealed record SelfReviewRequest(string? SelfReview, List<RatingRequest>? Ratings, bool Submit, long? Version);

public sealed record ManagerReviewRequest(List<RatingRequest>? Ratings, string? Comment, bool Submit, long? Version);

public sealed record CalibrationRequest(decimal? Score, string? Note, long? Version);

public sealed record RatingResponse(int ItemId, int? Rating, string? Comment);

public sealed record KpiLine(int ItemId, GoalMetric Metric, GoalUnit Unit, string? Name, int Weight, long? Actual, long? Target, bool TargetFromGoal, decimal? Score);

// The manager part (ManagerRatings to CalibrationNote) is null for the member until the cycle has
// passed manager review; the self part is null for others until the member submits it. Kpis and the
// scores are live (computed now) until the manager submits, frozen after.
public sealed record ReviewDetail(
    long Id, long CycleId, string CycleName, ReviewCycleState CycleState, DateOnly PeriodStart, DateOnly PeriodEnd,
    long MemberId, string MemberName, ReviewState State, IReadOnlyList<ScorecardItemResponse> Items, string Currency,
    string? SelfReview, IReadOnlyList<RatingResponse>? SelfRatings, DateTime? SelfSubmittedUtc,
    IReadOnlyList<RatingResponse>? ManagerRatings, string? ManagerComment, string? ReviewerName, DateTime? ManagerSubmittedUtc,
    IReadOnlyList<KpiLine>? Kpis, bool KpisFrozen, decimal? KpiScore, decimal? CompetencyScore, decimal? OverallScore,
    decimal? CalibratedScore, string? CalibrationNote,
    bool CanEditSelf, bool CanRate, bool CanCalibrate, bool CanPlan,
    ImprovementPlanResponse? Plan, IReadOnlyList<ImprovementPlanResponse> EarlierPlans, long Version);

public sealed record ImprovementItemRequest(string? Text, long? OwnerId, DateOnly? DueDate, ImprovementStatus? Status);

public sealed record ImprovementPlanRequest(long? MemberId, long? ReviewId, List<ImprovementItemRequest>? Items, long? Version);

public sealed record ImprovementItemResponse(string Text, long OwnerId, string? OwnerName, DateOnly DueDate, ImprovementStatus Status);

public sealed record ImprovementPlanResponse(
    long Id, long MemberId, string MemberName, long? ReviewId, string? CycleName, IReadOnlyList<ImprovementItemResponse> Items, DateTime CreatedUtc, long Version);

public sealed record ImprovementPlanFilter(long? MemberId);
