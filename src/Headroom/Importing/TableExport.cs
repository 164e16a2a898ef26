using CsvHelper;
using MiniExcelLibs;

namespace Headroom.Importing;

// A table as CSV (UTF-8 with a BOM, so Excel shows Chinese) or XLSX, streamed row by row: the
// records of `headroom export` and computed reports alike. Text that a spreadsheet would run as a
// formula is escaped in both; numbers stay numbers in XLSX.
public static class TableExport
{
    public static async Task WriteAsync(
        Stream output, ExportFormat format, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows, string sheetName,
        CancellationToken cancellationToken = default)
    {
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
                foreach (var cell in row)
                {
                    writer.WriteField(cell switch
                    {
                        null => null,
                        IFormattable number => number.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
                        _ => cell.ToString(),
                    });
                }
                await writer.EndRecordAsync(cancellationToken);
            }
            await writer.FlushAsync(cancellationToken);
            return;
        }
        IEnumerable<IDictionary<string, object?>> Sheet()
        {
            foreach (var row in rows)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var cells = new Dictionary<string, object?>(headers.Count);
                for (var i = 0; i < headers.Count; i++)
                {
                    var cell = i < row.Count ? row[i] : null;
                    cells[headers[i]] = cell is string text ? SpreadsheetSafe.Escape(text) : cell;
                }
                yield return cells;
            }
        }
        await MiniExcel.SaveAsAsync(output, Sheet(), sheetName: sheetName, excelType: ExcelType.XLSX, cancellationToken: cancellationToken);
    }
}
