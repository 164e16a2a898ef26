using System.Globalization;
using System.Security.Claims;
using Headroom.Data;
using Headroom.Organizations;
using Headroom.Web.Api;
using Headroom.Web.Auth;
using Headroom.Web.Localization;
using Headroom.Workload;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Headroom.Web.Workload;

// The settings behind the workload index: the organization's working time and its effort model
// (docs/decisions/0018). Every member may read them, since they explain every number on the
// workload pages; only admins change them.
public static class WorkloadSettingsApi
{
    public const double MaxHours = 1000;

    public static void MapWorkloadSettingsApi(this RouteGroupBuilder api)
    {
        var settings = api.MapGroup("/settings").WithTags("Settings");
        settings.MapGet("/working-time", GetWorkingTime).WithSummary("The organization's working week, paid hours per day, working hours and time zone.");
        settings.MapPut("/working-time", UpdateWorkingTime).WithSummary("Change the working time (admins); send the version you read.");
        settings.MapGet("/effort-model", GetEffortModel).WithSummary("How open work turns into hours: follow-up defaults, deal hours per week by stage, account hours per month by tier, travel, overhead and the utilization bands.");
        settings.MapPut("/effort-model", UpdateEffortModel).WithSummary("Change the effort model (admins); a setting left out takes its default. Send the version you read (none before the first change).");
        settings.MapDelete("/effort-model", ResetEffortModel).WithSummary("Return to the default effort model (admins); with ?version= the version you read.");
    }

    public static async Task<Ok<WorkingTimeResponse>> GetWorkingTime(AppDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(WorkingTimeResponse.From(await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == db.Tenant.RequireOrgId(), cancellationToken)));

