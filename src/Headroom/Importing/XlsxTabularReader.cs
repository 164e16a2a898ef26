using MiniExcelLibs;

namespace Headroom.Importing;

// Streams the first worksheet with MiniExcel; rows come as column letter -> value.
internal sealed class XlsxTabularReader : TabularReader
{
    private readonly IEnumerator<IDictionary<string, object?>> _rows;
    private readonly string[] _headers;
    private readonly string[] _letters;
    private IDictionary<string, object?>? _current;
    private int _row;

    public XlsxTabularReader(string path)
        : base(path)
    {
        _rows = MiniExcel.Query(File, useHeaderRow: false, excelType: ExcelType.XLSX)
            .Cast<IDictionary<string, object?>>()
            .GetEnumerator();
        if (_rows.MoveNext())
        {
            _row = 1;
            var first = _rows.Current;
            var width = first.Count;
            while (width > 0 && IsBlank(first[PresetTable.ColumnName(width - 1)]))
            {
                width--;
            }
            _letters = Enumerable.Range(0, width).Select(PresetTable.ColumnName).ToArray();
            _headers = _letters.Select(l => Convert.ToString(first[l], System.Globalization.CultureInfo.InvariantCulture)?.Trim() ?? "").ToArray();
        }
        else
        {
            _letters = [];
            _headers = [];
        }
    }

    public override IReadOnlyList<string> Headers => _headers;

    public override int Row => _row;

    public override int CellCount => _current?.Count ?? 0;

    public override bool Read()
    {
        while (_rows.MoveNext())
        {
            _row++;
            _current = _rows.Current;
            if (_current.Values.Any(v => !IsBlank(v)))
            {
                return true;
            }
        }
        _current = null;
        return false;
    }

    public override object? this[int index]
    {
        get
        {
            if (_current is null)
            {
                return null;
            }
            var letter = index < _letters.Length ? _letters[index] : PresetTable.ColumnName(index);
            if (!_current.TryGetValue(letter, out var value) || IsBlank(value))
            {
                return null;
            }
            return value switch
            {
                string s => s,
                DateTime or double => value,
                decimal m => m.ToString(System.Globalization.CultureInfo.InvariantCulture),
                int or long or float => Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture),
                bool b => b ? "true" : "false",
                _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture),
            };
        }
    }

    private static bool IsBlank(object? value) => value is null || (value is string s && s.Trim().Length == 0);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _rows.Dispose();
        }
        base.Dispose(disposing);
    }
}
