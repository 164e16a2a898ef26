namespace Headroom.Importing;

public sealed record ImportRequest(ImportKind Kind, string FilePath)
{
    public ImportPreset Preset { get; init; } = ImportPreset.Headroom;
    public ImportEncoding Encoding { get; init; } = ImportEncoding.Auto;
    public bool DryRun { get; init; }
    // Errors past this many are counted but not listed.
    public int MaxErrors { get; init; } = 100;
    public IProgress<ImportProgress>? Progress { get; init; }
}
