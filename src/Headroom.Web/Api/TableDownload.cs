using Headroom.Importing;

namespace Headroom.Web.Api;

// A table offered as a CSV or XLSX download, named `baseName.csv` or `.xlsx`.
public static class TableDownload
{
    public static async Task WriteAsync(
        HttpContext http, ExportFormat format, string baseName, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows, string sheet, CancellationToken cancellationToken)
    {
        var name = $"{baseName}.{(format == ExportFormat.Csv ? "csv" : "xlsx")}";
        http.Response.ContentType = format == ExportFormat.Csv ? "text/csv; charset=utf-8" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{name}\"";
        // MiniExcel writes the workbook in one go; buffer it so the response never carries half of one.
        using var buffer = new MemoryStream();
        await TableExport.WriteAsync(buffer, format, headers, rows, sheet, cancellationToken);
        buffer.Position = 0;
        await buffer.CopyToAsync(http.Response.Body, cancellationToken);
    }
}
