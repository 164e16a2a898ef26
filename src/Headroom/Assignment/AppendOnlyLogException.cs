namespace Headroom.Assignment;

// An update or delete of a row of an append-only log: a bug in the caller, never user input.
public sealed class AppendOnlyLogException(string entity)
    : InvalidOperationException($"{entity} rows are append-only: they cannot be updated or deleted.")
{
    public string Entity { get; } = entity;
}
