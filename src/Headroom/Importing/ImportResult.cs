namespace Headroom.Importing;

public sealed class ImportResult
{
    public required ImportKind Kind { get; init; }
    public required string EncodingName { get; init; }
    public bool DryRun { get; init; }
    public long Created { get; set; }
    public long Updated { get; set; }
    public long Unchanged { get; set; }
    // Rows with at least one error.
    public long Rejected { get; set; }
    public IReadOnlyList<ImportError> Errors { get; init; } = [];
    // All errors, including those past the listing limit.
    public long ErrorCount { get; init; }
    public bool Succeeded => ErrorCount == 0;
    // True when the database was changed (not a dry run, no errors, something to write).
    public bool Written { get; set; }
    // With routing, once written: new leads given an owner by a queue, and those no queue took.
    public long? Routed { get; set; }
    public long? Unrouted { get; set; }
}
