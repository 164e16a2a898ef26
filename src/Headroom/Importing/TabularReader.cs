using System.Text;

namespace Headroom.Importing;

// A file of rows under one header row: CSV or XLSX. Cells are strings, or for XLSX also numbers
// (double) and dates (DateTime) as Excel stored them. Fully empty rows are skipped.
internal abstract class TabularReader : IDisposable
{
    private readonly FileStream _file;

    protected TabularReader(string path)
    {
        _file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
    }

    protected Stream File => _file;

    public long Length => _file.Length;

    public long Position => _file.Position;

    public abstract IReadOnlyList<string> Headers { get; }

    // Row as the user sees it in a spreadsheet (header = 1).
    public abstract int Row { get; }

    public abstract int CellCount { get; }

    public abstract bool Read();

    // Null for an empty or missing cell.
    public abstract object? this[int index] { get; }

    public static TabularReader Open(string path, Encoding encoding) =>
        IsXlsx(path) ? new XlsxTabularReader(path) : new CsvTabularReader(path, encoding);

    public static bool IsXlsx(string path) => Path.GetExtension(path).Equals(".xlsx", StringComparison.OrdinalIgnoreCase);

    public static bool IsSupported(string path) =>
        Path.GetExtension(path).ToLowerInvariant() is ".csv" or ".xlsx" or ".txt" or ".tsv";

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _file.Dispose();
        }
    }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }
}
