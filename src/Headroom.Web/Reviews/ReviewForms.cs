namespace Headroom.Web.Reviews;

// What the review pages post (static SSR forms); numbers arrive as text and are parsed by the page,
// which then calls the same handlers as the API.

public sealed class CycleForm
{
    public string? Name { get; set; }
    public DateOnly? PeriodStart { get; set; }
    public DateOnly? PeriodEnd { get; set; }
    // One team (with its sub-teams), or empty for every team the creator may review.
    public string? TeamId { get; set; }
}

public sealed class AdvanceForm
{
    public long Version { get; set; }
}

public sealed class RatingRow
{
    public int ItemId { get; set; }
    public string? Rating { get; set; }
    public string? Comment { get; set; }
}

// Action is the button pressed: "save" keeps a draft, "submit" hands the part in.
public sealed class SelfForm
{
    public string? Text { get; set; }
    public List<RatingRow> Ratings { get; set; } = [];
    public string? Action { get; set; }
    public long Version { get; set; }
}

public sealed class ManagerForm
{
    public string? Comment { get; set; }
    public List<RatingRow> Ratings { get; set; } = [];
    public string? Action { get; set; }
    public long Version { get; set; }
}

public sealed class CalibrationRow
{
    public long ReviewId { get; set; }
    public string? Score { get; set; }
    public string? Note { get; set; }
    public long Version { get; set; }
}

public sealed class CalibrationForm
{
    public List<CalibrationRow> Rows { get; set; } = [];
}

public sealed class PlanItemForm
{
    public string? Text { get; set; }
    public long? OwnerId { get; set; }
    public DateOnly? DueDate { get; set; }
    // The plan's version when it exists, so two managers adding at once do not overwrite each other.
    public long Version { get; set; }
}

public sealed class ScorecardRow
{
    public int Id { get; set; }
    // "Kpi", "Competency", or empty for a blank or removed line.
    public string? Kind { get; set; }
    public string? Metric { get; set; }
    public string? Name { get; set; }
    public string? Weight { get; set; }
    public string? Target { get; set; }
}

public sealed class ScorecardForm
{
    public string? Name { get; set; }
    public List<ScorecardRow> Rows { get; set; } = [];
    public long Version { get; set; }
}

public sealed class PlanStatusRow
{
    public long PlanId { get; set; }
    public int Index { get; set; }
    public string? Status { get; set; }
    public long Version { get; set; }
}

public sealed class PlanStatusForm
{
    public List<PlanStatusRow> Rows { get; set; } = [];
}
