using Headroom.Common;
using Headroom.Organizations;

namespace Headroom.Reviews;

// One member's review in a cycle. The member writes the self part; their manager (or an admin)
// rates the competencies, and on submitting freezes the KPI part as computed from the data then,
// with the scores; an admin may calibrate the overall score with a note.
public class Review : TenantEntity, IVersioned
{
    public long CycleId { get; set; }
    public ReviewCycle? Cycle { get; set; }
    public long MemberId { get; set; }
    public Member? Member { get; set; }
    public ReviewState State { get; set; } = ReviewState.NotStarted;

    public string? SelfReview { get; set; }
    public List<ReviewRating> SelfRatings { get; set; } = [];
    public DateTime? SelfSubmittedUtc { get; set; }

    public List<ReviewRating> ManagerRatings { get; set; } = [];
    public string? ManagerComment { get; set; }
    public long? ReviewerId { get; set; }
    public Member? Reviewer { get; set; }
    public DateTime? ManagerSubmittedUtc { get; set; }

    // Frozen when the manager submits; until then the KPI part is computed live.
    public List<KpiResult> Kpis { get; set; } = [];
    public decimal? KpiScore { get; set; }
    public decimal? CompetencyScore { get; set; }
    public decimal? OverallScore { get; set; }

    public decimal? CalibratedScore { get; set; }
    public string? CalibrationNote { get; set; }
    public long? CalibratedById { get; set; }
    public DateTime? CalibratedUtc { get; set; }

    public long Version { get; set; }
}

public enum ReviewState
{
    NotStarted = 0,
    SelfSubmitted = 1,
    ManagerSubmitted = 2,
    Calibrated = 3,
}

// A rating of one competency of the cycle's scorecard (ScorecardItem.Id), 1–5, with a comment.
public sealed class ReviewRating
{
    public int ItemId { get; set; }
    public int? Rating { get; set; }
    public string? Comment { get; set; }
}

// One KPI of the scorecard as measured: actual and target in the metric's unit, the score 0–100.
public sealed class KpiResult
{
    public int ItemId { get; set; }
    public long? Actual { get; set; }
    public long? Target { get; set; }
    public bool TargetFromGoal { get; set; }
    public decimal? Score { get; set; }
}
