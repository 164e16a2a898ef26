namespace Headroom.Web.Importing;

// Bound from "Headroom:Import". An empty UploadFolder means a private folder made for this
// process under the system temp folder (mode 0700, removed at shutdown); set it when several
// servers share the uploads behind one address.
public sealed class ImportOptions
{
    public const string Section = "Headroom:Import";

    public int MaxUploadMegabytes { get; set; } = 100;
    public string? UploadFolder { get; set; }
    public int UploadExpiryMinutes { get; set; } = 60;

    public long MaxUploadBytes => (long)Math.Max(1, MaxUploadMegabytes) << 20;
    public TimeSpan UploadExpiry => TimeSpan.FromMinutes(Math.Max(1, UploadExpiryMinutes));
}
