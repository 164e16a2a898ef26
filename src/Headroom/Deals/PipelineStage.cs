using Headroom.Common;

namespace Headroom.Deals;

// One step of the organization's sales pipeline; the organization edits names, order and odds.
public class PipelineStage : TenantEntity, IVersioned
{
    public required string Name { get; set; }
    public int SortOrder { get; set; }
    // Percent, 0–100.
    public int WinProbability { get; set; }
    public DealOutcome? ClosesAs { get; set; }
    public long Version { get; set; }
}
