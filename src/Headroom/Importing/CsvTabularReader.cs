using System.Text;
using CsvHelper;

namespace Headroom.Importing;

// CsvHelper's SIMD reader over the file; it transcodes GB18030 to UTF-8 as it reads.
internal sealed class CsvTabularReader : TabularReader
{
    private readonly CsvReader _reader;
    private readonly string[] _headers;

    public CsvTabularReader(string path, Encoding encoding)
        : base(path)
    {
        var options = new CsvReaderOptions
        {
            Encoding = encoding.CodePage == Encoding.UTF8.CodePage ? null : encoding,
            // A stray quote inside an unquoted field (5" screen) is ordinary text; quoting that
            // swallows or garbles the following text is an error.
            OnMalformedRecord = record => BadData = record.Reason is CsvMalformedReason.UnterminatedQuote or CsvMalformedReason.TextAfterClosingQuote
                ? record.Reason.ToString() : BadData,
        };
        _reader = CsvReader.Create(File, options, leaveOpen: true);
        _headers = [.. _reader.Headers];
    }

    // What is wrong with the quoting of the current row, if anything (CsvHelper recovers and reads on).
    public string? BadData { get; private set; }

    public override IReadOnlyList<string> Headers => _headers;

    public override int Row => (int)_reader.RowNumber + 1;

    public override int CellCount => _reader.FieldCount;

    public override bool Read()
    {
        while (true)
        {
            BadData = null;
            if (!_reader.Read())
            {
                return false;
            }
            for (var i = 0; i < _reader.FieldCount; i++)
            {
                if (!_reader.IsEmpty(i))
                {
                    return true;
                }
            }
        }
    }

    public override object? this[int index] =>
        index >= _reader.FieldCount || _reader.IsEmpty(index) ? null : _reader.GetString(index);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _reader.Dispose();
        }
        base.Dispose(disposing);
    }
}
