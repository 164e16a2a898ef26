namespace Headroom.Web.Goals;

public sealed class GoalSettingsForm
{
    public int FiscalYearStartMonth { get; set; } = 1;
    public string? RampUpCurve { get; set; }
    public bool RepsSeeTeammateGoals { get; set; }
    public long Version { get; set; }
}
