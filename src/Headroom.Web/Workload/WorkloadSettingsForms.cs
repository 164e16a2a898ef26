using System.Globalization;
using Headroom.Web.Api;

namespace Headroom.Web.Workload;

// The working-time form as posted: one check box per day, numbers and times as text so that
// anything typed comes back with an error under its field instead of being dropped.
public sealed class WorkingTimeForm
{
    public bool[] Days { get; set; } = new bool[7];
    public string? DailyHours { get; set; }
    public string? WorkdayStart { get; set; }
    public string? WorkdayEnd { get; set; }
    public string? TimeZoneId { get; set; }
    public long Version { get; set; }

    public static WorkingTimeForm From(WorkingTimeResponse working) => new()
    {
        Days = [.. WorkingTimeResponse.Week.Select(d => working.WorkingDays.Contains(d.ToString().ToLowerInvariant()))],
        DailyHours = working.DailyHours.ToString(CultureInfo.InvariantCulture),
        WorkdayStart = working.WorkdayStart,
        WorkdayEnd = working.WorkdayEnd,
        TimeZoneId = working.TimeZoneId,
        Version = working.Version,
    };

    public WorkingTimeRequest ToRequest(FieldErrors errors) => new(
        [.. WorkingTimeResponse.Week.Where((_, i) => i < Days.Length && Days[i]).Select(d => d.ToString().ToLowerInvariant())],
        SettingsNumber.Parse("dailyHours", DailyHours, errors, 1),
        WorkdayStart, WorkdayEnd, TimeZoneId, Version);
}

// The effort model form: hours as typed; the overhead share and the band limits in percent.
public sealed class EffortModelForm
{
    public string? FollowUpLowHours { get; set; }
    public string? FollowUpNormalHours { get; set; }
    public string? FollowUpHighHours { get; set; }
    public string? FollowUpUrgentHours { get; set; }
    public string? DealBaseHoursPerWeek { get; set; }
    public string? DealHoursPerWeekPerWinPercent { get; set; }
    public List<StageHoursForm> Stages { get; set; } = [];
    public string? AccountTierAHoursPerMonth { get; set; }
    public string? AccountTierBHoursPerMonth { get; set; }
    public string? AccountTierCHoursPerMonth { get; set; }
    public string? AccountTierDHoursPerMonth { get; set; }
    public string? VisitTravelHours { get; set; }
    public string? MeetingTravelHours { get; set; }
    public string? OverheadPercent { get; set; }
    public string? UnderBelowPercent { get; set; }
    public string? HealthyUpToPercent { get; set; }
    public string? StretchedUpToPercent { get; set; }
    public long Version { get; set; }

    public static EffortModelForm From(EffortModelResponse m) => new()
    {
        FollowUpLowHours = Text(m.FollowUpLowHours),
        FollowUpNormalHours = Text(m.FollowUpNormalHours),
        FollowUpHighHours = Text(m.FollowUpHighHours),
        FollowUpUrgentHours = Text(m.FollowUpUrgentHours),
        DealBaseHoursPerWeek = Text(m.DealBaseHoursPerWeek),
        DealHoursPerWeekPerWinPercent = Text(m.DealHoursPerWeekPerWinPercent),
        Stages = [.. m.StageHours.Select(s => new StageHoursForm { StageId = s.StageId, Hours = s.HoursPerWeek is { } h ? Text(h) : null })],
        AccountTierAHoursPerMonth = Text(m.AccountTierAHoursPerMonth),
        AccountTierBHoursPerMonth = Text(m.AccountTierBHoursPerMonth),
        AccountTierCHoursPerMonth = Text(m.AccountTierCHoursPerMonth),
        AccountTierDHoursPerMonth = Text(m.AccountTierDHoursPerMonth),
        VisitTravelHours = Text(m.VisitTravelHours),
        MeetingTravelHours = Text(m.MeetingTravelHours),
        OverheadPercent = Text(m.OverheadShare * 100),
        UnderBelowPercent = Text(m.UnderBelow * 100),
        HealthyUpToPercent = Text(m.HealthyUpTo * 100),
        StretchedUpToPercent = Text(m.StretchedUpTo * 100),
        Version = m.Version,
    };

    public EffortModelRequest ToRequest(FieldErrors errors) => new(
        SettingsNumber.Parse("followUpLowHours", FollowUpLowHours, errors, 1),
        SettingsNumber.Parse("followUpNormalHours", FollowUpNormalHours, errors, 1),
        SettingsNumber.Parse("followUpHighHours", FollowUpHighHours, errors, 1),
        SettingsNumber.Parse("followUpUrgentHours", FollowUpUrgentHours, errors, 1),
        SettingsNumber.Parse("dealBaseHoursPerWeek", DealBaseHoursPerWeek, errors, 1),
        SettingsNumber.Parse("dealHoursPerWeekPerWinPercent", DealHoursPerWeekPerWinPercent, errors, 1),
        [.. Stages.Select((s, i) => new StageHoursRequest(s.StageId, SettingsNumber.Parse($"stageHours[{i}].hoursPerWeek", s.Hours, errors, 1, required: false)))],
        SettingsNumber.Parse("accountTierAHoursPerMonth", AccountTierAHoursPerMonth, errors, 1),
        SettingsNumber.Parse("accountTierBHoursPerMonth", AccountTierBHoursPerMonth, errors, 1),
        SettingsNumber.Parse("accountTierCHoursPerMonth", AccountTierCHoursPerMonth, errors, 1),
        SettingsNumber.Parse("accountTierDHoursPerMonth", AccountTierDHoursPerMonth, errors, 1),
        SettingsNumber.Parse("visitTravelHours", VisitTravelHours, errors, 1),
        SettingsNumber.Parse("meetingTravelHours", MeetingTravelHours, errors, 1),
        SettingsNumber.Parse("overheadShare", OverheadPercent, errors, 0.01),
        SettingsNumber.Parse("underBelow", UnderBelowPercent, errors, 0.01),
        SettingsNumber.Parse("healthyUpTo", HealthyUpToPercent, errors, 0.01),
        SettingsNumber.Parse("stretchedUpTo", StretchedUpToPercent, errors, 0.01),
        Version);

    private static string Text(double value) => Math.Round(value, 4).ToString(CultureInfo.InvariantCulture);
}

public sealed class StageHoursForm
{
    public long StageId { get; set; }
    public string? Hours { get; set; }
}

public static class SettingsNumber
{
    // A number as typed (either decimal separator), times scale; required fields report an empty box.
    public static double? Parse(string field, string? text, FieldErrors errors, double scale, bool required = true)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required)
            {
                errors.Add(field, errors.Localizer["Validation.Required"]);
            }
            return null;
        }
        if (double.TryParse(text.Trim().Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value))
        {
            return value * scale;
        }
        errors.TryAdd(field, string.Format(CultureInfo.CurrentCulture, errors.Localizer["Settings.Validation.Number"], text));
        return null;
    }
}