    public static async Task<Results<Ok<WorkingTimeResponse>, ValidationProblem, ProblemHttpResult>> UpdateWorkingTime(
        WorkingTimeRequest request, AppDbContext db, ClaimsPrincipal user, IStringLocalizer<Strings> l, CancellationToken cancellationToken)
    {
        if (user.GetRole() != MemberRole.Admin)
        {
            return ApiProblems.Forbidden(l["Problem.AdminsOnly"]);
        }
        var organization = await db.Organizations.SingleAsync(o => o.Id == db.Tenant.RequireOrgId(), cancellationToken);
        var errors = new FieldErrors(l);
        if (request.Version is not { } version)
        {
            errors.Add("version", l["Validation.Required"]);
            return ApiProblems.Fields(errors);
        }
        if (version != organization.Version)
        {
            return ApiProblems.StaleVersion(l["Problem.StaleVersion"]);
        }
        var days = WorkingDays.None;
        foreach (var name in request.WorkingDays ?? [])
        {
            if (Enum.TryParse<DayOfWeek>(name, ignoreCase: true, out var day) && Enum.IsDefined(day) && !char.IsAsciiDigit(name.Trim()[0]))
            {
                days |= Flag(day);
            }
            else
            {
                errors.TryAdd("workingDays", string.Format(CultureInfo.CurrentCulture, l["Settings.Validation.Day"], name));
            }
        }
        if (days == WorkingDays.None)
        {
            errors.TryAdd("workingDays", l["Settings.Validation.NoWorkingDay"]);
        }
        var start = ParseTime("workdayStart", request.WorkdayStart, errors);
        var end = ParseTime("workdayEnd", request.WorkdayEnd, errors);
        if (start is { } s && end is { } e && e <= s)
        {
            errors.TryAdd("workdayEnd", l["Settings.Validation.EndBeforeStart"]);
        }
        if (request.DailyHours is not { } hours)
        {
            errors.Add("dailyHours", l["Validation.Required"]);
        }
        else if (hours is <= 0 or > 24 || double.IsNaN(hours))
        {
            errors.TryAdd("dailyHours", string.Format(CultureInfo.CurrentCulture, l["Settings.Validation.Range"], 0.5, 24));
        }
        else if (start is { } s2 && end is { } e2 && e2 > s2 && hours > (e2 - s2).TotalHours)
        {
            errors.TryAdd("dailyHours", l["Settings.Validation.HoursLongerThanDay"]);
        }
        var zone = request.TimeZoneId?.Trim();
        if (string.IsNullOrEmpty(zone))
        {
            errors.Add("timeZoneId", l["Validation.Required"]);
        }
        else if (!TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _))
        {
            errors.TryAdd("timeZoneId", string.Format(CultureInfo.CurrentCulture, l["Settings.Validation.TimeZone"], zone));
        }
        if (errors.Any)
        {
            return ApiProblems.Fields(errors);
        }
        organization.WorkingDays = days;
        organization.WorkdayStart = start!.Value;
        organization.WorkdayEnd = end!.Value;
        organization.DailyHours = request.DailyHours!.Value;
        organization.TimeZoneId = zone!;
        if (await ApiSave.ChangesAsync(db, l, cancellationToken) is { } stale)
        {
            return stale;
        }
        return TypedResults.Ok(WorkingTimeResponse.From(organization));
    }

    public static async Task<Ok<EffortModelResponse>> GetEffortModel(AppDbContext db, CancellationToken cancellationToken)
    {
        var row = await db.OrganizationEffortModels.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        return TypedResults.Ok(await RespondAsync(db, row, cancellationToken));
    }

    public static async Task<Results<Ok<EffortModelResponse>, ValidationProblem, ProblemHttpResult>> UpdateEffortModel(
        EffortModelRequest request, AppDbContext db, ClaimsPrincipal user, IStringLocalizer<Strings> l, CancellationToken cancellationToken)
    {
        if (user.GetRole() != MemberRole.Admin)
        {
            return ApiProblems.Forbidden(l["Problem.AdminsOnly"]);
        }
        var row = await db.OrganizationEffortModels.SingleOrDefaultAsync(cancellationToken);
        if (row is not null && request.Version is null)
        {
            return ApiProblems.Field("version", l["Validation.Required"]);
        }
        if (request.Version is { } version && version != (row?.Version ?? 0))
        {
            return ApiProblems.StaleVersion(l["Problem.StaleVersion"]);
        }
        var errors = new FieldErrors(l);
        var stages = await db.PipelineStages.Select(s => s.Id).ToListAsync(cancellationToken);
        var model = request.ToModel(errors, stages);
        if (errors.Any)
        {
            return ApiProblems.Fields(errors);
        }
        // Version 0 stands for "never changed", so the first saved row starts at 1.
        row ??= db.OrganizationEffortModels.Add(new OrganizationEffortModel { Version = 1 }).Entity;
        row.Write(model);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A concurrency conflict, or two first saves at once (the organization's one row
            // already exists): either way what this caller read is no longer current.
            return ApiProblems.StaleVersion(l["Problem.StaleVersion"]);
        }
        return TypedResults.Ok(await RespondAsync(db, row, cancellationToken));
    }

    public static async Task<Results<Ok<EffortModelResponse>, ProblemHttpResult>> ResetEffortModel(
        [Microsoft.AspNetCore.Mvc.FromQuery] long? version, AppDbContext db, ClaimsPrincipal user, IStringLocalizer<Strings> l, CancellationToken cancellationToken)
    {
        if (user.GetRole() != MemberRole.Admin)
        {
            return ApiProblems.Forbidden(l["Problem.AdminsOnly"]);
        }
        var row = await db.OrganizationEffortModels.SingleOrDefaultAsync(cancellationToken);
        if (row is not null)
        {
            if (version is { } expected && expected != row.Version)
            {
                return ApiProblems.StaleVersion(l["Problem.StaleVersion"]);
            }
            db.OrganizationEffortModels.Remove(row);
            if (await ApiSave.ChangesAsync(db, l, cancellationToken) is { } stale)
            {
                return stale;
            }
        }
        return TypedResults.Ok(await RespondAsync(db, null, cancellationToken));
    }

    private static async Task<EffortModelResponse> RespondAsync(AppDbContext db, OrganizationEffortModel? row, CancellationToken cancellationToken)
    {
        var model = row?.Read() ?? EffortModel.Default;
        var stages = await db.PipelineStages.AsNoTracking().OrderBy(s => s.SortOrder).ThenBy(s => s.Id)
            .Select(s => new { s.Id, s.Name, s.WinProbability, s.ClosesAs })
            .ToListAsync(cancellationToken);
        return EffortModelResponse.From(model, row is null, row?.Version ?? 0,
            [.. stages.Where(s => s.ClosesAs == null).Select(s => new StageHoursResponse(
                s.Id, s.Name, s.WinProbability,
                model.DealHoursPerWeekByStage.TryGetValue(s.Id, out var own) ? own : null,
                model.DealHoursPerWeek(s.Id, s.WinProbability)))]);
    }

    private static TimeOnly? ParseTime(string field, string? text, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add(field, errors.Localizer["Validation.Required"]);
            return null;
        }
        if (TimeOnly.TryParseExact(text.Trim(), ["HH:mm", "H:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return time;
        }
        errors.TryAdd(field, string.Format(CultureInfo.CurrentCulture, errors.Localizer["Settings.Validation.Time"], text));
        return null;
    }

    internal static WorkingDays Flag(DayOfWeek day) => day switch
    {
        DayOfWeek.Monday => WorkingDays.Monday,
        DayOfWeek.Tuesday => WorkingDays.Tuesday,
        DayOfWeek.Wednesday => WorkingDays.Wednesday,
        DayOfWeek.Thursday => WorkingDays.Thursday,
        DayOfWeek.Friday => WorkingDays.Friday,
        DayOfWeek.Saturday => WorkingDays.Saturday,
        _ => WorkingDays.Sunday,
    };
}
