using System.Globalization;
using System.Text;
using Headroom.Organizations;

namespace Headroom.Importing;

// A holiday calendar file (CSV, TSV or XLSX) under a header row with the columns date, kind and
// name, or name_zh and name_en as in the calendar Headroom ships: one row per day that differs
// from the ordinary week. Every bad row is reported (row, column, what); a file with any error
// yields no days, so nothing half-read is ever applied.
public static class CalendarFile
{
    public const int MaxRows = 5_000;
    public const int MaxNameLength = 100;

    public static bool IsSupported(string fileName) => TabularReader.IsSupported(fileName);

    public static CalendarFileResult Read(string path, string locale)
    {
        using var reader = TabularReader.Open(path, Encoding.UTF8);
        var errors = new List<CalendarFileError>();
        var headers = reader.Headers.Select(h => h.Trim().ToLowerInvariant()).ToList();
        var date = headers.IndexOf("date");
        var kind = headers.IndexOf("kind");
        var chinese = locale.StartsWith("zh", StringComparison.OrdinalIgnoreCase);
        var name = headers.IndexOf("name");
        if (name < 0)
        {
            name = headers.IndexOf(chinese ? "name_zh" : "name_en");
        }
        if (name < 0)
        {
            name = headers.IndexOf(chinese ? "name_en" : "name_zh");
        }
        foreach (var (column, index) in new[] { ("date", date), ("kind", kind), ("name", name) })
        {
            if (index < 0)
            {
                errors.Add(new CalendarFileError(1, column, CalendarFileProblem.MissingColumn, null));
            }
        }
        if (errors.Count > 0)
        {
            return new CalendarFileResult([], errors);
        }

        var days = new List<CalendarFileRow>();
        var seen = new Dictionary<DateOnly, int>();
        while (reader.Read())
        {
            if (days.Count + errors.Count >= MaxRows)
            {
                errors.Add(new CalendarFileError(reader.Row, "", CalendarFileProblem.TooManyRows, MaxRows.ToString(CultureInfo.InvariantCulture)));
                break;
            }
            var row = reader.Row;
            var ok = true;
            DateOnly day = default;
            switch (reader[date])
            {
                case DateTime excel:
                    day = DateOnly.FromDateTime(excel);
                    break;
                case string text when DateOnly.TryParseExact(text.Trim(), ["yyyy-MM-dd", "yyyy/M/d", "yyyy-M-d"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed):
                    day = parsed;
                    break;
                case var other:
                    errors.Add(new CalendarFileError(row, "date", other is null ? CalendarFileProblem.Required : CalendarFileProblem.BadDate, Text(other)));
                    ok = false;
                    break;
            }
            var kindText = Text(reader[kind]);
            CalendarDayKind? dayKind = ParseKind(kindText);
            if (dayKind is null)
            {
                errors.Add(new CalendarFileError(row, "kind", kindText is null ? CalendarFileProblem.Required : CalendarFileProblem.BadKind, kindText));
                ok = false;
            }
            var dayName = Text(reader[name]);
            if (dayName is null)
            {
                errors.Add(new CalendarFileError(row, "name", CalendarFileProblem.Required, null));
                ok = false;
            }
            else if (dayName.Length > MaxNameLength)
            {
                errors.Add(new CalendarFileError(row, "name", CalendarFileProblem.TooLong, MaxNameLength.ToString(CultureInfo.InvariantCulture)));
                ok = false;
            }
            if (ok && seen.TryGetValue(day, out var first))
            {
                errors.Add(new CalendarFileError(row, "date", CalendarFileProblem.Duplicate, first.ToString(CultureInfo.InvariantCulture)));
                ok = false;
            }
            if (ok)
            {
                seen[day] = row;
                days.Add(new CalendarFileRow(row, day, dayKind!.Value, dayName!));
            }
        }
        if (errors.Count == 0 && days.Count == 0)
        {
            errors.Add(new CalendarFileError(1, "", CalendarFileProblem.Empty, null));
        }
        return errors.Count > 0 ? new CalendarFileResult([], errors) : new CalendarFileResult(days, []);
    }

    // English and the Chinese words a calendar uses: 假/休 for days off, 班/上班/补班 for extra workdays.
    public static CalendarDayKind? ParseKind(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "holiday" or "off" or "假" or "休" or "假日" or "节假日" or "放假" or "休息" => CalendarDayKind.Holiday,
        "workday" or "work" or "班" or "上班" or "补班" or "调休上班" or "工作日" => CalendarDayKind.Workday,
        _ => null,
    };

    private static string? Text(object? cell) => cell switch
    {
        null => null,
        string s when string.IsNullOrWhiteSpace(s) => null,
        string s => s.Trim(),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => cell.ToString(),
    };
}

public sealed record CalendarFileRow(int Row, DateOnly Date, CalendarDayKind Kind, string Name);

// Value is the offending text, or for Duplicate the row that had the date first, for TooLong
// and TooManyRows the limit.
public sealed record CalendarFileError(int Row, string Column, CalendarFileProblem Problem, string? Value);

public sealed record CalendarFileResult(IReadOnlyList<CalendarFileRow> Days, IReadOnlyList<CalendarFileError> Errors);

public enum CalendarFileProblem
{
    MissingColumn = 0,
    Required = 1,
    BadDate = 2,
    BadKind = 3,
    TooLong = 4,
    Duplicate = 5,
    TooManyRows = 6,
    Empty = 7,
}
