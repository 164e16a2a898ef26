using System.Text.Json;
using Headroom.Common;

namespace Headroom.Workload;

// An organization's edited effort model, stored as one JSON document: it is read and written
// whole (by the settings page and the workload query), never filtered on, and new settings can
// be added with a default instead of a migration. No row means EffortModel.Default.
public class OrganizationEffortModel : TenantEntity, IVersioned
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string Settings { get; set; } = "{}";
    public long Version { get; set; }

    // Settings missing from the document keep their defaults.
    public EffortModel Read() => JsonSerializer.Deserialize<EffortModel>(Settings, Json) ?? EffortModel.Default;

    public void Write(EffortModel model) => Settings = JsonSerializer.Serialize(model, Json);
}
