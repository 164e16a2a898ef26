using Headroom.Importing;

namespace Headroom.Web.Importing;

// One uploaded file between its preview and Apply, as stored beside the file (upload.json).
public sealed record ImportUpload
{
    public required string Id { get; init; }
    public required long OrgId { get; init; }
    public required long MemberId { get; init; }
    public required ImportKind Kind { get; init; }
    public required ImportPreset Preset { get; init; }
    public required ImportEncoding Encoding { get; init; }
    // The name the browser gave, for display only; the stored file is always upload.<extension>.
    public required string FileName { get; init; }
    public required string Extension { get; init; }
    public required DateTime CreatedUtc { get; init; }
    public ImportReport? Report { get; init; }
    // Set once Apply has run (whatever its outcome); the file itself is gone by then.
    public bool Applied { get; init; }
}
