using System.Text.Json;
using Headroom.Common;

namespace Headroom.Assignment;

// An organization's edited pool rules, one JSON document like the effort model: read and written
// whole, never filtered on. No row means PoolSettings.Default.
public class OrganizationPoolSettings : TenantEntity, IVersioned
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string Settings { get; set; } = "{}";
    public long Version { get; set; }

    // Settings missing from the document keep their defaults.
    public PoolSettings Read() => JsonSerializer.Deserialize<PoolSettings>(Settings, Json) ?? PoolSettings.Default;

    public void Write(PoolSettings settings) => Settings = JsonSerializer.Serialize(settings, Json);
}
