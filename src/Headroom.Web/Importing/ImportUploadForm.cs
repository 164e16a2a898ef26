namespace Headroom.Web.Importing;

// The multipart body of POST /api/v1/imports/{kind}, as the OpenAPI document describes it; the
// handler reads the form itself (see ImportsApi).
public sealed record ImportUploadForm(IFormFile File, string? Preset, string? Encoding, bool? DryRun, int? MaxErrors);
