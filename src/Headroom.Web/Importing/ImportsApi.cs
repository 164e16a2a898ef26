using System.Globalization;
using System.Security.Claims;
using Headroom.Assignment;
using Headroom.Data;
using Headroom.Importing;
using Headroom.Organizations;
using Headroom.Web.Api;
using Headroom.Web.Auth;
using Headroom.Web.Localization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Headroom.Web.Importing;

// Imports run the same importer as `headroom import` (docs/decisions/0007), in the signed-in
// user's organization only, and only for admins: a file sets owners across the whole
// organization (docs/decisions/0017). The request body is read here, not bound by the framework,
// so that the role is checked before a large body is read and an oversized upload gets a 413
// ProblemDetails instead of an empty answer.
public static class ImportsApi
{
    // Room for the multipart boundaries and the small fields beside the file.
    private const long FormOverhead = 1 << 20;
    public const int PageMaxErrors = 1000;

    public static void MapImportsApi(this RouteGroupBuilder api)
    {
        var options = ((IEndpointRouteBuilder)api).ServiceProvider.GetRequiredService<ImportOptions>();
        api.MapPost("/imports/{kind}", Import).WithTags("Imports")
            // The antiforgery middleware would look for a token field by reading the whole body
            // (and fail on an oversized one) when a request has no token header; without it, the
            // group's filter still refuses a cookie request without a valid token, from its header
            // first, and a token-signed request never has its body read before the size check.
            .DisableAntiforgery()
            .WithMetadata(new UploadSizeLimit(options.MaxUploadBytes + FormOverhead))
            .WithFormOptions(multipartBodyLengthLimit: options.MaxUploadBytes + FormOverhead)
            .Accepts<ImportUploadForm>("multipart/form-data")
            .WithSummary("Import a CSV or XLSX file of one kind (admins only): every row or none.")
            .WithDescription("kind: teams, members, accounts, contacts, leads, deals, activities, followups or feedback. "
                + "multipart/form-data fields: file; preset (headroom, zoho, salesforce, sharecrm; default headroom); "
                + "encoding (auto, utf-8, gb18030; default auto); dryRun (true checks and reports only; default false); "
                + "maxErrors (errors listed, 1-1000, default 100; errorCount counts them all); "
                + "route (leads only: true gives each new lead without an owner to the first auto-routing assignment queue that takes it, "
                + "in the same transaction, and counts routed and unrouted; default false). "
                + "A file with any error writes nothing and answers 422 with the report.");
    }

    // The import page's upload form posts here; the answer redirects to the page's preview.
    public static void MapImportUpload(this IEndpointRouteBuilder app)
    {
        var options = app.ServiceProvider.GetRequiredService<ImportOptions>();
        app.MapPost("/import/upload", UploadForPreview)
            .RequireAuthorization()
            .DisableAntiforgery()
            .WithMetadata(new UploadSizeLimit(options.MaxUploadBytes + FormOverhead))
            .WithFormOptions(multipartBodyLengthLimit: options.MaxUploadBytes + FormOverhead)
            .ExcludeFromDescription();
    }

    public static async Task<Results<Ok<ImportReport>, UnprocessableEntity<ImportReport>, ValidationProblem, ProblemHttpResult>> Import(
        string kind, HttpContext http, AppDbContext db, ImportUploads uploads, ImportOptions options, TimeProvider clock,
        IStringLocalizer<Strings> l, QueueRouterCache cache, CancellationToken cancellationToken)
    {
        if (!await IsAdminAsync(db, http.User, cancellationToken))
        {
            return ApiProblems.Forbidden(l["Import.AdminsOnly"]);
        }
        if (ParseKind(kind) is not { } importKind)
        {
            return ApiProblems.Field("kind", Format(l["Import.UnknownKind"], KindNames));
        }
        var (form, refusal) = await ReadFormAsync(http.Request, options, cancellationToken);
        if (refusal is { } problem)
        {
            return problem == UploadProblem.TooLarge ? TooLarge(l, options) : ApiProblems.Field("file", l["Import.Error." + problem]);
        }
        var errors = new FieldErrors(l);
        var file = form!.Files.GetFile("file");
        if (file is null)
        {
            errors.Add("file", l["Import.Error.NoFile"]);
        }
        else if (!ImportUploads.IsSupportedFile(file.FileName))
        {
            errors.Add("file", l["Import.Error.FileType"]);
        }
        else if (file.Length > options.MaxUploadBytes)
        {
            return TooLarge(l, options);
        }
        var preset = ParsePreset(form["preset"]);
        if (preset is null)
        {
            errors.Add("preset", Format(l["Import.UnknownPreset"], PresetNames));
        }
        var encoding = ParseEncoding(form["encoding"]);
        if (encoding is null)
        {
            errors.Add("encoding", l["Import.UnknownEncoding"]);
        }
        var dryRun = false;
        if (!string.IsNullOrEmpty(form["dryRun"]) && !bool.TryParse(form["dryRun"], out dryRun))
        {
            errors.Add("dryRun", l["Import.TrueOrFalse"]);
        }
        var maxErrors = 100;
        if (!string.IsNullOrEmpty(form["maxErrors"])
            && (!int.TryParse(form["maxErrors"], NumberStyles.None, CultureInfo.InvariantCulture, out maxErrors) || maxErrors is < 1 or > PageMaxErrors))
        {
            errors.Add("maxErrors", Format(l["Import.MaxErrors"], PageMaxErrors));
        }
        var route = false;
        if (!string.IsNullOrEmpty(form["route"]) && !bool.TryParse(form["route"], out route))
        {
            errors.Add("route", l["Import.TrueOrFalse"]);
        }
        else if (route && importKind != ImportKind.Leads)
        {
            errors.Add("route", l["Import.RouteLeadsOnly"]);
        }
        if (errors.Any)
        {
            return ApiProblems.Fields(errors);
        }

        await using var content = file!.OpenReadStream();
        var upload = await uploads.SaveAsync(content, file.FileName, http.User.GetOrgId(), http.User.GetMemberId(),
            importKind, preset!.Value, encoding!.Value, cancellationToken);
        try
        {
            var routing = route ? await RoutingAsync(db, http.User, cache, clock, cancellationToken) : null;
            var report = await RunAsync(db, upload, uploads.DataPath(upload), dryRun, maxErrors, clock, cancellationToken, routing);
            return report.Succeeded ? TypedResults.Ok(report) : TypedResults.UnprocessableEntity(report);
        }
        finally
        {
            uploads.Delete(upload.Id);
        }
    }

