using System.Globalization;
using CsvHelper;
using Headroom.Data;
using Headroom.Organizations;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

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
        if (format == ExportFormat.Csv)
        {
            var options = new CsvWriterOptions { WriteByteOrderMark = true, Injection = CsvInjection.Escape };
            await using var writer = CsvWriter.Create(output, options, leaveOpen: true);
            foreach (var header in headers)
            {
                writer.WriteField(header);
            }
            await writer.EndRecordAsync(cancellationToken);
            foreach (var row in rows)
            {
                cancellationToken.ThrowIfCancellationRequested();
                foreach (var header in headers)
                {
                    writer.WriteField(row.GetValueOrDefault(header));
                }
                await writer.EndRecordAsync(cancellationToken);
                count++;
            }
            await writer.FlushAsync(cancellationToken);
            return count;
        }

        IEnumerable<IDictionary<string, object?>> Sheet()
        {
            foreach (var row in rows)
            {
                cancellationToken.ThrowIfCancellationRequested();
                count++;
                var cells = new Dictionary<string, object?>(headers.Count);
                foreach (var header in headers)
                {
                    cells[header] = SpreadsheetSafe.Escape(row.GetValueOrDefault(header));
                }
                yield return cells;
            }
        }
        await MiniExcel.SaveAsAsync(output, Sheet(), sheetName: PresetTable.KindName(kind), excelType: ExcelType.XLSX, cancellationToken: cancellationToken);
        return count;
    }

    internal static string Local(DateTime utc, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
