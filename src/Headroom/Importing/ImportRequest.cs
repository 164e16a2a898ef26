namespace Headroom.Importing;

public sealed record ImportRequest(ImportKind Kind, string FilePath)
{
    public ImportPreset Preset { get; init; } = ImportPreset.Headroom;
    public ImportEncoding Encoding { get; init; } = ImportEncoding.Auto;
    public bool DryRun { get; init; }
    // Leads only: route every new lead without an owner through the first auto-routing queue
    // that takes it, in the import's transaction (null: leave them unowned).
    public LeadRouting? Routing { get; init; }
    // Errors past this many are counted but not listed.
    public int MaxErrors { get; init; } = 100;
    public IProgress<ImportProgress>? Progress { get; init; }
    // Row keys held in memory at once by the activity importer (about 72 bytes each at most);
    // more are handled in further passes over the file.
    internal long KeysPerPass { get; init; } = 4_000_000;
}