    // Saves the file, runs the dry run and sends the browser to the preview (post, redirect, get),
    // or back to the form with a reason. The antiforgery token is checked here, after the size,
    // because checking it first would make the middleware read the whole oversized body.
    public static async Task<IResult> UploadForPreview(
        HttpContext http, AppDbContext db, ImportUploads uploads, ImportOptions options, IAntiforgery antiforgery, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (!await IsAdminAsync(db, http.User, cancellationToken))
        {
            return TypedResults.Redirect("/import");
        }
        var (form, refusal) = await ReadFormAsync(http.Request, options, cancellationToken);
        if (refusal is { } problem)
        {
            return BackToForm(problem, null);
        }
        try
        {
            await antiforgery.ValidateRequestAsync(http);
        }
        catch (AntiforgeryValidationException)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Missing or invalid antiforgery token.");
        }
        var choice = new ImportChoice(ParseKind(form!["kind"]), ParsePreset(form["preset"]), ParseEncoding(form["encoding"]));
        var file = form.Files.GetFile("file");
        if (choice.Kind is null || choice.Preset is null || choice.Encoding is null)
        {
            return BackToForm(UploadProblem.Unreadable, choice);
        }
        if (file is null || file.Length == 0)
        {
            return BackToForm(UploadProblem.NoFile, choice);
        }
        if (!ImportUploads.IsSupportedFile(file.FileName))
        {
            return BackToForm(UploadProblem.FileType, choice);
        }
        if (file.Length > options.MaxUploadBytes)
        {
            return BackToForm(UploadProblem.TooLarge, choice);
        }
        ImportUpload upload;
        await using (var content = file.OpenReadStream())
        {
            upload = await uploads.SaveAsync(content, file.FileName, http.User.GetOrgId(), http.User.GetMemberId(),
                choice.Kind.Value, choice.Preset.Value, choice.Encoding.Value, cancellationToken);
        }
        try
        {
            var report = await RunAsync(db, upload, uploads.DataPath(upload), dryRun: true, PageMaxErrors, clock, cancellationToken);
            await uploads.SaveReportAsync(upload with { Report = report }, cancellationToken);
        }
        catch
        {
            uploads.Delete(upload.Id);
            throw;
        }
        // 303: the browser follows with a GET, so reloading the preview does not post the file again.
        http.Response.Headers.Location = "/import?upload=" + upload.Id;
        return TypedResults.StatusCode(StatusCodes.Status303SeeOther);
    }

    // Runs the importer on a stored upload in the caller's organization (the request's tenant).
    public static async Task<ImportReport> RunAsync(
        AppDbContext db, ImportUpload upload, string path, bool dryRun, int maxErrors, TimeProvider clock, CancellationToken cancellationToken,
        LeadRouting? routing = null)
    {
        var organization = await db.Organizations.SingleAsync(o => o.Id == upload.OrgId, cancellationToken);
        var request = new ImportRequest(upload.Kind, path)
        {
            Preset = upload.Preset,
            Encoding = upload.Encoding,
            DryRun = dryRun,
            MaxErrors = maxErrors,
            Routing = upload.Kind == ImportKind.Leads ? routing : null,
        };
        var result = await DataImporter.ImportAsync(db, organization, request, clock, cancellationToken);
        return ImportReport.From(result, upload.Preset, CultureInfo.CurrentUICulture);
    }

    // Imported leads are routed as the importing admin: every auto-routing queue of the organization.
    public static async Task<LeadRouting> RoutingAsync(AppDbContext db, ClaimsPrincipal user, QueueRouterCache cache, TimeProvider clock, CancellationToken cancellationToken)
    {
        var scope = await AccessScope.ForMemberAsync(db, user.GetMemberId(), cancellationToken);
        var name = await db.Members.Where(m => m.Id == scope.MemberId).Select(m => m.Name).SingleAsync(cancellationToken);
        return new LeadRouting(scope, new AssignmentActor(scope.MemberId, name), cache, clock.GetUtcNow());
    }

    // The role as the database has it now, not as the cookie had it at its last revalidation.
    public static async Task<bool> IsAdminAsync(AppDbContext db, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var memberId = user.GetMemberId();
        return await db.Members.Where(m => m.Id == memberId).Select(m => m.Role).SingleOrDefaultAsync(cancellationToken) == MemberRole.Admin;
    }

    public static IReadOnlyList<ImportKind> Kinds { get; } = Enum.GetValues<ImportKind>();

    public static string KindName(ImportKind kind) => DataImporter.KindName(kind);

    public static string PresetName(ImportPreset preset) => preset.ToString().ToLowerInvariant();

    public static string EncodingName(ImportEncoding encoding) => encoding switch
    {
        ImportEncoding.Utf8 => "utf-8",
        ImportEncoding.Gb18030 => "gb18030",
        _ => "auto",
    };

    // "accounts", "Accounts", "follow-ups"; never a number, which Enum.TryParse would accept.
    public static ImportKind? ParseKind(string? text)
    {
        var name = text?.Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal).Trim();
        return !string.IsNullOrEmpty(name) && name.All(char.IsAsciiLetter) && Enum.TryParse<ImportKind>(name, ignoreCase: true, out var kind) ? kind : null;
    }

    // Empty means the Headroom preset.
    public static ImportPreset? ParsePreset(string? text)
    {
        var name = text?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            return ImportPreset.Headroom;
        }
        return name.All(char.IsAsciiLetter) && Enum.TryParse<ImportPreset>(name, ignoreCase: true, out var preset) ? preset : null;
    }

    // Empty means auto-detect.
    public static ImportEncoding? ParseEncoding(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null or "" or "auto" => ImportEncoding.Auto,
        "utf-8" or "utf8" => ImportEncoding.Utf8,
        "gb18030" or "gbk" => ImportEncoding.Gb18030,
        _ => null,
    };

    private static string KindNames => string.Join(", ", Kinds.Select(KindName));

    private static string PresetNames => string.Join(", ", Enum.GetValues<ImportPreset>().Select(PresetName));

    private static async Task<(IFormCollection? Form, UploadProblem? Problem)> ReadFormAsync(
        HttpRequest request, ImportOptions options, CancellationToken cancellationToken)
    {
        if (request.ContentLength > options.MaxUploadBytes + FormOverhead)
        {
            return (null, UploadProblem.TooLarge);
        }
        if (!request.HasFormContentType)
        {
            return (null, UploadProblem.NoFile);
        }
        try
        {
            return (await request.ReadFormAsync(cancellationToken), null);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, UploadProblem.TooLarge);
        }
        catch (Exception e) when (e is BadHttpRequestException or InvalidDataException or IOException)
        {
            return (null, UploadProblem.Unreadable);
        }
    }

    private static ProblemHttpResult TooLarge(IStringLocalizer<Strings> l, ImportOptions options) =>
        TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: l["Import.TooLargeTitle"],
            detail: Format(l["Import.Error.TooLarge"], options.MaxUploadMegabytes));

    private static RedirectHttpResult BackToForm(UploadProblem problem, ImportChoice? choice)
    {
        var query = new Dictionary<string, string?>
        {
            ["error"] = problem.ToString(),
            ["kind"] = choice?.Kind is { } kind ? KindName(kind) : null,
            ["preset"] = choice?.Preset is { } preset ? PresetName(preset) : null,
            ["encoding"] = choice?.Encoding is { } encoding ? EncodingName(encoding) : null,
        };
        return TypedResults.Redirect(Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/import", query.Where(q => q.Value is not null)));
    }

    private static string Format(string template, object value) => string.Format(CultureInfo.CurrentCulture, template, value);

    private sealed record ImportChoice(ImportKind? Kind, ImportPreset? Preset, ImportEncoding? Encoding);

    private sealed class UploadSizeLimit(long bytes) : IRequestSizeLimitMetadata
    {
        public long? MaxRequestBodySize => bytes;
    }
}
