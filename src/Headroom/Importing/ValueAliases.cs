using System.Text;

namespace Headroom.Importing;

// English and Chinese words for enum values and deal stages, read from Presets/values.tsv.
internal static class ValueAliases
{
    private static readonly Lazy<Dictionary<string, Dictionary<string, string>>> Table = new(Load);

    public static bool TryParse<TEnum>(string text, out TEnum value)
        where TEnum : struct, Enum
    {
        if (Enum.TryParse(text.Trim(), ignoreCase: true, out value) && Enum.IsDefined(value) && !int.TryParse(text, out _))
        {
            return true;
        }
        if (Lookup(typeof(TEnum).Name, text) is { } name)
        {
            return Enum.TryParse(name, out value);
        }
        value = default;
        return false;
    }

    public static bool TryParseBool(string text, out bool value)
    {
        var found = Lookup("Boolean", text);
        value = found == "true";
        return found is not null;
    }

    // The standard step ("Won", "Proposal"…) a stage word means, and every word for that step.
    public static IReadOnlyList<string> StageWords(string text)
    {
        if (Lookup("Stage", text) is not { } step)
        {
            return [];
        }
        return [step, .. Table.Value["Stage"].Where(kv => kv.Value == step).Select(kv => kv.Key)];
    }

    public static string Key(string text) => PresetTable.Normalize(text);

    private static string? Lookup(string table, string text) =>
        Table.Value.TryGetValue(table, out var words) && words.TryGetValue(Key(text), out var value) ? value : null;

    private static Dictionary<string, Dictionary<string, string>> Load()
    {
        using var stream = typeof(ValueAliases).Assembly.GetManifestResourceStream("Headroom.Importing.Presets.values.tsv")
            ?? throw new InvalidOperationException("The import value words are missing from the assembly.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var table = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }
            var cells = line.Split('\t');
            if (!table.TryGetValue(cells[0], out var words))
            {
                table[cells[0]] = words = new Dictionary<string, string>(StringComparer.Ordinal);
            }
            words[Key(cells[1])] = cells[1];
            foreach (var alias in cells[2].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                words[Key(alias)] = cells[1];
            }
        }
        return table;
    }
}
