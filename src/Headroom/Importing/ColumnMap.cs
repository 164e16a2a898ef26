namespace Headroom.Importing;

// Which column of the file holds which field, and the header the user wrote for it.
internal sealed class ColumnMap(IReadOnlyDictionary<string, int> byField, IReadOnlyList<string> headers)
{
    public IReadOnlyList<string> Headers { get; } = headers;

    public bool Has(string field) => byField.ContainsKey(field);

    public int IndexOf(string field) => byField.TryGetValue(field, out var index) ? index : -1;

    public string HeaderOf(string field) => byField.TryGetValue(field, out var index) ? Headers[index] : field;
}
