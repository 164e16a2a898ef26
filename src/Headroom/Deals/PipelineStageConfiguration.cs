using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Headroom.Deals;

public sealed class PipelineStageConfiguration : IEntityTypeConfiguration<PipelineStage>
{
    public void Configure(EntityTypeBuilder<PipelineStage> builder)
    {
        builder.Property(s => s.Name).HasMaxLength(100);
        builder.ToTable(t => t.HasCheckConstraint("CK_PipelineStages_WinProbability", "\"WinProbability\" BETWEEN 0 AND 100"));
        builder.HasIndex(s => new { s.OrgId, s.Name }).IsUnique();
    }
}
