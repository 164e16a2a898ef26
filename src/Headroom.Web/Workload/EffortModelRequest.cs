using System.Globalization;
using Headroom.Web.Api;
using Headroom.Workload;

namespace Headroom.Web.Workload;

// The whole effort model; a setting left out (null) takes its default. StageHours sets hours per
// week for open stages; a stage left out follows base + per-win-percent.
public sealed record EffortModelRequest(
    double? FollowUpLowHours = null,
    double? FollowUpNormalHours = null,
    double? FollowUpHighHours = null,
    double? FollowUpUrgentHours = null,
    double? DealBaseHoursPerWeek = null,
    double? DealHoursPerWeekPerWinPercent = null,
    IReadOnlyList<StageHoursRequest>? StageHours = null,
    double? AccountTierAHoursPerMonth = null,
    double? AccountTierBHoursPerMonth = null,
    double? AccountTierCHoursPerMonth = null,
    double? AccountTierDHoursPerMonth = null,
    double? VisitTravelHours = null,
    double? MeetingTravelHours = null,
    double? OverheadShare = null,
    double? UnderBelow = null,
    double? HealthyUpTo = null,
    double? StretchedUpTo = null,
    long? Version = null)
{
    public EffortModel ToModel(FieldErrors errors, IReadOnlyCollection<long> stageIds)
    {
        var d = EffortModel.Default;
        double Hours(string field, double? value, double fallback, double max)
        {
            var v = value ?? fallback;
            if (double.IsNaN(v) || v < 0 || v > max)
            {
                errors.TryAdd(field, string.Format(CultureInfo.CurrentCulture, errors.Localizer["Settings.Validation.Range"], 0, max));
            }
            return v;
        }
        var stageHours = new Dictionary<long, double>();
        var seen = new HashSet<long>();
        for (var i = 0; i < (StageHours?.Count ?? 0); i++)
        {
            var stage = StageHours![i];
            if (!stageIds.Contains(stage.StageId))
            {
                errors.TryAdd($"stageHours[{i}].stageId", errors.Localizer["Settings.Validation.UnknownStage"]);
            }
            else if (stageHours.ContainsKey(stage.StageId) || !seen.Add(stage.StageId))
            {
                errors.TryAdd($"stageHours[{i}].stageId", errors.Localizer["Settings.Validation.DuplicateStage"]);
            }
            else if (stage.HoursPerWeek is { } hours)
            {
                stageHours[stage.StageId] = Hours($"stageHours[{i}].hoursPerWeek", hours, 0, 40);
            }
        }
        var model = new EffortModel
        {
            FollowUpLowHours = Hours("followUpLowHours", FollowUpLowHours, d.FollowUpLowHours, 40),
            FollowUpNormalHours = Hours("followUpNormalHours", FollowUpNormalHours, d.FollowUpNormalHours, 40),
            FollowUpHighHours = Hours("followUpHighHours", FollowUpHighHours, d.FollowUpHighHours, 40),
            FollowUpUrgentHours = Hours("followUpUrgentHours", FollowUpUrgentHours, d.FollowUpUrgentHours, 40),
            DealBaseHoursPerWeek = Hours("dealBaseHoursPerWeek", DealBaseHoursPerWeek, d.DealBaseHoursPerWeek, 40),
            DealHoursPerWeekPerWinPercent = Hours("dealHoursPerWeekPerWinPercent", DealHoursPerWeekPerWinPercent, d.DealHoursPerWeekPerWinPercent, 0.4),
            DealHoursPerWeekByStage = stageHours,
            AccountTierAHoursPerMonth = Hours("accountTierAHoursPerMonth", AccountTierAHoursPerMonth, d.AccountTierAHoursPerMonth, 160),
            AccountTierBHoursPerMonth = Hours("accountTierBHoursPerMonth", AccountTierBHoursPerMonth, d.AccountTierBHoursPerMonth, 160),
            AccountTierCHoursPerMonth = Hours("accountTierCHoursPerMonth", AccountTierCHoursPerMonth, d.AccountTierCHoursPerMonth, 160),
            AccountTierDHoursPerMonth = Hours("accountTierDHoursPerMonth", AccountTierDHoursPerMonth, d.AccountTierDHoursPerMonth, 160),
            VisitTravelHours = Hours("visitTravelHours", VisitTravelHours, d.VisitTravelHours, 24),
            MeetingTravelHours = Hours("meetingTravelHours", MeetingTravelHours, d.MeetingTravelHours, 24),
            OverheadShare = Hours("overheadShare", OverheadShare, d.OverheadShare, 0.9),
        };
        var under = UnderBelow ?? d.Bands.UnderBelow;
        var healthy = HealthyUpTo ?? d.Bands.HealthyUpTo;
        var stretched = StretchedUpTo ?? d.Bands.StretchedUpTo;
        if (double.IsNaN(under) || under <= 0 || under > 5)
        {
            errors.TryAdd("underBelow", string.Format(CultureInfo.CurrentCulture, errors.Localizer["Settings.Validation.Range"], 0.01, 5));
        }
        if (double.IsNaN(healthy) || healthy <= under || healthy > 5)
        {
            errors.TryAdd("healthyUpTo", errors.Localizer["Settings.Validation.BandOrder"]);
        }
        if (double.IsNaN(stretched) || stretched <= healthy || stretched > 5)
        {
            errors.TryAdd("stretchedUpTo", errors.Localizer["Settings.Validation.BandOrder"]);
        }
        return model with { Bands = new BandThresholds(under, healthy, stretched) };
    }
}

public sealed record StageHoursRequest(long StageId, double? HoursPerWeek);

public sealed record EffortModelResponse(
    double FollowUpLowHours,
    double FollowUpNormalHours,
    double FollowUpHighHours,
    double FollowUpUrgentHours,
    double DealBaseHoursPerWeek,
    double DealHoursPerWeekPerWinPercent,
    IReadOnlyList<StageHoursResponse> StageHours,
    double AccountTierAHoursPerMonth,
    double AccountTierBHoursPerMonth,
    double AccountTierCHoursPerMonth,
    double AccountTierDHoursPerMonth,
    double VisitTravelHours,
    double MeetingTravelHours,
    double OverheadShare,
    double UnderBelow,
    double HealthyUpTo,
    double StretchedUpTo,
    // True while the organization has never changed the model.
    bool IsDefault,
    long Version)
{
    public static EffortModelResponse From(EffortModel m, bool isDefault, long version, IReadOnlyList<StageHoursResponse> stages) => new(
        m.FollowUpLowHours, m.FollowUpNormalHours, m.FollowUpHighHours, m.FollowUpUrgentHours,
        m.DealBaseHoursPerWeek, m.DealHoursPerWeekPerWinPercent, stages,
        m.AccountTierAHoursPerMonth, m.AccountTierBHoursPerMonth, m.AccountTierCHoursPerMonth, m.AccountTierDHoursPerMonth,
        m.VisitTravelHours, m.MeetingTravelHours, m.OverheadShare,
        m.Bands.UnderBelow, m.Bands.HealthyUpTo, m.Bands.StretchedUpTo, isDefault, version);
}

// HoursPerWeek is the stage's own setting (null: it follows base + per-win-percent); Effective
// is what the workload index counts.
public sealed record StageHoursResponse(long StageId, string Name, int WinProbability, double? HoursPerWeek, double EffectiveHoursPerWeek);
