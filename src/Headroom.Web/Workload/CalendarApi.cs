using System.Globalization;
using System.Security.Claims;
using Headroom.Data;
using Headroom.Importing;
using Headroom.Organizations;
using Headroom.Web.Api;
using Headroom.Web.Auth;
using Headroom.Web.Localization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Headroom.Web.Workload;

// The organization's holiday calendar: public holidays and extra working days (调休上班), which
// capacity reads. Everyone may read it; admins edit single days, import a file, or reload the
// official calendar shipped with Headroom.
public static class CalendarApi
{
    public const long MaxFileBytes = 1 << 20;

    public static void MapCalendarApi(this RouteGroupBuilder api)
    {
        var calendar = api.MapGroup("/calendar").WithTags("Settings");
        calendar.MapGet("/", ListDays).WithSummary("The holidays and extra working days of a year (default: this year), by date.");
        calendar.MapPut("/{date}", PutDay).WithSummary("Set one day (yyyy-MM-dd) as a holiday or an extra working day, with its name (admins).");
        calendar.MapDelete("/{date}", DeleteDay).WithSummary("Make one day ordinary again (admins).");
        // Antiforgery as for the data imports (ImportsApi): the group's filter checks the header.
        calendar.MapPost("/import", Import).DisableAntiforgery()
            .WithFormOptions(multipartBodyLengthLimit: MaxFileBytes + (64 << 10))
            .Accepts<IFormFile>("multipart/form-data")
            .WithSummary("Import days from a CSV, TSV or XLSX file with the columns date, kind (holiday or workday) and name (admins). " +
                "replace=true (the default) first removes every day of the years the file covers. All or nothing: any bad row names its row and column and nothing is written.");
        calendar.MapPost("/official/{code}", LoadOfficial).WithSummary("Reload an official calendar shipped with Headroom (CN: mainland China, every year the State Council has published) over the years it covers (admins).");
    }

    public static async Task<Results<Ok<List<CalendarDayResponse>>, ValidationProblem>> ListDays(
        int? year, AppDbContext db, TimeProvider clock, IStringLocalizer<Strings> l, CancellationToken cancellationToken)
    {
        var chosen = year ?? clock.GetUtcNow().Year;
        if (chosen is < 1900 or > 2200)
        {
            return ApiProblems.Field("year", string.Format(CultureInfo.CurrentCulture, l["Settings.Validation.Range"], 1900, 2200));
        }
        var first = new DateOnly(chosen, 1, 1);
        var last = new DateOnly(chosen, 12, 31);
        return TypedResults.Ok(await db.CalendarDays.AsNoTracking()
            .Where(d => d.Date >= first && d.Date <= last)
            .OrderBy(d => d.Date)
            .Select(d => new CalendarDayResponse(d.Date, d.Kind, d.Name, d.Calendar))
            .ToListAsync(cancellationToken));
    }

