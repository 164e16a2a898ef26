using Headroom.Common;

namespace Headroom.Deals;

// One move of a deal into a stage, appended whenever a deal is created or its stage changes (by
// the SaveChanges interceptor, so every path that saves a deal records it). FromStageId is null
// for the stage a deal was created in. The funnel reads how far each deal got from these rows:
// a lost deal's current stage says only that it was lost, not where.
public class DealStageChange : TenantEntity
{
    public long DealId { get; set; }
    public Deal? Deal { get; set; }
    public long? FromStageId { get; set; }
    public long ToStageId { get; set; }
    public DateTime ChangedUtc { get; set; }
}
