namespace Headroom.Importing;

// Row is the spreadsheet row the user sees: the header is row 1, the first record row 2.
// Message is the English text (command line, logs); Detail renders in any culture.
public sealed record ImportError(string File, int Row, string Column, ImportMessage Detail)
{
    public ImportProblem Problem => Detail.Problem;

    public string Message => Detail.ToString();

    public override string ToString() =>
        Column.Length == 0 ? $"{File}, row {Row}: {Message}" : $"{File}, row {Row}, column {Column}: {Message}";
}
