using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Headroom.Deals;

public sealed class DealStageChangeConfiguration : IEntityTypeConfiguration<DealStageChange>
{
    public void Configure(EntityTypeBuilder<DealStageChange> builder)
    {
        // The history goes with its deal.
        builder.HasOne(c => c.Deal).WithMany().HasForeignKey(c => c.DealId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<PipelineStage>().WithMany().HasForeignKey(c => c.ToStageId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PipelineStage>().WithMany().HasForeignKey(c => c.FromStageId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.OrgId, c.DealId, c.ChangedUtc });
    }
}
