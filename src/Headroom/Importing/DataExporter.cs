using System.Globalization;
using Headroom.Data;
using Headroom.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Headroom.Importing;

// `headroom export`: one kind of the current organization (the tenant filter applies) with the
// Headroom preset's headers, so the file imports back unchanged. Rows stream from the database to
// the file. CSV is UTF-8 with a BOM so Excel shows Chinese correctly; text cells that a
// spreadsheet would run as a formula are prefixed with a single quote.
public static class DataExporter
{
    public static async Task<long> ExportAsync(
        AppDbContext db, Organization organization, ImportKind kind, ExportFormat format, Stream output, CancellationToken cancellationToken = default)
    {
        if (db.Tenant.RequireOrgId() != organization.Id)
        {
            throw new InvalidOperationException("The database context acts for another organization.");
        }
        var headers = PresetTable.HeadroomHeaders(kind);
        var labels = await ExportLabels.LoadAsync(db, cancellationToken);
        var rows = new ExportRows(db, organization, labels).For(kind);
        long count = 0;
        IEnumerable<IReadOnlyList<object?>> Cells()
        {
            foreach (var row in rows)
            {
                count++;
                yield return [.. headers.Select(header => (object?)row.GetValueOrDefault(header))];
            }
        }
        await TableExport.WriteAsync(output, format, headers, Cells(), PresetTable.KindName(kind), cancellationToken);
        return count;
    }

    internal static string Local(DateTime utc, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
