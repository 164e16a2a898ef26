using System.Globalization;
using Headroom.Importing;

namespace Headroom.Web.Importing;

// What an import did or would do. Errors lists at most the requested number (row 1 is the
// header); ErrorCount counts them all and Rejected counts the data rows with at least one.
public sealed record ImportReport(
    ImportKind Kind,
    ImportPreset Preset,
    string Encoding,
    bool DryRun,
    bool Succeeded,
    bool Written,
    long Created,
    long Updated,
    long Unchanged,
    long Rejected,
    long ErrorCount,
    IReadOnlyList<ImportRowError> Errors,
    long? Routed = null,
    long? Unrouted = null)
{
    // The messages are worded in the given culture (the request's), with the problem's code beside
    // them for scripts.
    public static ImportReport From(ImportResult result, ImportPreset preset, CultureInfo culture) => new(
        result.Kind, preset, result.EncodingName, result.DryRun, result.Succeeded, result.Written,
        result.Created, result.Updated, result.Unchanged, result.Rejected, result.ErrorCount,
        [.. result.Errors.Select(e => new ImportRowError(e.Row, e.Column, e.Problem, e.Detail.Format(culture)))], result.Routed, result.Unrouted);
}

public sealed record ImportRowError(int Row, string Column, ImportProblem Code, string Message);
