using System.Globalization;
using Headroom.Organizations;

namespace Headroom.Importing;

// The current row of an import, read field by field. Each Try… returns false when the file has no
// such column (leave the record's value alone) or the value is bad (the error is recorded with
// file, row and column); on true the value is set (null for an empty cell).
internal sealed class ImportRow
{
    private readonly ColumnMap _map;
    private readonly ImportErrors _errors;
    private readonly TimeZoneInfo _zone;
    private TabularReader? _reader;
    private long _errorsBefore;
    private bool _mutedError;

    public ImportRow(ColumnMap map, ImportErrors errors, Organization organization)
    {
        _map = map;
        _errors = errors;
        Organization = organization;
        _zone = TimeZoneInfo.FindSystemTimeZoneById(organization.TimeZoneId);
    }

    public Organization Organization { get; }

    public ColumnMap Map => _map;

    public int Number { get; private set; }

    // Errors added while this row was current; a muted row records none but still has them.
    public bool HasErrors => _errors.Count > _errorsBefore || _mutedError;

    public bool Muted { get; set; }

    public void Load(TabularReader reader)
    {
        _reader = reader;
        Number = reader.Row;
        _errorsBefore = _errors.Count;
        _mutedError = false;
        if (reader is CsvTabularReader { BadData: { } bad })
        {
            Error("", ImportProblem.MalformedQuoting, bad);
        }
        for (var i = _map.Headers.Count; i < reader.CellCount; i++)
        {
            if (reader[i] is not null)
            {
                Error(PresetTable.ColumnName(i), ImportProblem.ValueBeyondHeader, _map.Headers.Count);
                break;
            }
        }
    }

    public bool Has(string field) => _map.Has(field);

    public void Error(string field, ImportProblem problem, params object[] args) => ErrorAt(Number, field, ImportMessage.Of(problem, args));

    public void Error(string field, ImportMessage message) => ErrorAt(Number, field, message);

    // For an error found about a row after it was read (a duplicate whose first row is looked up later).
    public void ErrorAt(int rowNumber, string field, ImportMessage message)
    {
        if (Muted)
        {
            _mutedError = true;
            return;
        }
        _errors.Add(rowNumber, _map.Has(field) ? _map.HeaderOf(field) : field, message);
    }

    private object? Cell(string field)
    {
        var index = _map.IndexOf(field);
        return index < 0 || _reader is null ? null : _reader[index];
    }

    public string? Raw(string field) => Cell(field) switch
    {
        null => null,
        string s => s.Trim(),
        DateTime d => d.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        var other => Convert.ToString(other, CultureInfo.InvariantCulture),
    };

    public bool TryText(string field, int maxLength, out string? value, bool required = false)
    {
        value = null;
        if (!Has(field))
        {
            return false;
        }
        var text = SpreadsheetSafe.Unescape(Raw(field));
        if (string.IsNullOrEmpty(text))
        {
            if (required)
            {
                Error(field, ImportProblem.Required);
                return false;
            }
            return true;
        }
        if (text.Length > maxLength)
        {
            Error(field, ImportProblem.TooLong, text.Length, maxLength);
            return false;
        }
        value = text;
        return true;
    }

    // Name, or "LastName FirstName" built from the two parts (Chinese order when either part is Chinese).
    public bool TryPersonName(int maxLength, out string? value)
    {
        if (Has("Name") && !string.IsNullOrEmpty(Raw("Name")))
        {
            return TryText("Name", maxLength, out value, required: true);
        }
        if (!Has("Name") && (Has("FirstName") || Has("LastName")))
        {
            var first = Raw("FirstName") ?? "";
            var last = Raw("LastName") ?? "";
            var chinese = (first + last).Any(c => c >= '\u4e00' && c <= '\u9fff');
            var name = chinese ? last + first : $"{first} {last}".Trim();
            if (name.Length == 0)
            {
                Error(Has("LastName") ? "LastName" : "FirstName", ImportProblem.NameRequired);
                value = null;
                return false;
            }
            value = name.Length > maxLength ? name[..maxLength] : name;
            return true;
        }
        return TryText("Name", maxLength, out value, required: true);
    }

    public bool TryMoney(string field, out long value)
    {
        value = 0;
        if (!Has(field))
        {
            return false;
        }
        var cell = Cell(field);
        if (cell is null)
        {
            return true;
        }
        var text = cell is double d ? ((decimal)d).ToString(CultureInfo.InvariantCulture) : Raw(field)!;
        var parsed = ValueParser.ParseMoney(text, Organization.Currency, out var problem);
        if (parsed is null)
        {
            Error(field, problem!);
            return false;
        }
        value = parsed.Value;
        return true;
    }

