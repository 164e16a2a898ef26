namespace Headroom.Importing;

// Cells that start with = + - @ tab or CR are run as formulas by Excel and LibreOffice (CSV
// injection). Export prefixes them with a single quote; import takes the quote off again, so a
// round trip keeps the text.
public static class SpreadsheetSafe
{
    public static string? Escape(string? text) =>
        text is { Length: > 0 } && IsDangerous(text[0]) ? "'" + text : text;

    public static string? Unescape(string? text) =>
        text is { Length: > 1 } && text[0] == '\'' && IsDangerous(text[1]) ? text[1..] : text;

    private static bool IsDangerous(char c) => c is '=' or '+' or '-' or '@' or '\t' or '\r';
}
