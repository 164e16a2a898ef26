namespace Headroom.Importing;

// Row is the spreadsheet row the user sees: the header is row 1, the first record row 2.
public sealed record ImportError(string File, int Row, string Column, string Message)
{
    public override string ToString() =>
        Column.Length == 0 ? $"{File}, row {Row}: {Message}" : $"{File}, row {Row}, column {Column}: {Message}";
}
