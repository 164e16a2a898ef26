namespace Headroom.Importing;

// Finds a record of the current organization by external id first, then by natural keys (email,
// name…; case-insensitive). A key two records share is ambiguous rather than a guess.
internal sealed class ReferenceIndex(ImportNoun what, ImportProblem unknown)
{
    private readonly Dictionary<string, long> _byExternalId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _byKey = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _ambiguous = new(StringComparer.OrdinalIgnoreCase);

    public enum Match
    {
        Missing,
        Found,
        Ambiguous,
    }

    public ImportNoun What { get; } = what;

    // The problem that says how a reference is matched when nothing matches it.
    public ImportProblem Unknown { get; } = unknown;

    public void Add(long id, string? externalId, params string?[] keys)
    {
        if (!string.IsNullOrEmpty(externalId))
        {
            _byExternalId[externalId] = id;
        }
        foreach (var key in keys)
        {
            if (string.IsNullOrWhiteSpace(key))
            {
                continue;
            }
            var k = key.Trim();
            if (_byKey.TryGetValue(k, out var other) && other != id)
            {
                _ambiguous.Add(k);
            }
            else
            {
                _byKey[k] = id;
            }
        }
    }

    public Match Resolve(string text, out long id)
    {
        if (_byExternalId.TryGetValue(text, out id))
        {
            return Match.Found;
        }
        if (_ambiguous.Contains(text))
        {
            return Match.Ambiguous;
        }
        return _byKey.TryGetValue(text, out id) ? Match.Found : Match.Missing;
    }
}
