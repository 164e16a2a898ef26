using System.Text;

namespace Headroom.Importing;

// The column mapping of every kind for every preset, read from Presets/presets.tsv, and the
// header matching that tolerates case, extra spaces, a BOM and full-width brackets.
internal static class PresetTable
{
    private static readonly Lazy<List<PresetField>> Fields = new(Load);

    public static IReadOnlyList<PresetField> For(ImportKind kind) =>
        Fields.Value.Where(f => f.Kind == KindName(kind)).ToList();

    // The headers `headroom export` writes, in order.
    public static IReadOnlyList<string> HeadroomHeaders(ImportKind kind) =>
        For(kind).Select(f => f.Headers[ImportPreset.Headroom]).Where(h => h.Length > 0).Select(h => h[0]).ToList();

    public static string KindName(ImportKind kind) => kind.ToString().ToLowerInvariant();

    // Maps the file's headers to fields; unknown, duplicate and missing required columns are errors on row 1.
    public static ColumnMap Map(ImportKind kind, ImportPreset preset, IReadOnlyList<string> headers, ImportErrors errors)
    {
        var fields = For(kind);
        var normalized = headers.Select(Normalize).ToArray();
        var byField = new Dictionary<string, int>(StringComparer.Ordinal);
        var known = new bool[headers.Count];
        foreach (var field in fields)
        {
            foreach (var alias in field.Headers[preset])
            {
                var wanted = Normalize(alias);
                var index = Array.IndexOf(normalized, wanted);
                if (index < 0)
                {
                    continue;
                }
                if (known[index])
                {
                    continue;
                }
                known[index] = true;
                byField.TryAdd(field.Name, index);
            }
        }
        var ignored = Fields.Value.Where(f => f.Kind == "*").SelectMany(f => f.Headers[preset]).Select(Normalize).ToHashSet();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < headers.Count; i++)
        {
            var header = headers[i].Trim();
            if (normalized[i].Length == 0)
            {
                errors.Add(1, ColumnName(i), ImportProblem.EmptyHeader);
                continue;
            }
            if (seen.TryGetValue(normalized[i], out var first))
            {
                errors.Add(1, header, ImportProblem.DuplicateHeader, ColumnName(first));
                continue;
            }
            seen[normalized[i]] = i;
            if (!known[i] && !ignored.Contains(normalized[i]))
            {
                var expected = string.Join(", ", fields.SelectMany(f => f.Headers[preset].Take(1)));
                errors.Add(1, header, ImportProblem.UnknownColumn, KindName(kind), PresetName(preset), expected);
            }
        }
        foreach (var field in fields)
        {
            var missing = field.Rule switch
            {
                FieldRule.Required => !byField.ContainsKey(field.Name),
                FieldRule.Name => !byField.ContainsKey(field.Name) && !byField.ContainsKey("LastName") && !byField.ContainsKey("FirstName"),
                _ => false,
            };
            if (missing)
            {
                var header = field.Headers[preset].FirstOrDefault() ?? field.Name;
                errors.Add(1, header, ImportProblem.MissingColumn, PresetName(preset));
            }
        }
        return new ColumnMap(byField, headers.Select(h => h.Trim().TrimStart('\uFEFF')).ToArray());
    }

    public static string PresetName(ImportPreset preset) => preset.ToString().ToLowerInvariant();

    // "Call Duration (in minutes)", " call duration （in minutes） " and "\uFEFFCALL DURATION (IN MINUTES)" are one header.
    public static string Normalize(string header)
    {
        var builder = new StringBuilder(header.Length);
        var space = false;
        foreach (var raw in header.Normalize(NormalizationForm.FormKC))
        {
            var c = raw;
            if (c is '\uFEFF' or '\u200B' or '"')
            {
                continue;
            }
            if (char.IsWhiteSpace(c) || c == '_')
            {
                space = builder.Length > 0;
                continue;
            }
            if (space)
            {
                builder.Append(' ');
                space = false;
            }
            builder.Append(char.ToLowerInvariant(c));
        }
        return builder.ToString();
    }

    // Spreadsheet column letters: 0 -> A, 27 -> AB.
    public static string ColumnName(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }
        return name;
    }

    private static List<PresetField> Load()
    {
        using var stream = typeof(PresetTable).Assembly.GetManifestResourceStream("Headroom.Importing.Presets.presets.tsv")
            ?? throw new InvalidOperationException("The import presets are missing from the assembly.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var fields = new List<PresetField>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }
            var cells = line.Split('\t');
            var headers = new Dictionary<ImportPreset, string[]>();
            foreach (var preset in Enum.GetValues<ImportPreset>())
            {
                var cell = cells[3 + (int)preset];
                headers[preset] = cell.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            }
            var rule = cells[2] switch
            {
                "required" => FieldRule.Required,
                "name" => FieldRule.Name,
                "ignored" => FieldRule.Ignored,
                _ => FieldRule.Optional,
            };
            fields.Add(new PresetField(cells[0], cells[1], rule, headers));
        }
        return fields;
    }
}

internal enum FieldRule
{
    Optional,
    Required,
    // Name, or FirstName/LastName from which the name is built.
    Name,
    Ignored,
}

internal sealed record PresetField(string Kind, string Name, FieldRule Rule, IReadOnlyDictionary<ImportPreset, string[]> Headers);