    public bool TryDate(string field, out DateOnly? value, bool required = false)
    {
        value = null;
        if (!Has(field))
        {
            return false;
        }
        var cell = Cell(field);
        if (cell is null)
        {
            if (required)
            {
                Error(field, ImportProblem.DateRequired);
                return false;
            }
            return true;
        }
        if (!ValueParser.TryParseDate(cell, out var date))
        {
            Error(field, ImportProblem.NotDate, Raw(field)!);
            return false;
        }
        value = date;
        return true;
    }

    // A wall-clock time in the organization's zone (or with an explicit offset), as UTC.
    public bool TryUtc(string field, out DateTime? value, bool required = false)
    {
        value = null;
        if (!Has(field))
        {
            return false;
        }
        var cell = Cell(field);
        if (cell is null)
        {
            if (required)
            {
                Error(field, ImportProblem.DateTimeRequired);
                return false;
            }
            return true;
        }
        if (!ValueParser.TryParseDateTime(cell, out var time, out var isUtc))
        {
            Error(field, ImportProblem.NotDateTime, Raw(field)!);
            return false;
        }
        if (isUtc)
        {
            value = DateTime.SpecifyKind(time, DateTimeKind.Utc);
            return true;
        }
        if (_zone.IsInvalidTime(time))
        {
            Error(field, ImportProblem.SkippedLocalTime, Raw(field)!, Organization.TimeZoneId);
            return false;
        }
        value = TimeZoneInfo.ConvertTimeToUtc(time, _zone);
        return true;
    }

    public bool TryInt(string field, int min, int max, out int? value, bool required = false)
    {
        value = null;
        if (!Has(field))
        {
            return false;
        }
        var cell = Cell(field);
        if (cell is null)
        {
            if (required)
            {
                Error(field, ImportProblem.NumberRequired);
                return false;
            }
            return true;
        }
        if (!ValueParser.TryParseInt(cell, out var number) || number < min || number > max)
        {
            Error(field, ImportProblem.NotWholeNumber, Raw(field)!, min, max);
            return false;
        }
        value = number;
        return true;
    }

    public bool TryNumber(string field, double min, double max, out double? value)
    {
        value = null;
        if (!Has(field))
        {
            return false;
        }
        var cell = Cell(field);
        if (cell is null)
        {
            return true;
        }
        if (!ValueParser.TryParseNumber(cell, out var number) || number < min || number > max)
        {
            Error(field, ImportProblem.NotNumber, Raw(field)!, min, max);
            return false;
        }
        value = number;
        return true;
    }

    public bool TryBool(string field, out bool? value)
    {
        value = null;
        if (!Has(field))
        {
            return false;
        }
        var text = Raw(field);
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }
        if (!ValueAliases.TryParseBool(text, out var b))
        {
            Error(field, ImportProblem.NotYesNo, text);
            return false;
        }
        value = b;
        return true;
    }

    public bool TryEnum<TEnum>(string field, out TEnum? value, bool required = false)
        where TEnum : struct, Enum
    {
        value = null;
        if (!Has(field))
        {
            return false;
        }
        var text = Raw(field);
        if (string.IsNullOrEmpty(text))
        {
            if (required)
            {
                Error(field, ImportProblem.Required);
                return false;
            }
            return true;
        }
        if (!ValueAliases.TryParse<TEnum>(text, out var parsed))
        {
            Error(field, ImportProblem.NotOneOf, text, string.Join(", ", Enum.GetNames<TEnum>()));
            return false;
        }
        value = parsed;
        return true;
    }

    // A reference to another record by external id or natural key. Records of other organizations
    // are not in the index, so they read as "does not exist".
    public bool TryReference(string field, ReferenceIndex index, out long? id, bool required = false)
    {
        id = null;
        if (!Has(field))
        {
            return false;
        }
        var text = SpreadsheetSafe.Unescape(Raw(field));
        if (string.IsNullOrEmpty(text))
        {
            if (required)
            {
                Error(field, ImportProblem.Required);
                return false;
            }
            return true;
        }
        switch (index.Resolve(text, out var found))
        {
            case ReferenceIndex.Match.Found:
                id = found;
                return true;
            case ReferenceIndex.Match.Ambiguous:
                Error(field, ImportProblem.AmbiguousReference, index.What, text);
                return false;
            default:
                Error(field, index.Unknown, text, Organization.Name);
                return false;
        }
    }
}
