using Headroom.Common;

namespace Headroom.Reviews;

// The organization's scorecard: one per organization, copied into each review cycle when the
// cycle is created, so later edits never change a running cycle (docs/decisions/0026).
public class ScorecardTemplate : TenantEntity, IVersioned
{
    public required string Name { get; set; }
    public List<ScorecardItem> Items { get; set; } = [];
    public long Version { get; set; }
}
