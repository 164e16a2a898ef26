using System.Text;
using Headroom.Data;
using Headroom.Organizations;

namespace Headroom.Importing;

// `headroom import`: reads a CSV or XLSX file of one kind, checks every row, and writes all of it
// or nothing. The database context must already act for the organization (db.Tenant).
public static class DataImporter
{
    public static async Task<ImportResult> ImportAsync(
        AppDbContext db, Organization organization, ImportRequest request, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        if (db.Tenant.RequireOrgId() != organization.Id)
        {
            throw new InvalidOperationException("The database context acts for another organization.");
        }
        if (!File.Exists(request.FilePath))
        {
            throw new FileNotFoundException($"{request.FilePath}: file not found.", request.FilePath);
        }
        var fileName = Path.GetFileName(request.FilePath);
        var errors = new ImportErrors(fileName, request.MaxErrors);
        var encoding = ChooseEncoding(request, errors);
        if (encoding is null)
        {
            return Finish(request, errors, "unknown", created: null);
        }

        ColumnMap map;
        try
        {
            using var reader = TabularReader.Open(request.FilePath, encoding);
            if (reader.Headers.Count == 0)
            {
                errors.Add(1, "", ImportProblem.EmptyFile);
                return Finish(request, errors, encoding.WebName, created: null);
            }
            map = PresetTable.Map(request.Kind, request.Preset, reader.Headers, errors);
        }
        catch (Exception e) when (e is InvalidDataException or DecoderFallbackException
            || e.GetType().Namespace?.StartsWith("MiniExcelLibs", StringComparison.Ordinal) == true)
        {
            errors.Add(1, "", TabularReader.IsXlsx(request.FilePath) ? ImportProblem.UnreadableXlsx : ImportProblem.UnreadableCsv, e.Message);
            return Finish(request, errors, encoding.WebName, created: null);
        }
        if (errors.Count > 0)
        {
            return Finish(request, errors, encoding.WebName, created: null);
        }

        var result = new ImportResult { Kind = request.Kind, EncodingName = encoding.WebName, DryRun = request.DryRun };
        var context = new ImportContext
        {
            Request = request,
            Organization = organization,
            Encoding = encoding,
            Errors = errors,
            Row = new ImportRow(map, errors, organization),
            Result = result,
            Lookups = await ImportLookups.LoadAsync(db, cancellationToken),
            FileLength = new FileInfo(request.FilePath).Length,
            Clock = clock,
        };
        try
        {
            await (request.Kind switch
            {
                ImportKind.Teams => RecordImporter.RunAsync(db, context, RecordSpecs.Teams(context), cancellationToken),
                ImportKind.Members => RecordImporter.RunAsync(db, context, RecordSpecs.Members(context), cancellationToken),
                ImportKind.Accounts => RecordImporter.RunAsync(db, context, RecordSpecs.Accounts(context), cancellationToken),
                ImportKind.Contacts => RecordImporter.RunAsync(db, context, RecordSpecs.Contacts(context), cancellationToken),
                ImportKind.Leads => RecordImporter.RunAsync(db, context, RecordSpecs.Leads(context), cancellationToken),
                ImportKind.Deals => RecordImporter.RunAsync(db, context, RecordSpecs.Deals(context), cancellationToken),
                ImportKind.Activities => ActivityImporter.RunAsync(db, context, cancellationToken),
                ImportKind.FollowUps => RecordImporter.RunAsync(db, context, RecordSpecs.FollowUps(context), cancellationToken),
                ImportKind.Feedback => RecordImporter.RunAsync(db, context, RecordSpecs.Feedback(context), cancellationToken),
                _ => throw new ArgumentOutOfRangeException(nameof(request), request.Kind, "Unknown kind."),
            });
        }
        catch (DecoderFallbackException e)
        {
            db.ChangeTracker.Clear();
            errors.Add(context.Row.Number, "", ImportProblem.InvalidText, encoding.WebName, e.Message);
        }
        return Finish(request, errors, encoding.WebName, result);
    }

    public static bool IsSupportedFile(string path) => TabularReader.IsSupported(path);

    // "followups", as the command line and messages spell the kind.
    public static string KindName(ImportKind kind) => PresetTable.KindName(kind);

    private static Encoding? ChooseEncoding(ImportRequest request, ImportErrors errors)
    {
        if (TabularReader.IsXlsx(request.FilePath))
        {
            return TextEncodingDetector.Utf8;
        }
        if (request.Encoding == ImportEncoding.Gb18030)
        {
            return TextEncodingDetector.Gb18030;
        }
        long invalid;
        using (var stream = File.OpenRead(request.FilePath))
        {
            invalid = TextEncodingDetector.FindInvalidUtf8(stream);
        }
        if (invalid < 0)
        {
            return TextEncodingDetector.Utf8;
        }
        if (request.Encoding == ImportEncoding.Auto)
        {
            return TextEncodingDetector.Gb18030;
        }
        using var again = File.OpenRead(request.FilePath);
        var (row, column) = TextEncodingDetector.Locate(again, invalid);
        errors.Add(row, PresetTable.ColumnName(column), ImportProblem.NotUtf8, invalid);
        return null;
    }

    private static ImportResult Finish(ImportRequest request, ImportErrors errors, string encoding, ImportResult? created)
    {
        var result = created ?? new ImportResult { Kind = request.Kind, EncodingName = encoding, DryRun = request.DryRun };
        var final = new ImportResult
        {
            Kind = result.Kind,
            EncodingName = result.EncodingName,
            DryRun = request.DryRun,
            Created = result.Created,
            Updated = result.Updated,
            Unchanged = result.Unchanged,
            Rejected = errors.RejectedRows,
            Errors = errors.Listed,
            ErrorCount = errors.Count,
            Written = result.Written && errors.Count == 0,
            Routed = result.Routed,
            Unrouted = result.Unrouted,
        };
        return final;
    }
}
