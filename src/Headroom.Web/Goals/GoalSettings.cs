namespace Headroom.Web.Goals;

// The organization's goal settings: the fiscal year's first month (1–12), a new hire's ramp-up as
// percents per month since the hire date ("25,50,75"; empty for the default), and whether reps
// see their teammates' goals. Version is the organization's (required on update).
public sealed record GoalSettings(int? FiscalYearStartMonth, string? RampUpCurve, bool? RepsSeeTeammateGoals, long? Version = null);