    public static async Task<Results<Ok<CalendarDayResponse>, ValidationProblem, ProblemHttpResult>> PutDay(
        string date, CalendarDayRequest request, AppDbContext db, ClaimsPrincipal user, IStringLocalizer<Strings> l, CancellationToken cancellationToken)
    {
        if (user.GetRole() != MemberRole.Admin)
        {
            return ApiProblems.Forbidden(l["Problem.AdminsOnly"]);
        }
        var errors = new FieldErrors(l);
        if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            errors.Add("date", string.Format(CultureInfo.CurrentCulture, l["Settings.Validation.Date"], date));
        }
        if (request.Kind is not { } kind || !Enum.IsDefined(kind))
        {
            errors.Add("kind", l["Validation.Required"]);
        }
        var name = errors.Text("name", request.Name, CalendarFile.MaxNameLength, required: true);
        var code = errors.Text("calendar", request.Calendar, 16, required: false) ?? "custom";
        if (errors.Any)
        {
            return ApiProblems.Fields(errors);
        }
        await CalendarDays.ApplyAsync(db, [(day, request.Kind!.Value, name!)], code, replaceYears: false, cancellationToken);
        return TypedResults.Ok(new CalendarDayResponse(day, request.Kind!.Value, name!, code));
    }

    public static async Task<Results<NoContent, NotFound, ValidationProblem, ProblemHttpResult>> DeleteDay(
        string date, AppDbContext db, ClaimsPrincipal user, IStringLocalizer<Strings> l, CancellationToken cancellationToken)
    {
        if (user.GetRole() != MemberRole.Admin)
        {
            return ApiProblems.Forbidden(l["Problem.AdminsOnly"]);
        }
        if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return ApiProblems.Field("date", string.Format(CultureInfo.CurrentCulture, l["Settings.Validation.Date"], date));
        }
        var deleted = await db.CalendarDays.Where(d => d.Date == day).ExecuteDeleteAsync(cancellationToken);
        return deleted == 0 ? TypedResults.NotFound() : TypedResults.NoContent();
    }

    public static async Task<Results<Ok<CalendarImportResponse>, ValidationProblem, ProblemHttpResult>> Import(
        IFormFile? file, [Microsoft.AspNetCore.Mvc.FromForm] string? calendar, [Microsoft.AspNetCore.Mvc.FromForm] bool? replace,
        AppDbContext db, ClaimsPrincipal user, IStringLocalizer<Strings> l, CancellationToken cancellationToken)
    {
        if (user.GetRole() != MemberRole.Admin)
        {
            return ApiProblems.Forbidden(l["Problem.AdminsOnly"]);
        }
        var outcome = await ImportFileAsync(file, calendar, replace ?? true, db, l, cancellationToken);
        return outcome.Errors.Count > 0 ? ApiProblems.Fields(outcome.Errors) : TypedResults.Ok(outcome.Response!);
    }

    // Shared by the API and the settings page: reads the file into a temporary file (the reader
    // wants a path and an extension), checks every row, and applies only a file without errors.
    public static async Task<(CalendarImportResponse? Response, Dictionary<string, string> Errors)> ImportFileAsync(
        IFormFile? file, string? calendar, bool replace, AppDbContext db, IStringLocalizer<Strings> l, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors(l);
        var code = errors.Text("calendar", calendar, 16, required: true);
        if (file is null || file.Length == 0)
        {
            errors.Add("file", l["Validation.Required"]);
        }
        else if (file.Length > MaxFileBytes)
        {
            errors.Add("file", string.Format(CultureInfo.CurrentCulture, l["Calendar.Validation.TooLarge"], MaxFileBytes / 1024));
        }
        else if (!CalendarFile.IsSupported(file.FileName))
        {
            errors.Add("file", l["Calendar.Validation.FileType"]);
        }
        if (errors.Any)
        {
            return (null, errors);
        }
        var path = Path.Combine(Path.GetTempPath(), $"headroom-calendar-{Guid.NewGuid():N}{Path.GetExtension(file!.FileName).ToLowerInvariant()}");
        try
        {
            await using (var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write))
            {
                await file.CopyToAsync(stream, cancellationToken);
            }
            CalendarFileResult result;
            try
            {
                result = CalendarFile.Read(path, CultureInfo.CurrentUICulture.Name);
            }
            catch (Exception e) when (e is InvalidDataException or IOException or FormatException or ArgumentException or InvalidOperationException)
            {
                errors.Add("file", l["Calendar.Validation.Unreadable"]);
                return (null, errors);
            }
            if (result.Errors.Count > 0)
            {
                foreach (var error in result.Errors.Take(50))
                {
                    errors.TryAdd($"row {error.Row}" + (error.Column.Length > 0 ? $", {error.Column}" : ""), Describe(error, l));
                }
                return (null, errors);
            }
            var days = result.Days.Select(d => (d.Date, d.Kind, d.Name)).ToList();
            await CalendarDays.ApplyAsync(db, days, code!, replace, cancellationToken);
            return (new CalendarImportResponse(days.Count, days.Min(d => d.Date), days.Max(d => d.Date), replace), errors);
        }
        finally
        {
            File.Delete(path);
        }
    }

    public static string Describe(CalendarFileError error, IStringLocalizer<Strings> l) =>
        string.Format(CultureInfo.CurrentCulture, l["Calendar.Problem." + error.Problem], error.Column, error.Value);

    public static async Task<Results<Ok<CalendarImportResponse>, NotFound, ProblemHttpResult>> LoadOfficial(
        string code, AppDbContext db, ClaimsPrincipal user, IStringLocalizer<Strings> l, CancellationToken cancellationToken)
    {
        if (user.GetRole() != MemberRole.Admin)
        {
            return ApiProblems.Forbidden(l["Problem.AdminsOnly"]);
        }
        if (!string.Equals(code, HolidayCalendars.China, StringComparison.OrdinalIgnoreCase))
        {
            return TypedResults.NotFound();
        }
        var locale = await db.Organizations.Where(o => o.Id == db.Tenant.RequireOrgId()).Select(o => o.DefaultLocale).SingleAsync(cancellationToken);
        var days = HolidayCalendars.Load(HolidayCalendars.China, locale).Select(d => (d.Date, d.Kind, d.Name)).ToList();
        await CalendarDays.ApplyAsync(db, days, HolidayCalendars.China, replaceYears: true, cancellationToken);
        return TypedResults.Ok(new CalendarImportResponse(days.Count, days.Min(d => d.Date), days.Max(d => d.Date), true));
    }
}

public sealed record CalendarDayRequest(CalendarDayKind? Kind, string? Name, string? Calendar);

public sealed record CalendarDayResponse(DateOnly Date, CalendarDayKind Kind, string Name, string Calendar);

public sealed record CalendarImportResponse(int Days, DateOnly First, DateOnly Last, bool ReplacedYears);
